"""The registry of oversight indicators: what each measures (the definition shown to users),
its unit, which direction is better, and the function computing it for one agency or the
whole province over a period.

Every figure is read through another part's ``queries`` module; none is guessed. A period
with nothing to measure gives ``None``, shown as "không có dữ liệu", never 0."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from egov.documents import queries as documents
from egov.exchange import queries as exchange
from egov.feedback import queries as feedback
from egov.mail import queries as mail
from egov.monitoring.choices import Direction, Group, Unit
from egov.onestop import queries as onestop
from egov.organisations.models import OrgUnit
from egov.portal import queries as portal
from egov.reporting import queries as reporting


@dataclass(frozen=True)
class Period:
    """Both days included."""

    date_from: dt.date
    date_to: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(dt.date(year, month, 1), following - dt.timedelta(days=1))

    def __str__(self) -> str:
        return f"{self.date_from:%d/%m/%Y} – {self.date_to:%d/%m/%Y}"


Compute = Callable[[OrgUnit | None, Period], float | None]
#: The values of many agencies in one go (a few grouped reads, not one read per agency).
ComputeMany = Callable[[list[OrgUnit], Period], dict[int, float | None]]


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str | Promise
    definition: str | Promise
    unit: str
    direction: str
    compute: Compute
    group: str = Group.EOFFICE
    compute_many: ComputeMany | None = None

    @property
    def unit_label(self) -> str:
        return str(Unit(self.unit).label)

    def values(self, units: list[OrgUnit], period: Period) -> dict[int, float | None]:
        """Each agency's value by primary key."""
        if self.compute_many is not None:
            return self.compute_many(units, period)
        return {u.pk: self.compute(u, period) for u in units}


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


_memo: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("monitoring_memo", default=None)


