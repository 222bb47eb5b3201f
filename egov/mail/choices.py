from django.db import models
from django.utils.translation import gettext_lazy as _


class MailboxKind(models.TextChoices):
    PERSONAL = "personal", _("Cá nhân")
    SHARED = "shared", _("Hộp thư chung của cơ quan")


class MailboxState(models.TextChoices):
    PENDING = "pending", _("Chờ cấp")
    ACTIVE = "active", _("Đang hoạt động")
    SUSPENDED = "suspended", _("Tạm khóa")
    REMOVED = "removed", _("Đã thu hồi")


class ChangeKind(models.TextChoices):
    PROVISION = "provision", _("Cấp hộp thư")
    TRANSFER = "transfer", _("Điều chỉnh khi điều động")
    SUSPEND = "suspend", _("Tạm khóa")
    REACTIVATE = "reactivate", _("Mở lại")
    REMOVE = "remove", _("Thu hồi")
    #: Make the server agree with the platform's record again (reconciliation report).
    RESYNC = "resync", _("Đồng bộ lại máy chủ thư")


class ResyncProblem(models.TextChoices):
    """What the reconciliation report found (the reason of a *resync* change)."""

    MISSING = "missing", _("Máy chủ thư không có hộp thư này")
    EXTRA = "extra", _("Máy chủ thư vẫn giữ hộp thư mà nền tảng chưa cấp hoặc đã thu hồi")
    SHOULD_BE_ACTIVE = (
        "should_be_active",
        _("Trên máy chủ thư đang bị khóa, trên nền tảng đang hoạt động"),
    )
    SHOULD_BE_SUSPENDED = (
        "should_be_suspended",
        _("Trên máy chủ thư đang hoạt động, trên nền tảng đã tạm khóa"),
    )
    UNKNOWN = "unknown", _("Máy chủ thư có địa chỉ nền tảng không biết")


class ChangeState(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPLIED = "applied", _("Đã thực hiện")
    REJECTED = "rejected", _("Từ chối")
    FAILED = "failed", _("Lỗi khi thực hiện")


class AliasKind(models.TextChoices):
    GROUP = "group", _("Nhóm thư của cơ quan")
    FORWARD = "forward", _("Chuyển tiếp tạm thời")


class OutboundKind(models.TextChoices):
    DOCUMENT = "document", _("Văn bản gửi qua thư")
    ASSIGNMENT = "assignment", _("Thông báo giao việc")
    ANSWER = "answer", _("Trả lời thư của người dân")


class InboundKind(models.TextChoices):
    DOCUMENT = "document", _("Văn bản đến qua thư")
    FEEDBACK = "feedback", _("Thư của người dân")
    COMMAND = "command", _("Trả lời thông báo giao việc")
    OTHER = "other", _("Thư khác")


class InboundState(models.TextChoices):
    WAITING = "waiting", _("Chờ văn thư xác nhận")
    REGISTERED = "registered", _("Đã vào sổ văn bản đến")
    OPEN = "open", _("Chờ trả lời")
    ANSWERED = "answered", _("Đã trả lời")
    APPLIED = "applied", _("Đã cập nhật công việc")
    REFUSED = "refused", _("Không chấp nhận")
    QUARANTINED = "quarantined", _("Cách ly (có mã độc)")
    FAILED = "failed", _("Lỗi khi nhập")
    DISMISSED = "dismissed", _("Đã bỏ qua")
    KEPT = "kept", _("Đã lưu")


class DkimResult(models.TextChoices):
    PASS = "pass", _("Hợp lệ")
    FAIL = "fail", _("Sai chữ ký")
    NONE = "none", _("Không ký")
    TEMPERROR = "temperror", _("Không kiểm tra được")
