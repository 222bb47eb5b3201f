"""The Phiếu giải quyết văn bản đến (Phụ lục IV) as an A4 PDF, through the same reportlab
path as the registers (``exports.tables``): DejaVu Serif, the watermark naming who printed it
and when on every page. A part nobody has written yet is left as dotted lines to fill in by
hand, as on the paper form."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.utils.translation import gettext as _
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from egov.lib.dates import BUSINESS_TZ
from egov.records.exports.render import Watermark
from egov.records.exports.tables import BOLD, REGULAR, _fonts, _NumberedCanvas, _p
from egov.records.slip import Opinion, Slip

DOTS = "." * 150


def _date(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _opinion(opinion: Opinion, *, agency: bool, style: ParagraphStyle) -> list[Any]:
    lines: list[str] = []
    if agency:
        lines.append(_("- Đơn vị hoặc người chủ trì: %(who)s") % {"who": "; ".join(opinion.lead)})
        if opinion.supports:
            lines.append(
                _("- Đơn vị hoặc người phối hợp: %(who)s") % {"who": "; ".join(opinion.supports)}
            )
    else:
        lines.append(_("- Giao cá nhân: %(who)s") % {"who": "; ".join(opinion.lead)})
        if opinion.supports:
            lines.append(_("- Phối hợp: %(who)s") % {"who": "; ".join(opinion.supports)})
    if opinion.informed:
        lines.append(_("- Để biết: %(who)s") % {"who": "; ".join(opinion.informed)})
    lines.append(_("- Thời hạn giải quyết: %(due)s") % {"due": _date(opinion.due) or "…"})
    if opinion.text:
        lines.append(_("- Ý kiến: %(text)s") % {"text": opinion.text})
    lines.append(_("Ngày %(date)s — %(who)s") % {"date": _date(opinion.on), "who": opinion.by})
    return [_p(line, style) for line in lines] + [Spacer(1, 2 * mm)]


def slip_pdf(slip: Slip, watermark: Watermark) -> bytes:
    _fonts()
    document = slip.document
    base = ParagraphStyle("slip", fontName=REGULAR, fontSize=11, leading=15)
    heading = ParagraphStyle("slip-head", parent=base, fontName=BOLD, spaceBefore=6)
    centred = ParagraphStyle("slip-c", parent=base, fontSize=10, leading=13, alignment=TA_CENTER)
    title = ParagraphStyle("slip-t", parent=centred, fontName=BOLD, fontSize=14, leading=18)
    width = A4[0] - 40 * mm
    motto = _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + "\n" + _("Độc lập - Tự do - Hạnh phúc")
    story: list[Any] = [
        Table(
            [[_p(document.unit.name.upper(), centred), _p(motto, centred)]],
            colWidths=[width * 0.45, width * 0.55],
        ),
        Spacer(1, 6 * mm),
        _p(_("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN"), title),
        Spacer(1, 4 * mm),
    ]
    arrived = document.arrived_at.astimezone(BUSINESS_TZ)
    facts = [
        _("Số đến: %(n)s, ngày đến: %(date)s")
        % {"n": document.arrival_number, "date": arrived.strftime("%d/%m/%Y")},
        _("Tên loại, số và ký hiệu, ngày văn bản: %(what)s")
        % {
            "what": ", ".join(
                part
                for part in (
                    document.document_type.name,
                    document.number_and_notation,
                    _date(document.issued_date),
                )
                if part
            )
        },
        _("Cơ quan ban hành: %(issuer)s") % {"issuer": document.issuer_name},
        _("Trích yếu: %(subject)s") % {"subject": document.subject},
    ]
    story += [_p(fact, base) for fact in facts]
    sections: list[tuple[str, list[Any]]] = [
        (
            _("1. Ý kiến của lãnh đạo cơ quan:"),
            [f for o in slip.agency for f in _opinion(o, agency=True, style=base)],
        ),
        (
            _("2. Ý kiến của lãnh đạo đơn vị:"),
            [f for o in slip.units for f in _opinion(o, agency=False, style=base)],
        ),
        (
            _("3. Ý kiến đề xuất của người giải quyết:"),
            [
                f
                for p in slip.proposals
                for f in (
                    _p(p.text, base),
                    _p(_("Ngày %(date)s — %(who)s") % {"date": _date(p.on), "who": p.by}, base),
                    Spacer(1, 2 * mm),
                )
            ],
        ),
    ]
    for label, body in sections:
        story.append(_p(label, heading))
        story += body or [_p(DOTS, base), _p(DOTS, base)]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=_("Phiếu giải quyết văn bản đến"),
        author=watermark.who,
        leftMargin=25 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=20 * mm,
    )

    class Numbered(_NumberedCanvas):
        pass

    Numbered.watermark = watermark
    doc.build(story, canvasmaker=Numbered)
    return buffer.getvalue()
