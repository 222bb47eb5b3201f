from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Unit(models.TextChoices):
    PERCENT = "percent", _("%")
    DAYS = "days", _("ngày làm việc")


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
