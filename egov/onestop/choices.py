"""Vocabularies of the one-stop-shop: online level, channel, statuses (ours = the national
1–10 list, so the mapping is one table), result return methods, satisfaction."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")
    NONE = "none", _("Không trực tuyến")


class TimeUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("Ngày làm việc")
    WORKING_HOURS = "working_hours", _("Giờ làm việc")


class Channel(models.IntegerChoices):
    """HinhThuc of the national portal."""

    COUNTER = 1, _("Trực tiếp")
    ONLINE = 2, _("Trực tuyến")
    POST = 3, _("Qua bưu chính công ích")


class Status(models.TextChoices):
    NEW = "new", _("Mới đăng ký")
    RECEIVED = "received", _("Được tiếp nhận")
    REFUSED = "refused", _("Không được tiếp nhận")
    PROCESSING = "processing", _("Đang xử lý")
    ADDITIONAL = "additional", _("Yêu cầu bổ sung giấy tờ")
    FEES = "fees", _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWN = "withdrawn", _("Công dân yêu cầu rút hồ sơ")
    STOPPED = "stopped", _("Dừng xử lý")
    DONE = "done", _("Đã xử lý xong")
    RETURNED = "returned", _("Đã trả kết quả")


#: TrangThaiHoSo of the national portal (reference §0 fact 6).
NATIONAL_CODE: dict[str, int] = {
    Status.NEW: 1,
    Status.RECEIVED: 2,
    Status.REFUSED: 3,
    Status.PROCESSING: 4,
    Status.ADDITIONAL: 5,
    Status.FEES: 6,
    Status.WITHDRAWN: 7,
    Status.STOPPED: 8,
    Status.DONE: 9,
    Status.RETURNED: 10,
}

#: Statuses in which the dossier is still somebody's work.
OPEN_STATUSES = (Status.NEW, Status.RECEIVED, Status.PROCESSING, Status.ADDITIONAL, Status.FEES)
#: Statuses in which the clock stands still (waiting for the citizen).
PAUSED_STATUSES = (Status.ADDITIONAL, Status.FEES)
#: Final statuses.
CLOSED_STATUSES = (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED)


class ReturnMethod(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp tại Bộ phận Một cửa")
    ONLINE = "online", _("Trực tuyến")
    POST = "post", _("Qua bưu chính công ích")


class ApplicantKind(models.TextChoices):
    CITIZEN = "citizen", _("Công dân")
    BUSINESS = "business", _("Doanh nghiệp")
    ORGANISATION = "organisation", _("Tổ chức")


class DueChangeKind(models.TextChoices):
    SET = "set", _("Hẹn trả kết quả (Mẫu 01)")
    PAUSE = "pause", _("Tạm dừng thời hạn chờ công dân")
    APOLOGY = "apology", _("Xin lỗi, hẹn lại ngày trả (Mẫu 04)")


class Satisfaction(models.IntegerChoices):
    VERY = 3, _("Rất hài lòng")
    SATISFIED = 2, _("Hài lòng")
    NOT = 1, _("Không hài lòng")


#: The Thừa Thiên Huế portal's twelve criteria (reference §1.4).
RATING_CRITERIA: list[tuple[str, str | Promise]] = [
    ("overall", _("Đánh giá chung")),
    ("convenience", _("Sự thuận tiện khi thực hiện dịch vụ")),
    ("timeliness", _("Sự kịp thời, đúng hẹn")),
    ("attitude", _("Thái độ của công chức")),
    ("total_time", _("Tổng thời gian giải quyết so với quy định")),
    ("actual_time", _("Thời gian thực tế giải quyết")),
    ("contacts", _("Số lần liên hệ để hoàn thành hồ sơ")),
    ("agencies", _("Số cơ quan phải liên hệ")),
    ("desk", _("Tổ chức tiếp nhận, trả kết quả tại Bộ phận Một cửa")),
    ("publicity", _("Công khai thủ tục hành chính")),
    ("feedback", _("Tiếp nhận, xử lý phản ánh, kiến nghị")),
    ("online", _("Tiến độ, chất lượng dịch vụ công trực tuyến")),
]
