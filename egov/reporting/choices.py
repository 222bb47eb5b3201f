from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueType(models.TextChoices):
    NUMBER = "number", _("Số thập phân")
    INTEGER = "integer", _("Số nguyên")
    NON_NEGATIVE = "non_negative", _("Số không âm")
    PERCENT = "percent", _("Tỷ lệ phần trăm (0–100)")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng")
    AVERAGE = "average", _("Bình quân")
    LAST = "last", _("Lấy số cuối kỳ")
    WEIGHTED_AVERAGE = "weighted_average", _("Bình quân gia quyền")
    NONE = "none", _("Không tổng hợp")


class Frequency(models.TextChoices):
    MONTH = "month", _("Hằng tháng")
    QUARTER = "quarter", _("Hằng quý")
    HALF_YEAR = "half_year", _("6 tháng")
    NINE_MONTHS = "nine_months", _("9 tháng")
    YEAR = "year", _("Hằng năm")


class Line(models.TextChoices):
    """The two reporting lines over the same data."""

    ADMINISTRATIVE = "admin", _("Theo cấp hành chính (tỉnh → xã)")
    SECTORAL = "sector", _("Theo ngành (UBND tỉnh → sở, ngành)")


class ValueStatus(models.TextChoices):
    ESTIMATE = "estimate", _("Ước tính")
    PRELIMINARY = "preliminary", _("Sơ bộ")
    OFFICIAL = "official", _("Chính thức")


class ValueSource(models.TextChoices):
    ENTRY = "entry", _("Nhập trên lưới")
    XLSX = "xlsx", _("Tải lên tệp Excel")
    IMPORT = "import", _("Nhập từ tệp trao đổi")
    BACKFILL = "backfill", _("Nhập số liệu các năm trước")


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi, chờ tiếp nhận")
    RETURNED = "returned", _("Bị trả lại")
    ACCEPTED = "accepted", _("Đã tiếp nhận, chờ duyệt")
    APPROVING = "approving", _("Đang duyệt các cấp")
    LOCKED = "locked", _("Đã duyệt, khóa số liệu")


class Operator(models.TextChoices):
    EQ = "==", _("bằng")
    NE = "!=", _("khác")
    GT = ">", _("lớn hơn")
    GE = ">=", _("lớn hơn hoặc bằng")
    LT = "<", _("nhỏ hơn")
    LE = "<=", _("nhỏ hơn hoặc bằng")


class Severity(models.TextChoices):
    ERROR = "error", _("Lỗi (chặn gửi báo cáo)")
    WARNING = "warning", _("Cảnh báo (cần giải trình)")


class CommentKind(models.TextChoices):
    NOTE = "note", _("Ghi chú")
    EXPLANATION = "explanation", _("Giải trình cảnh báo")
    RETURN_REASON = "return", _("Lý do trả lại")