@contextmanager
def shared_reads() -> Iterator[None]:
    """Inside, the indicators of one source share its read for a unit (or a list of units)
    and period: the four document indicators read one set of counts, not four."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def _once(key: tuple[Any, ...], read: Callable[[], Any]) -> Any:
    store = _memo.get()
    if store is None:
        return read()
    if key not in store:
        store[key] = read()
    return store[key]


@dataclass(frozen=True)
class Source[T]:
    """One part's figures: ``one`` over a unit's subtree (the province when None), ``many``
    the same for a list of units from a few grouped queries (``{pk: figures}``)."""

    name: str
    one: Callable[..., T]
    many: Callable[..., dict[int, T]]

    def read(self, unit: OrgUnit | None, period: Period) -> T:
        value: T = _once(
            (self.name, unit.pk if unit else None, period),
            lambda: self.one(unit, date_from=period.date_from, date_to=period.date_to),
        )
        return value

    def read_many(self, units: list[OrgUnit], period: Period) -> dict[int, T]:
        values: dict[int, T] = _once(
            (self.name, "many", tuple(u.pk for u in units), period),
            lambda: self.many(units, date_from=period.date_from, date_to=period.date_to),
        )
        return values

    def indicator(self, formula: Callable[[T], float | None]) -> tuple[Compute, ComputeMany]:
        """The per-unit and the grouped computation of ``formula`` over these figures."""

        def compute(unit: OrgUnit | None, period: Period) -> float | None:
            return formula(self.read(unit, period))

        def compute_many(units: list[OrgUnit], period: Period) -> dict[int, float | None]:
            return {pk: formula(value) for pk, value in self.read_many(units, period).items()}

        return compute, compute_many


DOCUMENTS: Source[documents.Statistics] = Source(
    "documents", documents.unit_statistics, documents.statistics_by_unit
)
HANDLING: Source[documents.HandlingTime] = Source(
    "handling", documents.unit_handling_time, documents.handling_time_by_unit
)
EXCHANGE: Source[exchange.Acknowledgement] = Source(
    "exchange", exchange.unit_acknowledgement, exchange.acknowledgement_by_unit
)
PUNCTUALITY: Source[onestop.Punctuality] = Source(
    "punctuality", onestop.unit_punctuality, onestop.punctuality_by_unit
)
SERVICE: Source[onestop.Service] = Source("service", onestop.unit_service, onestop.service_by_unit)
FEEDBACK: Source[feedback.AgencyStats] = Source(
    "feedback", feedback.unit_answer_stats, feedback.answer_stats_by_unit
)
SITES: Source[portal.SiteFigures] = Source(
    "sites", portal.unit_site_figures, portal.site_figures_by_unit
)
REPORTS: Source[reporting.Duties] = Source(
    "reports", reporting.unit_duties, reporting.duties_by_unit
)
MAIL: Source[mail.MailUse] = Source("mail", mail.unit_mail_use, mail.mail_use_by_unit)


def _electronic(s: documents.Statistics) -> float | None:
    return _share(
        s.incoming_electronic + s.outgoing_electronic_only + s.outgoing_parallel,
        s.incoming_total + s.outgoing_total,
    )


electronic_share, electronic_share_many = DOCUMENTS.indicator(_electronic)
incoming_electronic_share, incoming_electronic_share_many = DOCUMENTS.indicator(
    lambda s: s.incoming_electronic_share
)
outgoing_electronic_share, outgoing_electronic_share_many = DOCUMENTS.indicator(
    lambda s: s.outgoing_electronic_share
)
documents_overdue_rate, documents_overdue_rate_many = DOCUMENTS.indicator(lambda s: s.overdue_rate)
documents_handling_days, documents_handling_days_many = HANDLING.indicator(lambda h: h.average_days)
exchange_same_day_rate, exchange_same_day_rate_many = EXCHANGE.indicator(
    lambda a: _share(a.same_day, a.received)
)
onestop_on_time_rate, onestop_on_time_rate_many = PUNCTUALITY.indicator(
    lambda p: _share(p.early + p.on_time, p.finished)
)
onestop_online_share, onestop_online_share_many = SERVICE.indicator(
    lambda s: _share(s.online, s.submitted)
)
onestop_digitised_share, onestop_digitised_share_many = SERVICE.indicator(
    lambda s: _share(s.digitised, s.submitted)
)
onestop_appointment_share, onestop_appointment_share_many = SERVICE.indicator(
    lambda s: _share(s.scheduled, s.received)
)
onestop_satisfaction_share, onestop_satisfaction_share_many = SERVICE.indicator(
    lambda s: _share(s.satisfied, s.rated)
)
feedback_on_time_rate, feedback_on_time_rate_many = FEEDBACK.indicator(
    lambda s: _share(s.on_time, s.answered)
)
feedback_average_days, feedback_average_days_many = FEEDBACK.indicator(lambda s: s.average_days)
site_compliance_rate, site_compliance_rate_many = SITES.indicator(
    lambda f: _share(f.passing, f.sites)
)
site_fresh_sections_share, site_fresh_sections_share_many = SITES.indicator(
    lambda f: _share(f.fresh_sections, f.sections)
)
site_news_published, site_news_published_many = SITES.indicator(
    lambda f: float(f.news) if f.sites else None
)
site_days_since_update, site_days_since_update_many = SITES.indicator(
    lambda f: (
        round(sum(f.days_since_update) / len(f.days_since_update), 1)
        if f.days_since_update
        else None
    )
)
ktxh_completeness, ktxh_completeness_many = REPORTS.indicator(
    lambda d: _share(d.filled, d.required)
)
ktxh_timeliness, ktxh_timeliness_many = REPORTS.indicator(lambda d: _share(d.on_time, d.due))
mail_staff_use_share, mail_staff_use_share_many = MAIL.indicator(lambda m: _share(m.used, m.staff))
mail_response_hours, mail_response_hours_many = MAIL.indicator(lambda m: m.average_response_hours)


def _by_mail(m: mail.MailUse, s: documents.Statistics) -> float | None:
    return _share(m.documents_in + m.documents_out, s.incoming_total + s.outgoing_total)


def mail_documents_share(unit: OrgUnit | None, period: Period) -> float | None:
    return _by_mail(MAIL.read(unit, period), DOCUMENTS.read(unit, period))


def mail_documents_share_many(units: list[OrgUnit], period: Period) -> dict[int, float | None]:
    use, stats = MAIL.read_many(units, period), DOCUMENTS.read_many(units, period)
    return {pk: _by_mail(use[pk], stats[pk]) for pk in use}


def _ind(
    code: str,
    name: str | Promise,
    definition: str | Promise,
    unit: str,
    direction: str,
    group: str,
    computes: tuple[Compute, ComputeMany],
) -> Indicator:
    compute, compute_many = computes
    return Indicator(code, name, definition, unit, direction, compute, group, compute_many)


INDICATORS: dict[str, Indicator] = {
    i.code: i
    for i in (
        _ind(
            "edoc_electronic_share",
            _("Tỷ lệ văn bản điện tử trong tổng số văn bản gửi, nhận"),
            _(
                "Số văn bản đến nhận qua mạng cộng số văn bản đi phát hành điện tử (kể cả song "
                "song với bản giấy), chia cho tổng số văn bản đến và đi trong kỳ; văn bản đến "
                "bị thu hồi không tính."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.EOFFICE,
            (electronic_share, electronic_share_many),
        ),
        _ind(
            "edoc_incoming_electronic_share",
            _("Tỷ lệ văn bản đến nhận qua mạng"),
            _(
                "Văn bản đến không qua đường bưu chính, giấy, chia cho tổng số văn bản đến "
                "trong kỳ."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.EOFFICE,
            (incoming_electronic_share, incoming_electronic_share_many),
        ),
        _ind(
            "edoc_outgoing_electronic_share",
            _("Tỷ lệ văn bản đi phát hành điện tử"),
            _(
                "Văn bản đi phát hành điện tử (kể cả song song bản giấy) chia cho tổng số "
                "văn bản đi."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.EOFFICE,
            (outgoing_electronic_share, outgoing_electronic_share_many),
        ),
        _ind(
            "edoc_overdue_rate",
            _("Tỷ lệ văn bản đến xử lý quá hạn"),
            _(
                "Văn bản đến trong kỳ đã quá hạn mà chưa xong, hoặc xong sau hạn, chia cho "
                "tổng số văn bản đến trong kỳ."
            ),
            Unit.PERCENT,
            Direction.LOWER,
            Group.EOFFICE,
            (documents_overdue_rate, documents_overdue_rate_many),
        ),
        _ind(
            "edoc_handling_days",
            _("Thời gian xử lý văn bản đến bình quân"),
            _(
                "Số ngày làm việc bình quân từ ngày văn bản đến đến ngày hoàn thành xử lý, "
                "các văn bản đến trong kỳ đã hoàn thành (kể cả đã lưu hồ sơ); văn bản chưa "
                "xong và văn bản bị thu hồi không tính."
            ),
            Unit.DAYS,
            Direction.LOWER,
            Group.EOFFICE,
            (documents_handling_days, documents_handling_days_many),
        ),
        _ind(
            "exchange_same_day_rate",
            _("Tỷ lệ văn bản liên thông được tiếp nhận trong ngày"),
            _(
                "Văn bản nhận qua trục liên thông trong kỳ được văn thư vào sổ hoặc từ chối "
                "ngay trong ngày nhận, chia cho tổng số văn bản nhận qua trục (gói tin không "
                "hợp lệ, bị thu hồi không tính)."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.EXCHANGE,
            (exchange_same_day_rate, exchange_same_day_rate_many),
        ),
        _ind(
            "portal_site_compliance",
            _("Tỷ lệ trang thông tin điện tử đạt yêu cầu cập nhật"),
            _(
                "Số trang của cơ quan có đủ các mục trong 60 ngày kể từ khi lập và các mục "
                "thường xuyên cập nhật đúng hạn (bảng kiểm của tổ kiểm tra), vào cuối kỳ, "
                "chia cho số trang."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.WEBSITE,
            (site_compliance_rate, site_compliance_rate_many),
        ),
        _ind(
            "portal_fresh_sections_share",
            _("Tỷ lệ mục bắt buộc của trang thông tin điện tử được cập nhật đúng hạn"),
            _(
                "Các mục bắt buộc (giới thiệu, cơ cấu tổ chức, chức năng nhiệm vụ, thủ tục, "
                "lịch công tác, tin tức, số liệu, văn bản, liên hệ) đã có nội dung và không "
                "chậm cập nhật vào cuối kỳ, chia cho tổng số mục bắt buộc của các trang."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.WEBSITE,
            (site_fresh_sections_share, site_fresh_sections_share_many),
        ),
        _ind(
            "portal_news_published",
            _("Số tin bài đăng trên trang thông tin điện tử"),
            _(
                "Số tin bài đang xuất bản có ngày đưa tin trong kỳ, trên các trang của cơ "
                "quan; không có trang thì không có dữ liệu."
            ),
            Unit.COUNT,
            Direction.HIGHER,
            Group.WEBSITE,
            (site_news_published, site_news_published_many),
        ),
        _ind(
            "portal_days_since_update",
            _("Số ngày làm việc kể từ lần cập nhật gần nhất của trang"),
            _(
                "Số ngày làm việc từ lần cập nhật gần nhất (tin tức, lịch công tác, các mục "
                "soạn thảo) đến cuối kỳ, bình quân các trang của cơ quan; trang chưa cập "
                "nhật lần nào tính từ ngày lập trang."
            ),
            Unit.DAYS,
            Direction.LOWER,
            Group.WEBSITE,
            (site_days_since_update, site_days_since_update_many),
        ),
        _ind(
            "ktxh_completeness",
            _("Tỷ lệ đầy đủ của báo cáo kinh tế - xã hội"),
            _(
                "Số ô bắt buộc đã có số liệu, chia cho tổng số ô bắt buộc của các báo cáo "
                "có hạn gửi trong kỳ (đến hôm nay) mà cơ quan được giao; số liệu nhập bù các "
                "năm trước không tính."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.KTXH,
            (ktxh_completeness, ktxh_completeness_many),
        ),
        _ind(
            "ktxh_timeliness",
            _("Tỷ lệ báo cáo kinh tế - xã hội gửi đúng hạn"),
            _(
                "Số báo cáo gửi lần đầu không muộn hơn hạn gửi theo chế độ báo cáo, chia cho "
                "số báo cáo có hạn gửi trong kỳ (đến hôm nay) mà cơ quan được giao."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.KTXH,
            (ktxh_timeliness, ktxh_timeliness_many),
        ),
        _ind(
            "onestop_on_time_rate",
            _("Tỷ lệ hồ sơ một cửa giải quyết đúng hạn"),
            _(
                "Hồ sơ hoàn thành trong kỳ trước hoặc đúng hạn, chia cho tổng số hồ sơ hoàn "
                "thành trong kỳ (nhóm chỉ số tiến độ của Quyết định 766/QĐ-TTg)."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.ONESTOP,
            (onestop_on_time_rate, onestop_on_time_rate_many),
        ),
        _ind(
            "onestop_online_share",
            _("Tỷ lệ hồ sơ nộp trực tuyến"),
            _(
                "Hồ sơ nộp qua dịch vụ công trực tuyến trong kỳ, chia cho tổng số hồ sơ nộp "
                "trong kỳ (nhóm chỉ số cung cấp dịch vụ trực tuyến của Quyết định "
                "766/QĐ-TTg)."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.ONESTOP,
            (onestop_online_share, onestop_online_share_many),
        ),
        _ind(
            "onestop_digitised_share",
            _("Tỷ lệ hồ sơ được số hóa"),
            _(
                "Hồ sơ nộp trong kỳ có thành phần hồ sơ dạng điện tử (ít nhất một tệp không "
                "phải kết quả), chia cho tổng số hồ sơ nộp trong kỳ (nhóm chỉ số số hóa hồ "
                "sơ của Quyết định 766/QĐ-TTg)."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.ONESTOP,
            (onestop_digitised_share, onestop_digitised_share_many),
        ),
        _ind(
            "onestop_appointment_share",
            _("Tỷ lệ hồ sơ tiếp nhận có phiếu hẹn trả kết quả"),
            _(
                "Hồ sơ nộp trong kỳ đã tiếp nhận và có ngày hẹn trả kết quả được công khai, "
                "chia cho số hồ sơ đã tiếp nhận (nhóm chỉ số công khai, minh bạch của Quyết "
                "định 766/QĐ-TTg)."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.ONESTOP,
            (onestop_appointment_share, onestop_appointment_share_many),
        ),
        _ind(
            "onestop_satisfaction_share",
            _("Tỷ lệ đánh giá hài lòng về giải quyết thủ tục hành chính"),
            _(
                "Hồ sơ nộp trong kỳ được người dân đánh giá hài lòng hoặc rất hài lòng, chia "
                "cho số hồ sơ được đánh giá (nhóm chỉ số mức độ hài lòng của Quyết định "
                "766/QĐ-TTg). Thanh toán trực tuyến chưa được hệ thống ghi nhận nên chưa có "
                "chỉ tiêu."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.ONESTOP,
            (onestop_satisfaction_share, onestop_satisfaction_share_many),
        ),
        _ind(
            "feedback_on_time_rate",
            _("Tỷ lệ phản ánh, kiến nghị trả lời đúng hạn"),
            _("Phản ánh nhận trong kỳ đã trả lời đúng hạn, chia cho số đã trả lời."),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.FEEDBACK,
            (feedback_on_time_rate, feedback_on_time_rate_many),
        ),
        _ind(
            "feedback_average_days",
            _("Thời gian trả lời phản ánh, kiến nghị bình quân"),
            _(
                "Số ngày làm việc bình quân từ khi nhận đến khi trả lời, các phản ánh nhận "
                "trong kỳ."
            ),
            Unit.DAYS,
            Direction.LOWER,
            Group.FEEDBACK,
            (feedback_average_days, feedback_average_days_many),
        ),
        _ind(
            "mail_staff_use_share",
            _("Tỷ lệ cán bộ sử dụng thư điện tử công vụ"),
            _(
                "Cán bộ có hộp thư công vụ cá nhân chưa thu hồi đã dùng hộp thư trong kỳ "
                "(gửi thư qua hệ thống, hoặc lần đăng nhập hộp thư gần nhất nằm trong kỳ), "
                "chia cho số cán bộ có hộp thư."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.MAIL,
            (mail_staff_use_share, mail_staff_use_share_many),
        ),
        _ind(
            "mail_documents_share",
            _("Tỷ lệ văn bản gửi, nhận qua thư điện tử công vụ"),
            _(
                "Văn bản đến nhận qua thư điện tử công vụ cộng văn bản đi phát hành trong kỳ "
                "có gửi qua thư điện tử công vụ, chia cho tổng số văn bản đến và đi trong kỳ."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            Group.MAIL,
            (mail_documents_share, mail_documents_share_many),
        ),
        _ind(
            "mail_response_hours",
            _("Thời gian trả lời thư của người dân bình quân"),
            _(
                "Số giờ làm việc bình quân từ khi máy chủ thư nhận thư của người dân đến khi "
                "cơ quan trả lời qua hệ thống, các thư nhận trong kỳ đã được trả lời (thư bỏ "
                "qua không tính)."
            ),
            Unit.HOURS,
            Direction.LOWER,
            Group.MAIL,
            (mail_response_hours, mail_response_hours_many),
        ),
    )
}


def register(*more: Indicator) -> None:
    """Adds indicators defined elsewhere in this part (e.g. from the agency records) to the
    registry; call it from the defining module, imported by the app's ``ready``."""
    for indicator in more:
        if indicator.code in INDICATORS and INDICATORS[indicator.code] is not indicator:
            raise ValueError(f"indicator code {indicator.code!r} is already registered")
        INDICATORS[indicator.code] = indicator


def get(code: str) -> Indicator | None:
    return INDICATORS.get(code)
