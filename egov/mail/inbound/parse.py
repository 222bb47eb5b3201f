"""What a raw message says, without trusting it: addresses, subject (legacy encodings
decoded or flagged), text, attachments with their type sniffed from their bytes, and the
flags a person must see (lying content type, From not matching the envelope or the DKIM
domain, malformed or huge)."""

from __future__ import annotations

import email
import email.policy
import hashlib
import io
import re
from dataclasses import dataclass, field
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from typing import Any

from egov.documents import filecheck
from egov.mail.inbound.legacy import decode_subject

_MSGID = re.compile(r"<[^<>\s]+>")
#: Declared type → what the bytes of such a file start like (``filecheck.sniff``).
_EXTENSION_TYPES = {
    ".pdf": filecheck.PDF,
    ".png": filecheck.PNG,
    ".jpg": filecheck.JPEG,
    ".jpeg": filecheck.JPEG,
    ".tif": filecheck.TIFF,
    ".tiff": filecheck.TIFF,
    ".docx": filecheck.DOCX,
    ".xlsx": filecheck.XLSX,
    ".odt": filecheck.ODT,
    ".doc": filecheck.DOC,
    ".xls": filecheck.XLS,
}


@dataclass
class ParsedAttachment:
    name: str
    declared_type: str
    data: bytes
    sniffed_type: str | None
    lying: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def is_pdf(self) -> bool:
        return self.sniffed_type == filecheck.PDF and not self.lying

    def summary(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "declared": self.declared_type,
            "sniffed": self.sniffed_type or "",
            "size": len(self.data),
            "sha256": self.sha256,
            "lying": self.lying,
        }


@dataclass
class Parsed:
    message_id: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    from_address: str = ""
    from_name: str = ""
    return_path: str = ""
    to: list[str] = field(default_factory=list)
    subject: str = ""
    header_date: Any = None
    body_text: str = ""
    spf: str = ""
    attachments: list[ParsedAttachment] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    @property
    def from_domain(self) -> str:
        return self.from_address.rpartition("@")[2]


def _header(message: Message, name: str) -> str:
    value = message.get(name)
    return str(value) if value is not None else ""


def _msgid(raw: str) -> str:
    found = _MSGID.search(raw)
    return found.group(0)[:250] if found else raw.strip()[:250]


def _decoded_name(part: Message) -> str:
    name = part.get_filename() or ""
    if name:
        name = decode_subject(name).text
    return name.replace("/", "_").replace("\\", "_").strip()[:200] or "tep-dinh-kem"


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("latin-1")


def _attachment(part: Message) -> ParsedAttachment:
    data = part.get_payload(decode=True)
    data = data if isinstance(data, bytes) else b""
    name = _decoded_name(part)
    declared = part.get_content_type()
    stream = io.BytesIO(data)
    sniffed = filecheck.sniff(data[:8192], stream) if data else None
    claimed = {declared}
    suffix = name.lower()[name.rfind(".") :] if "." in name else ""
    if suffix in _EXTENSION_TYPES:
        claimed.add(_EXTENSION_TYPES[suffix])
    generic = {"application/octet-stream", "binary/octet-stream"}
    # Lying: it claims to be a type we can recognise, and its bytes are something else.
    recognisable = (claimed - generic) & set(_EXTENSION_TYPES.values())
    lying = bool(recognisable) and sniffed not in recognisable
    return ParsedAttachment(name, declared, data, sniffed, lying)


def parse(raw: bytes) -> Parsed:
    """Parse ``raw``; never raises for a message's content (defects become flags)."""
    parsed = Parsed()
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    if message.defects or not message.keys():
        parsed.flag("malformed")
    parsed.message_id = _msgid(_header(message, "Message-ID"))
    parsed.in_reply_to = _msgid(_header(message, "In-Reply-To"))
    parsed.references = _MSGID.findall(_header(message, "References"))
    name, address = parseaddr(_header(message, "From"))
    parsed.from_address = address.strip().lower()[:254]
    parsed.from_name = decode_subject(name).text[:200] if name else ""
    parsed.return_path = parseaddr(_header(message, "Return-Path"))[1].strip().lower()[:254]
    parsed.to = [a.lower() for _n, a in getaddresses([_header(message, "To")]) if a]
    subject = decode_subject(_header(message, "Subject"))
    parsed.subject = subject.text[:500]
    for flag in subject.flags:
        parsed.flag(flag)
    try:
        parsed.header_date = parsedate_to_datetime(_header(message, "Date"))
    except (TypeError, ValueError, IndexError):
        parsed.header_date = None
    spf = _header(message, "Received-SPF").strip().split(" ", 1)[0].lower()
    parsed.spf = spf[:20]
    texts: list[str] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition = (part.get("Content-Disposition") or "").lower()
        if part.get_filename() or "attachment" in disposition:
            parsed.attachments.append(_attachment(part))
        elif part.get_content_type() == "text/plain":
            texts.append(_text_of(part))
        elif part.get_content_type() == "text/html" and not texts:
            texts.append(re.sub(r"<[^>]+>", " ", _text_of(part)))
    parsed.body_text = "\n".join(t.strip() for t in texts)[:100_000]
    if any(a.lying for a in parsed.attachments):
        parsed.flag("lying_type")
    if not parsed.from_address:
        parsed.flag("malformed")
    return parsed


def first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(">"):
            return line
    return ""
