from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    """A verification's verdict, worst first."""

    UNREADABLE = "unreadable", _("Không đọc được tệp")
    INVALID = "invalid", _("Chữ ký số không hợp lệ")
    UNTRUSTED = "untrusted", _("Chứng thư số không được tin cậy")
    VALID_UNCHECKED = "valid_unchecked", _("Hợp lệ, chưa kiểm tra thu hồi")
    VALID = "valid", _("Hợp lệ")
    UNSIGNED = "unsigned", _("Không có chữ ký số")


class SignatureRole(models.TextChoices):
    """Whose signature and on what (Nghị định 30, Điều 5 and Phụ lục I)."""

    SIGNER = "signer", _("Chữ ký của người có thẩm quyền")
    ORGANISATION = "organisation", _("Chữ ký số của cơ quan")
    ATTACHMENT = "attachment", _("Chữ ký số của cơ quan trên phụ lục")


class KeyKind(models.TextChoices):
    PKCS12 = "pkcs12", _("Tệp khóa PKCS#12")
    PKCS11 = "pkcs11", _("Thiết bị ký số (PKCS#11)")
