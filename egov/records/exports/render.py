"""HTML → A4 PDF through WeasyPrint (decision 0013): Vietnamese text shaped by Pango with
DejaVu Serif, tables whose header repeats on every page, and a watermark on every printed
page naming who printed it and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.lib.dates import BUSINESS_TZ

#: The archival variant for pages we render ourselves (tables of contents, cover pages).
PDF_A = "pdf/a-2b"


@dataclass(frozen=True)
class Watermark:
    """Who printed a copy and when: shown across every page and in every page's footer."""

    who: str
    at: dt.datetime

    @classmethod
    def for_user(cls, user: Any, at: dt.datetime | None = None) -> Watermark:
        name = getattr(user, "full_name", "") or getattr(user, "username", "") or "?"
        return cls(who=str(name), at=at or timezone.now())

    @property
    def text(self) -> str:
        return _("In bởi %(who)s lúc %(at)s") % {
            "who": self.who,
            "at": self.at.astimezone(BUSINESS_TZ).strftime("%H:%M %d/%m/%Y"),
        }


def render_pdf(
    template: str,
    context: dict[str, Any],
    *,
    watermark: Watermark | None = None,
    landscape: bool = False,
    variant: str | None = None,
) -> bytes:
    """Render ``template`` (extending ``records/print/base.html``) to PDF bytes."""
    import weasyprint  # imported here: loading Pango costs about 0.2 s, only print paths pay it

    html = render_to_string(template, {**context, "watermark": watermark, "landscape": landscape})
    document = weasyprint.HTML(string=html, base_url=None)
    pdf: bytes = document.write_pdf(pdf_variant=variant) if variant else document.write_pdf()
    return pdf
