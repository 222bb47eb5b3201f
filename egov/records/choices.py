from django.db import models
from django.utils.translation import gettext_lazy as _


class FileStatus(models.TextChoices):
    """A case file's life: open while documents are added, closed when the matter ends
    (kết thúc hồ sơ), handed over to the agency archive (nộp lưu), after which it is frozen."""

    OPEN = "open", _("Đang mở")
    CLOSED = "closed", _("Đã kết thúc")
    HANDED_OVER = "handed_over", _("Đã nộp lưu")


class Rights(models.TextChoices):
    """Chế độ sử dụng (Phụ lục VI §III, Rights)."""

    PUBLIC = "public", _("Công khai")
    RESTRICTED = "restricted", _("Hạn chế sử dụng")


class Report(models.TextChoices):
    """The registers of Phụ lục IV and the outputs of Phụ lục VI §V that can be printed."""

    INCOMING_REGISTER = "incoming", _("Sổ đăng ký văn bản đến")
    OUTGOING_REGISTER = "outgoing", _("Sổ đăng ký văn bản đi")
    INCOMING_FOLLOW_UP = "follow-up", _("Sổ theo dõi giải quyết văn bản đến")
    COPY_REGISTER = "copies", _("Sổ đăng ký bản sao văn bản")
    POSTAL_REGISTER = "postal", _("Sổ gửi văn bản đi bưu điện")
    INCOMING_REPORT = "incoming-report", _("Báo cáo tình hình giải quyết văn bản đến")
    OUTGOING_REPORT = "outgoing-report", _("Báo cáo tình hình giải quyết văn bản đi")
    FILE_INDEX = "file-index", _("Mục lục hồ sơ")
    COPY_USE_REGISTER = "copy-use", _("Sổ sử dụng bản lưu")
