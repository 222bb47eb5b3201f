from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COMMENT = "comment", _("Phản ánh, kiến nghị")
    QUESTION = "question", _("Câu hỏi")


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin")
    OPEN311 = "open311", _("Ứng dụng (Open311)")
    MAIL = "mail", _("Thư điện tử")


class State(models.TextChoices):
    """The life of an item. ``unverified`` items wait for the asker's e-mail code and are
    seen by nobody but the asker; everything after ``received`` is on the agency's queue."""

    UNVERIFIED = "unverified", _("Chờ xác minh thư điện tử")
    RECEIVED = "received", _("Đã tiếp nhận")
    DRAFTING = "drafting", _("Đang soạn trả lời")
    IN_REVIEW = "in_review", _("Chờ lãnh đạo duyệt")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Không xử lý")


#: States in which the answer clock runs.
OPEN_STATES = (State.RECEIVED, State.DRAFTING, State.IN_REVIEW)


class ReviewDecision(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    RETURNED = "returned", _("Trả lại để sửa")
