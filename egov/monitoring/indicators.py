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
from egov.lib.dates import local_today
from egov.monitoring.choices import Direction, Group, Unit
from egov.onestop import queries as onestop
from egov.organisations.models import OrgUnit
from egov.portal import queries as portal


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
    """Inside, the indicators of one source share its read for a unit and period (the four
    document indicators read one set of counts, not four)."""
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


def _documents(unit: OrgUnit | None, period: Period) -> documents.Statistics:
    statistics: documents.Statistics = _once(
        ("documents", unit.pk if unit else None, period),
        lambda: documents.unit_statistics(unit, date_from=period.date_from, date_to=period.date_to),
    )
    return statistics


def electronic_share(unit: OrgUnit | None, period: Period) -> float | None:
    s = _documents(unit, period)
    return _share(
        s.incoming_electronic + s.outgoing_electronic_only + s.outgoing_parallel,
        s.incoming_total + s.outgoing_total,
    )


def incoming_electronic_share(unit: OrgUnit | None, period: Period) -> float | None:
    return _documents(unit, period).incoming_electronic_share


def outgoing_electronic_share(unit: OrgUnit | None, period: Period) -> float | None:
    return _documents(unit, period).outgoing_electronic_share


def documents_overdue_rate(unit: OrgUnit | None, period: Period) -> float | None:
    return _documents(unit, period).overdue_rate


def onestop_on_time_rate(unit: OrgUnit | None, period: Period) -> float | None:
    p = onestop.unit_punctuality(unit, date_from=period.date_from, date_to=period.date_to)
    return _share(p.early + p.on_time, p.finished)


def _feedback(unit: OrgUnit | None, period: Period) -> feedback.AgencyStats:
    stats: feedback.AgencyStats = _once(
        ("feedback", unit.pk if unit else None, period),
        lambda: feedback.unit_answer_stats(
            unit, date_from=period.date_from, date_to=period.date_to
        ),
    )
    return stats


def feedback_on_time_rate(unit: OrgUnit | None, period: Period) -> float | None:
    s = _feedback(unit, period)
    return _share(s.on_time, s.answered)


def feedback_average_days(unit: OrgUnit | None, period: Period) -> float | None:
    return _feedback(unit, period).average_days


def exchange_same_day_rate(unit: OrgUnit | None, period: Period) -> float | None:
    a = exchange.unit_acknowledgement(unit, date_from=period.date_from, date_to=period.date_to)
    return _share(a.same_day, a.received)


def site_compliance_rate(unit: OrgUnit | None, period: Period) -> float | None:
    sites = portal.site_compliance(unit, on=min(period.date_to, local_today()))
    return _share(sum(1 for site in sites if site.passes), len(sites))


INDICATORS: dict[str, Indicator] = {
    i.code: i
    for i in (
        Indicator(
            "edoc_electronic_share",
            _("Tỷ lệ văn bản điện tử trong tổng số văn bản gửi, nhận"),
            _(
                "Số văn bản đến nhận qua mạng cộng số văn bản đi phát hành điện tử (kể cả song "
                "song với bản giấy), chia cho tổng số văn bản đến và đi trong kỳ; văn bản đến "
                "bị thu hồi không tính."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            electronic_share,
            Group.EOFFICE,
        ),
        Indicator(
            "edoc_incoming_electronic_share",
            _("Tỷ lệ văn bản đến nhận qua mạng"),
            _(
                "Văn bản đến không qua đường bưu chính, giấy, chia cho tổng số văn bản đến "
                "trong kỳ."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            incoming_electronic_share,
            Group.EOFFICE,
        ),
        Indicator(
            "edoc_outgoing_electronic_share",
            _("Tỷ lệ văn bản đi phát hành điện tử"),
            _(
                "Văn bản đi phát hành điện tử (kể cả song song bản giấy) chia cho tổng số "
                "văn bản đi."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            outgoing_electronic_share,
            Group.EOFFICE,
        ),
        Indicator(
            "edoc_overdue_rate",
            _("Tỷ lệ văn bản đến xử lý quá hạn"),
            _(
                "Văn bản đến trong kỳ đã quá hạn mà chưa xong, hoặc xong sau hạn, chia cho "
                "tổng số văn bản đến trong kỳ."
            ),
            Unit.PERCENT,
            Direction.LOWER,
            documents_overdue_rate,
            Group.EOFFICE,
        ),
        Indicator(
            "exchange_same_day_rate",
            _("Tỷ lệ văn bản liên thông được tiếp nhận trong ngày"),
            _(
                "Văn bản nhận qua trục liên thông trong kỳ được văn thư vào sổ hoặc từ chối "
                "ngay trong ngày nhận, chia cho tổng số văn bản nhận qua trục (gói tin không "
                "hợp lệ, bị thu hồi không tính)."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            exchange_same_day_rate,
            Group.EXCHANGE,
        ),
        Indicator(
            "portal_site_compliance",
            _("Tỷ lệ trang thông tin điện tử đạt yêu cầu cập nhật"),
            _(
                "Số trang của cơ quan có đủ các mục trong 60 ngày kể từ khi lập và các mục "
                "thường xuyên cập nhật đúng hạn (bảng kiểm của tổ kiểm tra), vào cuối kỳ, "
                "chia cho số trang."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            site_compliance_rate,
            Group.WEBSITE,
        ),
        Indicator(
            "onestop_on_time_rate",
            _("Tỷ lệ hồ sơ một cửa giải quyết đúng hạn"),
            _(
                "Hồ sơ hoàn thành trong kỳ trước hoặc đúng hạn, chia cho tổng số hồ sơ hoàn "
                "thành trong kỳ (nhóm chỉ số tiến độ của Quyết định 766/QĐ-TTg)."
            ),
            Unit.PERCENT,
            Direction.HIGHER,
            onestop_on_time_rate,
            Group.ONESTOP,
        ),
        Indicator(
            "feedback_on_time_rate",
            _("Tỷ lệ phản ánh, kiến nghị trả lời đúng hạn"),
            _("Phản ánh nhận trong kỳ đã trả lời đúng hạn, chia cho số đã trả lời."),
            Unit.PERCENT,
            Direction.HIGHER,
            feedback_on_time_rate,
            Group.FEEDBACK,
        ),
        Indicator(
            "feedback_average_days",
            _("Thời gian trả lời phản ánh, kiến nghị bình quân"),
            _(
                "Số ngày làm việc bình quân từ khi nhận đến khi trả lời, các phản ánh nhận "
                "trong kỳ."
            ),
            Unit.DAYS,
            Direction.LOWER,
            feedback_average_days,
            Group.FEEDBACK,
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
