"""Charts of the periodic report, drawn on the server with matplotlib's Agg backend (no
display, no browser): PNG for the DOCX (Word shows PNG everywhere), SVG for the PDF
(WeasyPrint keeps it vector). Decision 0021 says why matplotlib.

Each chart is built on its own ``Figure`` (never pyplot's global state), so two requests
drawing at once do not share anything."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: Above this many agencies one bar each is unreadable on an A4 page: the chart shows how
#: many agencies fall in each band of ten points instead.
MAX_BARS = 40
BLUE = "#1d4f91"
RED = "#b3261e"
GREY = "#6b6b6b"


@dataclass(frozen=True)
class Chart:
    """A drawn chart: its title, a text alternative saying what it shows, and the images."""

    title: str
    description: str
    png: bytes
    svg: str


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), dpi=150, layout="constrained")


def _render(figure: Figure, title: str, description: str) -> Chart:
    FigureCanvasAgg(figure)
    png = io.BytesIO()
    figure.savefig(png, format="png")
    svg = io.StringIO()
    # Text stays text in the SVG (not outlines): selectable and searchable in the PDF.
    with rc_context({"svg.fonttype": "none"}):
        figure.savefig(svg, format="svg")
    return Chart(title, description, png.getvalue(), svg.getvalue())


def agency_bars(
    labels: list[str], values: list[float | None], *, target: float | None, name: str
) -> Chart:
    """One indicator (in %) of every agency against the target: one bar per agency, or for
    many agencies the number of agencies in each ten-point band. Agencies without data are
    counted in the description, never drawn as 0."""
    known = [
        (label, value) for label, value in zip(labels, values, strict=True) if value is not None
    ]
    missing = len(labels) - len(known)
    if len(known) <= MAX_BARS:
        figure = _figure(7.0, max(2.5, 0.3 * len(known) + 1.2))
        axes = figure.add_subplot()
        names = [label for label, _value in known][::-1]
        axes.barh(names, [value for _label, value in known][::-1], color=BLUE)
        axes.set_xlim(0, 100)
        axes.set_xlabel("%")
        if target is not None:
            axes.axvline(
                target, color=RED, linewidth=2, label=_("Mục tiêu %(t)s%%") % {"t": f"{target:g}"}
            )
            axes.legend(loc="lower right")
        axes.tick_params(axis="y", labelsize=7)
        title = name
    else:
        bands = [0] * 10
        for _label, value in known:
            bands[min(int(value // 10), 9)] += 1
        figure = _figure(7.0, 3.2)
        axes = figure.add_subplot()
        names = [f"{10 * i}–{10 * i + 10}%" for i in range(10)]
        colours = [BLUE if target is None or 10 * i + 10 > target else GREY for i in range(10)]
        axes.bar(names, bands, color=colours)
        axes.set_ylabel(_("Số cơ quan"))
        axes.tick_params(axis="x", labelsize=7, rotation=30)
        title = _("%(name)s: số cơ quan theo khoảng giá trị") % {"name": name}
    axes.set_title(title, fontsize=9)
    below = sum(1 for _label, value in known if target is not None and value < target)
    description = _(
        "%(known)s cơ quan có số liệu, %(below)s cơ quan dưới mục tiêu, %(missing)s cơ quan "
        "không có dữ liệu."
    ) % {"known": len(known), "below": below if target is not None else "—", "missing": missing}
    return _render(figure, title, description)


def against_targets(rows: list[tuple[str, float, float | None, bool | None]]) -> Chart:
    """The province's indicators in % (name, value, target, met): a bar each, the target
    as a red mark."""
    figure = _figure(7.0, max(2.5, 0.42 * len(rows) + 1.2))
    axes = figure.add_subplot()
    names = [_short(name) for name, _value, _target, _met in rows][::-1]
    axes.barh(
        names, [value for _name, value, _target, _met in rows][::-1], color=BLUE, label=_("Kết quả")
    )
    targets = [(i, t) for i, (_n, _v, t, _m) in enumerate(rows[::-1]) if t is not None]
    if targets:
        axes.scatter(
            [t for _i, t in targets],
            [i for i, _t in targets],
            marker="|",
            s=400,
            linewidths=3,
            color=RED,
            label=_("Mục tiêu"),
            zorder=3,
        )
    axes.set_xlim(0, 100)
    axes.set_xlabel("%")
    axes.tick_params(axis="y", labelsize=7)
    axes.legend(loc="lower right", fontsize=7)
    title = _("Các chỉ tiêu toàn tỉnh so với mục tiêu")
    axes.set_title(title, fontsize=9)
    met = sum(1 for _n, _v, _t, m in rows if m)
    with_target = sum(1 for _n, _v, t, _m in rows if t is not None)
    description = _(
        "%(n)s chỉ tiêu tính theo tỷ lệ phần trăm có số liệu; %(met)s trên %(targets)s chỉ "
        "tiêu có mục tiêu đạt mục tiêu."
    ) % {"n": len(rows), "met": met, "targets": with_target}
    return _render(figure, title, description)


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
