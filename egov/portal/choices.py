"""Choices of the portal: the required sections of an agency site and their update rules."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    """The eight sections of seed 003 (Mẫu hướng dẫn, mục I), plus the contact page ND 42
    asks for in English."""

    INTRODUCTION = "introduction", _("Giới thiệu chung")
    ORGANISATION = "organisation", _("Bộ máy tổ chức")
    FUNCTIONS = "functions", _("Chức năng nhiệm vụ")
    PROCEDURES = "procedures", _("Thủ tục hành chính")
    SCHEDULE = "schedule", _("Lịch công tác tuần")
    NEWS = "news", _("Tin tức hoạt động")
    FIGURES = "figures", _("Thông tin kinh tế - xã hội")
    DOCUMENTS = "documents", _("Công văn đi - đến")
    CONTACT = "contact", _("Liên hệ")


class UpdateRule(models.TextChoices):
    ON_CHANGE = "on_change", _("Khi có thay đổi")
    DAILY = "daily", _("Hằng ngày")
    WEEKLY = "weekly", _("Hằng tuần")
    LIVE = "live", _("Tự động từ hệ thống nguồn")


class NewsCategory(models.TextChoices):
    ACTIVITY = "activity", _("Tin hoạt động")
    LEGAL = "legal", _("Phổ biến, giáo dục pháp luật")
    POLICY = "policy", _("Chính sách, chỉ đạo điều hành")
