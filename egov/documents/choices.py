from django.db import models
from django.utils.translation import gettext_lazy as _


class Urgency(models.IntegerChoices):
    """Mức độ khẩn; the values are edXML's ``Priority`` (0–3)."""

    NORMAL = 0, _("Thường")
    URGENT = 1, _("Khẩn")
    VERY_URGENT = 2, _("Thượng khẩn")
    FLASH = 3, _("Hỏa tốc")


class Secrecy(models.IntegerChoices):
    """Độ mật under the Law on State Secrets Protection (2018), in increasing order."""

    NONE = 0, _("Không mật")
    SECRET = 1, _("Mật")
    TOP_SECRET = 2, _("Tối mật")
    ULTRA_SECRET = 3, _("Tuyệt mật")


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Văn bản đến")
    OUTGOING = "outgoing", _("Văn bản đi")


class RegisterKind(models.TextChoices):
    """Which number series a register keeps (Nghị định 30, Điều 15 and Phụ lục I II.3)."""

    GENERAL = "general", _("Sổ thường")
    SECRET = "secret", _("Sổ văn bản mật")
    LEGAL = "legal", _("Sổ văn bản quy phạm pháp luật")
    COPY = "copy", _("Sổ bản sao")


class Channel(models.TextChoices):
    """How an incoming document arrived."""

    PAPER = "paper", _("Bản giấy")
    ELECTRONIC = "electronic", _("Điện tử (tải lên)")
    EXCHANGE = "exchange", _("Liên thông văn bản")
    MAIL = "mail", _("Thư điện tử")


class DeliveryRule(models.TextChoices):
    """The province's rule per document type (seed 004 §II.3, seed 002 §1.e)."""

    ELECTRONIC_ONLY = "electronic_only", _("Chỉ gửi điện tử")
    PARALLEL = "parallel", _("Gửi điện tử và bản giấy")
    PAPER_ONLY = "paper_only", _("Chỉ gửi bản giấy")


class IncomingStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã vào sổ, chờ trình")
    PRESENTED = "presented", _("Đã trình lãnh đạo")
    ASSIGNED = "assigned", _("Đã phân công")
    IN_PROGRESS = "in_progress", _("Đang xử lý")
    DONE = "done", _("Đã hoàn thành")
    FILED = "filed", _("Lưu tham khảo")
    RECALLED = "recalled", _("Đã thu hồi")


class AssignmentRole(models.TextChoices):
    """The part an assignee plays (bút phê: chủ trì, phối hợp, để biết)."""

    PRESENT = "present", _("Trình xem xét")
    LEAD = "lead", _("Chủ trì")
    SUPPORT = "support", _("Phối hợp")
    INFO = "info", _("Để biết")


class AssignmentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xử lý")
    IN_PROGRESS = "in_progress", _("Đang xử lý")
    FORWARDED = "forwarded", _("Đã chuyển tiếp")
    DONE = "done", _("Đã hoàn thành")
    RETURNED = "returned", _("Đã trả lại")
    CANCELLED = "cancelled", _("Đã hủy")


OPEN_ASSIGNMENT_STATUSES = (AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS)


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã đồng ý")
    REFUSED = "refused", _("Không đồng ý")


class OutgoingStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    IN_REVIEW = "in_review", _("Đang trình duyệt")
    RETURNED = "returned", _("Bị trả lại")
    APPROVED = "approved", _("Đã duyệt ký, chờ phát hành")
    ISSUED = "issued", _("Đã phát hành")
    RECALLED = "recalled", _("Đã thu hồi")
    REPLACED = "replaced", _("Đã bị thay thế")
    CANCELLED = "cancelled", _("Đã hủy")


class ReviewDecision(models.TextChoices):
    WAITING = "waiting", _("Chưa đến lượt")
    PENDING = "pending", _("Chờ ý kiến")
    APPROVED = "approved", _("Đồng ý")
    RETURNED = "returned", _("Trả lại")
    FORWARDED = "forwarded", _("Chuyển người khác cho ý kiến")
    SKIPPED = "skipped", _("Không cần ý kiến")


class RecipientKind(models.TextChoices):
    INTERNAL = "internal", _("Đơn vị trong hệ thống")
    ORGAN = "organ", _("Cơ quan khác (mã định danh)")
    EMAIL = "email", _("Địa chỉ thư điện tử")
    POST = "post", _("Gửi bản giấy qua bưu chính")


class RecipientStatus(models.TextChoices):
    """Delivery state; 01–06 are the edXML status codes the recipient sends back."""

    WAITING = "waiting", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    RECEIVED = "01", _("Đã đến")
    REFUSED = "02", _("Từ chối tiếp nhận")
    REGISTERED = "03", _("Đã tiếp nhận")
    ASSIGNED = "04", _("Đã phân công")
    IN_PROGRESS = "05", _("Đang xử lý")
    DONE = "06", _("Hoàn thành")
    FAILED = "failed", _("Gửi lỗi")
    REMOVED = "removed", _("Đã rút khỏi nơi nhận")


class CopyForm(models.TextChoices):
    """Hình thức sao (Phụ lục III I)."""

    SY = "SY", _("Sao y")
    TRS = "TrS", _("Trích sao")
    SL = "SL", _("Sao lục")
