"""What each kind of ranking may read: the province ranks agencies' IT use and, separately,
their websites (Chỉ thị 07/CT-UBND, part II.1). A website method reads only indicators of
the ``WEBSITE`` group, whichever there are: the list is the registry's, not this module's."""

from __future__ import annotations

from django.utils.translation import gettext as _

from egov.monitoring import indicators
from egov.monitoring.choices import Group, RankingKind
from egov.monitoring.ranking import CriterionSpec

#: The indicator groups a method of each kind may use; ``None``: every group.
ALLOWED_GROUPS: dict[str, frozenset[str] | None] = {
    RankingKind.IT_USE: None,
    RankingKind.WEBSITE: frozenset({Group.WEBSITE}),
}


def kind_errors(kind: str, criteria: list[CriterionSpec]) -> list[str]:
    """The problems of ``criteria`` for a method of ``kind``, in Vietnamese."""
    if kind not in ALLOWED_GROUPS:
        return [_("Chọn loại xếp hạng: ứng dụng CNTT hoặc trang thông tin điện tử.")]
    allowed = ALLOWED_GROUPS[kind]
    if allowed is None:
        return []
    errors: list[str] = []
    for c in criteria:
        indicator = indicators.get(c.indicator_code) if c.indicator_code else None
        if indicator is not None and indicator.group not in allowed:
            errors.append(
                _(
                    "Tiêu chí “%(name)s”: chỉ tiêu “%(indicator)s” thuộc nhóm “%(group)s”; "
                    "xếp hạng trang thông tin điện tử chỉ dùng chỉ tiêu nhóm “%(website)s”."
                )
                % {
                    "name": c.name.strip() or _("(chưa đặt tên)"),
                    "indicator": indicator.name,
                    "group": Group(indicator.group).label,
                    "website": Group.WEBSITE.label,
                }
            )
    return errors


def indicators_for(kind: str) -> list[indicators.Indicator]:
    """The indicators a method of ``kind`` may choose from."""
    allowed = ALLOWED_GROUPS.get(kind)
    return [i for i in indicators.INDICATORS.values() if allowed is None or i.group in allowed]
