"""Parsing untrusted XML: no DTD, no entities, no network, no huge trees."""

from __future__ import annotations

from django.utils.translation import gettext as _
from lxml import etree

from egov.reporting.exchange.observations import FormatError


def parse(content: bytes) -> etree._Element:
    if b"<!DOCTYPE" in content[:4096] or b"<!ENTITY" in content:
        raise FormatError(_("tệp XML có khai báo DOCTYPE/ENTITY, không được nhận."), where=_("Tệp"))
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        return etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(
            _("XML không hợp lệ (%(error)s).") % {"error": str(exc)[:120]}, where=_("Tệp")
        ) from exc


def local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1]
