"""Reading untrusted XML: no DTD, no entities, no network, no huge trees; namespaces forgiven.

Packages come from other agencies' software, some of it hand-written string concatenation.
This module is the only place that hands their bytes to libxml2:

1. the size is checked before anything is read;
2. a DTD in the prolog (how every XML bomb and external-entity attack starts) is refused
   before the parser sees the document; should one slip past (another encoding), the parser
   neither loads it nor expands entities nor fetches anything, and the document is refused
   after parsing all the same;
3. libxml2 parses with ``recover`` on, but the only errors forgiven are undeclared namespace
   prefixes (``xlink:href`` and ``edXML:Attachment`` in the SDK's own samples); any other
   error refuses the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from lxml import etree

from .constants import EDXML_NS
from .limits import Limits
from .problems import Problem, ValidationFailure, problem

_BOM: Final = b"\xef\xbb\xbf"
_XML_DECLARATION: Final = b"<?xml"
#: A few stray bytes before the declaration (``1212<?xml`` in an SDK sample) are forgiven.
_MAX_LEADING_GARBAGE: Final = 64
_PROLOG_DOCTYPE: Final = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>)?(?:\s+|<!--.*?-->|<\?[^>]*\?>)*<!DOCTYPE", re.DOTALL
)
#: How much of the package the prolog check reads. Without the bound, a package with no
#: DOCTYPE made the lazy patterns scan all of a megabyte of base64 for a closing ``?>``; a
#: DOCTYPE hidden behind a longer prolog is still refused after parsing (see ``load``).
_PROLOG_SCAN: Final = 64 * 1024


def safe_parser(*, recover: bool) -> etree.XMLParser:
    """A fresh parser (they keep an error log, so never share one between documents)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


@dataclass(frozen=True)
class LoadedXml:
    root: etree._Element
    warnings: tuple[Problem, ...]


def _strip_leading_garbage(data: bytes) -> tuple[bytes, list[Problem]]:
    body = data.removeprefix(_BOM)
    if body.startswith(b"<"):
        return data, []
    start = body.find(_XML_DECLARATION, 0, _MAX_LEADING_GARBAGE + len(_XML_DECLARATION))
    if start > 0 and b"<" not in body[:start]:
        return body[start:], [problem("w_leading_garbage", "", size=start)]
    return data, []


def precheck(data: bytes, *, limits: Limits) -> tuple[bytes, list[Problem]]:
    """What is refused before any parser reads the bytes: an oversize package, a DTD in the
    prolog. Returns the bytes without leading garbage, and the warning about it."""
    if len(data) > limits.max_package_bytes:
        raise ValidationFailure(
            [problem("package_too_large", "", size=len(data), max=limits.max_package_bytes)]
        )
    data, warnings = _strip_leading_garbage(data)
    if _PROLOG_DOCTYPE.match(data[:_PROLOG_SCAN]):
        raise ValidationFailure([problem("doctype", "")])
    return data, warnings


def load(data: bytes, *, limits: Limits) -> LoadedXml:
    """Parse untrusted bytes into a tree, or raise ``ValidationFailure`` (code ``X.…``)."""
    data, warnings = precheck(data, limits=limits)

    parser = safe_parser(recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ValidationFailure([problem("malformed_xml", "", detail=str(exc))]) from None

    fatal: list[str] = []
    unbound: dict[str, None] = {}
    for entry in parser.error_log:
        if entry.type_name == "NS_ERR_UNDEFINED_NAMESPACE":
            match = re.search(r"prefix (\S+)", entry.message)
            unbound[match[1] if match else entry.message] = None
        elif entry.level_name in ("ERROR", "FATAL"):
            fatal.append(f"line {entry.line}: {entry.message.strip()}")
    if fatal or root is None:
        detail = "; ".join(fatal[:3]) or "no root element"
        raise ValidationFailure([problem("malformed_xml", "", detail=detail)])
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ValidationFailure([problem("doctype", "")])
    warnings += [problem("w_unbound_prefix", "", value=prefix) for prefix in unbound]
    return LoadedXml(root=root, warnings=tuple(warnings))


def local_name(element: etree._Element) -> str:
    """``{ns}Name`` → ``Name``; an unbound ``edXML:Name`` (kept as is by libxml2) → ``Name``."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    if tag.startswith("{"):
        return tag.rpartition("}")[2]
    return tag.rpartition(":")[2]


def namespace(element: etree._Element) -> str | None:
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].partition("}")[0]
    return None


def is_edxml(element: etree._Element, name: str) -> bool:
    """An edXML element by local name, in the edXML namespace or in none (unbound prefix)."""
    return local_name(element) == name and namespace(element) in (EDXML_NS, None)


def children(parent: etree._Element | None, name: str) -> list[etree._Element]:
    if parent is None:
        return []
    return [child for child in parent if is_edxml(child, name)]


def child(parent: etree._Element | None, name: str) -> etree._Element | None:
    found = children(parent, name)
    return found[0] if found else None


def text_of(element: etree._Element | None) -> str:
    """The element's text, trimmed ("" when absent)."""
    if element is None:
        return ""
    return "".join(element.itertext()).strip()
