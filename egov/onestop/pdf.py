"""The one-stop forms of TT 01/2018/TT-VPCP as PDF: Mẫu 01–05 on A5, the tracking book
Mẫu 06 on A4 landscape. reportlab, DejaVu Serif (every Vietnamese letter). The forms are
the circular's, so they are printed in Vietnamese whatever language the officer's screen
is in."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache, wraps
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from egov.onestop import deadlines
from egov.onestop.choices import Status
from egov.onestop.models import Dossier, DueChange, Transition

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSerif", "DejaVuSerif-Bold"

TITLES = {
    1: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    2: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    3: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    4: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    5: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
}


def _in_vietnamese[**P](render: Callable[P, bytes]) -> Callable[P, bytes]:
    @wraps(render)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> bytes:
        with translation.override("vi"):
            return render(*args, **kwargs)

    return wrapper


@cache
def _fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSerif-Bold.ttf")))


def _styles() -> dict[str, ParagraphStyle]:
    _fonts()
    return {
        "body": ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12),
        "center": ParagraphStyle("center", fontName=REGULAR, fontSize=9, leading=12, alignment=1),
        "title": ParagraphStyle(
            "title", fontName=BOLD, fontSize=11, leading=14, alignment=1, spaceBefore=6
        ),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=9, leading=12, alignment=1),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=7, leading=9),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(unicodedata.normalize("NFC", text)).replace("\n", "<br/>"), style)


def _when(moment: dt.datetime | None) -> str:
    return deadlines.local(moment).strftime("%H giờ %M, ngày %d/%m/%Y") if moment else "—"


def _qr(url: str, size: float = 28 * mm) -> Drawing:
    widget = QrCodeWidget(url)
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def _header(dossier: Dossier, number: int, styles: dict[str, ParagraphStyle]) -> list[object]:
    unit = dossier.receiving_unit
    header = Table(
        [
            [
                _p(unit.name.upper(), styles["head"]),
                _p(
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                    styles["head"],
                ),
            ],
            [
                _p(_("Mã hồ sơ: %(code)s") % {"code": dossier.code}, styles["center"]),
                _p(
                    deadlines.local(dossier.submitted_at).strftime("ngày %d tháng %m năm %Y"),
                    styles["center"],
                ),
            ],
        ],
        colWidths=[55 * mm, 73 * mm],
    )
    return [
        header,
        _p(f"Mẫu số {number:02d}", styles["center"]),
        _p(TITLES[number], styles["title"]),
        Spacer(1, 4 * mm),
    ]


def _render(flowables: list[object], *, pagesize: tuple[float, float] = A5) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title="Một cửa điện tử",
    )
    doc.build(flowables)
    return out.getvalue()


@_in_vietnamese
def receipt(dossier: Dossier, lookup_url: str) -> bytes:
    """Mẫu 01: what was received, from whom, and when the result is due, with a QR code to
    the public lookup."""
    styles = _styles()
    files = list(dossier.files.filter(is_result=False).order_by("pk"))
    lines = [
        _("%(unit)s tiếp nhận hồ sơ của: %(name)s")
        % {"unit": dossier.receiving_unit.name, "name": dossier.applicant_name},
        _("Số định danh: %(id)s") % {"id": dossier.applicant_id_number or "—"},
        _("Địa chỉ: %(a)s · Điện thoại: %(p)s · Thư điện tử: %(e)s")
        % {
            "a": dossier.applicant_address or "—",
            "p": dossier.applicant_phone or "—",
            "e": dossier.applicant_email or "—",
        },
        _("Nội dung yêu cầu giải quyết: %(name)s (mã thủ tục %(code)s)")
        % {"name": dossier.procedure.name, "code": dossier.procedure.code},
        _("Thành phần hồ sơ nộp gồm:"),
        *[
            f"  {i}. {f.document.name if f.document else f.name} ({f.name})"
            for i, f in enumerate(files, 1)
        ],
        _("Số lượng hồ sơ: %(n)s bộ") % {"n": 1},
        _("Thời gian giải quyết hồ sơ theo quy định: %(n)s %(unit)s")
        % {
            "n": dossier.procedure.time_limit,
            "unit": dossier.procedure.get_time_unit_display().lower(),
        },
        _("Thời gian nhận hồ sơ: %(at)s") % {"at": _when(dossier.received_at)},
        _("Thời gian trả kết quả giải quyết hồ sơ: %(at)s") % {"at": _when(dossier.printed_due_at)},
        _("Đăng ký nhận kết quả tại: %(m)s") % {"m": dossier.get_return_method_display()},
        _("Mã tra cứu: %(key)s") % {"key": dossier.lookup_key},
    ]
    body: list[object] = [_p(line, styles["body"]) for line in lines]
    signer = Table(
        [
            [
                _p(_("NGƯỜI NỘP HỒ SƠ\n(Ký và ghi rõ họ tên)"), styles["head"]),
                _p(_("NGƯỜI TIẾP NHẬN HỒ SƠ\n(Ký và ghi rõ họ tên)"), styles["head"]),
            ],
            [_qr(lookup_url), ""],
        ],
        colWidths=[64 * mm, 64 * mm],
    )
    return _render([*_header(dossier, 1, styles), *body, Spacer(1, 6 * mm), signer])


def _last(dossier: Dossier, action: str) -> Transition | None:
    return Transition.objects.filter(dossier=dossier, action=action).order_by("-at", "-id").first()


@_in_vietnamese
def slip(dossier: Dossier, number: int) -> bytes:
    """Mẫu 02 (additional documents), 03 (refusal), 04 (apology), 05 (control slip)."""
    styles = _styles()
    flow: list[object] = list(_header(dossier, number, styles))
    intro = _("Kính gửi: %(name)s") % {"name": dossier.applicant_name}
    request = _("Hồ sơ: %(name)s (mã thủ tục %(code)s), tiếp nhận lúc %(at)s.") % {
        "name": dossier.procedure.name,
        "code": dossier.procedure.code,
        "at": _when(dossier.received_at or dossier.submitted_at),
    }
    if number == 2:
        row = _last(dossier, "request_additional")
        flow += [
            _p(intro, styles["body"]),
            _p(request, styles["body"]),
            _p(_("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm:"), styles["body"]),
            _p(row.note if row else "—", styles["body"]),
            _p(
                _(
                    "Lý do: hồ sơ chưa đầy đủ, hợp lệ theo quy định. Thời hạn giải quyết "
                    "tạm dừng đến khi nhận đủ giấy tờ bổ sung."
                ),
                styles["body"],
            ),
        ]
    elif number == 3:
        row = Transition.objects.filter(dossier=dossier, action="refuse").order_by("-at").first()
        flow += [
            _p(intro, styles["body"]),
            _p(request, styles["body"]),
            _p(_("Hồ sơ không đủ điều kiện giải quyết với lý do:"), styles["body"]),
            _p(row.note if row else "—", styles["body"]),
            _p(_("Xin thông báo để ông/bà được biết và thực hiện."), styles["body"]),
        ]
    elif number == 4:
        change = DueChange.objects.filter(dossier=dossier, kind="apology").order_by("-at").first()
        flow += [
            _p(intro, styles["body"]),
            _p(request, styles["body"]),
            _p(
                _("Ngày hẹn trả kết quả trước đây: %(old)s.")
                % {"old": _when(change.old_due if change else None)},
                styles["body"],
            ),
            _p(
                _("Việc trả kết quả bị chậm so với thời hạn quy định, lý do: %(r)s")
                % {"r": change.reason if change else "—"},
                styles["body"],
            ),
            _p(
                _(
                    "Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi xin lỗi "
                    "và hẹn trả kết quả vào: %(new)s."
                )
                % {"new": _when(change.new_due if change else None)},
                styles["body"],
            ),
        ]
    else:
        rows: list[list[object]] = [
            [
                _p(h, styles["head"])
                for h in (
                    _("Tên cơ quan"),
                    _("Thời gian giao, nhận hồ sơ"),
                    _("Kết quả giải quyết"),
                    _("Ghi chú"),
                )
            ]
        ]
        for row in (
            Transition.objects.filter(dossier=dossier)
            .select_related("from_unit", "to_unit")
            .order_by("at", "id")
        ):
            handing = _("%(from)s giao → %(to)s nhận") % {
                "from": row.from_unit.name if row.from_unit else _("Người nộp"),
                "to": row.to_unit.name if row.to_unit else "—",
            }
            rows.append(
                [
                    _p(handing, styles["cell"]),
                    _p(_when(row.at), styles["cell"]),
                    _p(str(Status(row.to_status).label), styles["cell"]),
                    _p(f"{row.actor_name} {row.note}".strip(), styles["cell"]),
                ]
            )
        flow += [_p(request, styles["body"]), Spacer(1, 2 * mm), _grid(rows, [38, 30, 28, 32])]
    return _render(flow)


def _grid(rows: list[list[object]], widths_mm: Sequence[float]) -> Table:
    table = Table(rows, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#000000"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


BOOK_HEADERS = [
    "STT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Số lượng hồ sơ (bộ)",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Ngày, tháng, năm nhận hồ sơ",
    "Ngày, tháng, năm hẹn trả kết quả",
    "Ngày, tháng, năm chuyển hồ sơ đến cơ quan giải quyết",
    "Ngày, tháng, năm nhận kết quả",
    "Ngày, tháng, năm trả kết quả",
    "Ghi chú",
]


@_in_vietnamese
def book(title: str, rows: Sequence[Sequence[str]]) -> bytes:
    """Mẫu 06, Sổ theo dõi hồ sơ, on A4 landscape."""
    styles = _styles()
    data: list[list[object]] = [[_p(h, styles["cell"]) for h in BOOK_HEADERS]]
    data += [[_p(str(v), styles["cell"]) for v in row] for row in rows]
    widths = [8, 34, 40, 12, 26, 26, 24, 18, 18, 18, 18, 18, 17]
    flow: list[object] = [
        _p("Mẫu số 06", styles["center"]),
        _p("SỔ THEO DÕI HỒ SƠ", styles["title"]),
        _p(title, styles["center"]),
        Spacer(1, 3 * mm),
        _grid(data, widths),
    ]
    return _render(flow, pagesize=landscape(A4))


__all__ = ["book", "receipt", "slip"]
