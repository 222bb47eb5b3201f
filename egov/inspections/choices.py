from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Đã phê duyệt")


class InspectionState(models.TextChoices):
    PLANNED = "planned", _("Theo kế hoạch")
    IN_PROGRESS = "in_progress", _("Đang kiểm tra")
    CONCLUDED = "concluded", _("Đã kết luận")
    FOLLOW_UP = "follow_up", _("Theo dõi khắc phục")
    CLOSED = "closed", _("Đã kết thúc")


class ItemSource(models.TextChoices):
    INDICATOR = "indicator", _("Chỉ tiêu giám sát")
    WEBSITE = "website", _("Trang thông tin điện tử")
    TEMPLATE = "template", _("Nội dung kiểm tra")
    FREE = "free", _("Nội dung bổ sung")


class Result(models.TextChoices):
    PENDING = "pending", _("Chưa đánh giá")
    PASS = "pass", _("Đạt")
    FAIL = "fail", _("Không đạt")
    NOT_APPLICABLE = "na", _("Không áp dụng")


class Severity(models.TextChoices):
    LOW = "low", _("Nhẹ")
    MEDIUM = "medium", _("Trung bình")
    HIGH = "high", _("Nghiêm trọng")


class FindingState(models.TextChoices):
    OPEN = "open", _("Chưa khắc phục")
    FIX_REPORTED = "fix_reported", _("Đã báo cáo khắc phục")
    CLOSED = "closed", _("Đã khắc phục")


class DeadlineBasis(models.TextChoices):
    CALENDAR = "calendar", _("Ngày lịch")
    WORKING = "working", _("Ngày làm việc")
