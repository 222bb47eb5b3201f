"""Test helpers for the e-office: sample PDFs, uploads, and a document world on top of the
organisation personas (see ``egov.organisations.testing``)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from egov.documents.actions.files import Upload
from egov.documents.models import DocumentType
from egov.organisations import actions as org_actions
from egov.organisations.choices import Role
from egov.organisations.testing import START, World, make_user


def make_pdf(text: str = "Van ban mau", pages: int = 1, *, padding: bytes = b"") -> bytes:
    """A small, valid PDF whose pages show ``text`` (ASCII) in Helvetica: pypdf extracts it.
    ``padding`` goes in as one more stream object (as a scanned image would), so the file has
    the size wanted and still ends with its cross-reference table."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(pages)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")
    for i in range(pages):
        stream = b"BT /F1 12 Tf 72 720 Td (" + safe + b") Tj ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents "
            + str(page_ids[i] + 1).encode()
            + b" 0 R >>"
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    if padding:
        length = str(len(padding)).encode()
        objects.append(b"<< /Length " + length + b" >>\nstream\n" + padding + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def upload(name: str = "van-ban.pdf", data: bytes | None = None) -> Upload:
    data = make_pdf() if data is None else data
    return Upload(stream=io.BytesIO(data), name=name, size=len(data))


def doc_type(code: str = "cong-van") -> DocumentType:
    from egov.documents.actions.catalogue import ensure_document_types

    ensure_document_types()
    return DocumentType.objects.get(code=code)


@dataclass
class Office:
    """The organisation personas plus a head of division (lãnh đạo phòng) who passes work
    on to the specialist."""

    world: World
    division_head: Any

    def __getattr__(self, name: str) -> Any:
        return getattr(self.world, name)


def build_office(world: World) -> Office:
    from egov.documents.actions.catalogue import ensure_document_types

    ensure_document_types()  # transactional tests empty the tables the migration filled
    head = make_user("divhead", "Bùi Văn Trưởng", email="divhead@angiang.gov.vn")
    org_actions.hire_person(
        actor=None,
        full_name="Bùi Văn Trưởng",
        unit=world.civil_service_division,
        effective_date=START,
        email="divhead@angiang.gov.vn",
        user=head,
        skip_access_check=True,
    )
    org_actions.grant_role(
        actor=None,
        user=head,
        role=Role.LEADER,
        unit=world.civil_service_division,
        valid_from=START,
        skip_access_check=True,
    )
    return Office(world=world, division_head=head)
