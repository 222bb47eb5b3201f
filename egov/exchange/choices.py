from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    EDOC = "edoc", _("Văn bản")
    STATUS = "status", _("Trạng thái")


class OutboxState(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    DEAD = "dead", _("Gửi lỗi, chờ xử lý")


class InboxState(models.TextChoices):
    """An edoc waits for the clerk (registered or refused); a status is applied at once."""

    WAITING = "waiting", _("Chờ tiếp nhận")
    REGISTERED = "registered", _("Đã vào sổ")
    REFUSED = "refused", _("Đã từ chối")
    APPLIED = "applied", _("Đã cập nhật")
    RECALLED = "recalled", _("Bên gửi đã thu hồi")
    REJECTED = "rejected", _("Gói tin không hợp lệ")


class MailboxState(models.TextChoices):
    """Transport status at the hub, named as on the national axis."""

    INBOX = "inbox", _("Chờ tải về")
    DONE = "done", _("Đã tải về")
    FAIL = "fail", _("Lỗi")


#: edXML status codes an incoming document's progress sends back (Nghị định 30, Điều 21–24).
PROGRESS_CODES = {
    "assigned": "04",
    "in_progress": "05",
    "done": "06",
    "filed": "06",
}
