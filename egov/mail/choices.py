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


class ChangeState(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPLIED = "applied", _("Đã thực hiện")
    REJECTED = "rejected", _("Từ chối")
    FAILED = "failed", _("Lỗi khi thực hiện")


class AliasKind(models.TextChoices):
    GROUP = "group", _("Nhóm thư của cơ quan")
    FORWARD = "forward", _("Chuyển tiếp tạm thời")
