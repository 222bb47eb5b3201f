from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Unit(models.TextChoices):
    PERCENT = "percent", _("%")
    DAYS = "days", _("ngày làm việc")
