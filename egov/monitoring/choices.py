from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Unit(models.TextChoices):
    PERCENT = "percent", _("%")
    DAYS = "days", _("ngày làm việc")
    HOURS = "hours", _("giờ làm việc")
    COUNT = "count", _("số lượng")


class Group(models.TextChoices):
    """Which part of the system an indicator measures; a website ranking uses only the
    ``WEBSITE`` group."""

    EOFFICE = "eoffice", _("Văn bản điện tử")
    EXCHANGE = "exchange", _("Liên thông văn bản")
    KTXH = "ktxh", _("Báo cáo kinh tế - xã hội")
    ONESTOP = "onestop", _("Một cửa điện tử")
    FEEDBACK = "feedback", _("Phản ánh, kiến nghị")
    MAIL = "mail", _("Thư điện tử công vụ")
    WEBSITE = "website", _("Trang thông tin điện tử")
    RECORDS = "records", _("Kế hoạch, nhân lực, đào tạo CNTT")


class RankingKind(models.TextChoices):
    """What a ranking method ranks: the province ranks both every year (Chỉ thị 07/CT-UBND,
    part II.1)."""

    IT_USE = "it_use", _("Ứng dụng CNTT")
    WEBSITE = "website", _("Trang thông tin điện tử")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã trình")
    APPROVED = "approved", _("Đã phê duyệt")
    RETURNED = "returned", _("Trả lại để sửa")


class StaffKind(models.TextChoices):
    FULL_TIME = "full_time", _("Chuyên trách")
    PART_TIME = "part_time", _("Kiêm nhiệm")
