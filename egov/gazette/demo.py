"""Gazette demo data: legal documents of An Giang province — resolutions of the provincial
council, decisions of the provincial and a commune committee — with relations among them
(grounds, guidance, amendment, replacement, repeal), a few expired or replaced, one not yet in
force, two signed originals and one published gazette issue. Entered as the editors would: a
spreadsheet imported through the import action (published), then the gazette's actions; an
editor login ``congbao`` (portal editor at UBND tỉnh and at the council's office)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from egov.gazette.actions import documents as doc_actions
from egov.gazette.actions import issues as issue_actions
from egov.gazette.actions.importing import import_documents
from egov.gazette.compile import Part, _typeset
from egov.gazette.models import LegalDocument
from egov.organisations import actions as org_actions
from egov.organisations.choices import Role, UnitKind
from egov.organisations.demo import DEMO_PASSWORD as PASSWORD
from egov.organisations.models import OrgUnit

MARKER = "25/2024/QĐ-UBND"
EDITOR = "congbao"

HEADERS = [
    "Số ký hiệu",
    "Loại văn bản",
    "Cơ quan ban hành",
    "Ngày ban hành",
    "Ngày có hiệu lực",
    "Ngày hết hiệu lực",
    "Trích yếu",
    "Chức danh",
    "Người ký",
    "Lĩnh vực",
    "Căn cứ",
    "Hướng dẫn",
    "Sửa đổi, bổ sung",
    "Thay thế",
    "Bãi bỏ",
]
LAW = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
LAW_DOCS = "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15"
#: (code, type, issuer key, issued, effective, expiry, title, signer title, signer, fields,
#:  grounds, guides, amends, replaces, repeals)
ROWS = [
    (
        "12/2020/QĐ-UBND",
        "Quyết định",
        "UBND",
        "15/03/2020",
        "01/04/2020",
        "",
        "Ban hành Quy định về quản lý chất thải rắn sinh hoạt trên địa bàn tỉnh An Giang",
        "Phó Chủ tịch",
        "Trần Anh Thư",
        "Tài nguyên, môi trường",
        "",
        "",
        "",
        "",
        "",
    ),
    (
        "07/2021/QĐ-UBND",
        "Quyết định",
        "UBND",
        "10/02/2021",
        "01/03/2021",
        "",
        "Quy định phân cấp quản lý, vận hành và khai thác đường thủy nội địa địa phương",
        "Phó Chủ tịch",
        "Lê Văn Phước",
        "Giao thông, vận tải",
        "",
        "",
        "",
        "",
        "",
    ),
    (
        "30/2022/NQ-HĐND",
        "Nghị quyết",
        "HĐND",
        "09/12/2022",
        "01/01/2023",
        "01/09/2023",
        "Quy định mức thu học phí đối với cơ sở giáo dục mầm non, giáo dục phổ thông công lập "
        "năm học 2022-2023",
        "Chủ tịch",
        "Lê Văn Nưng",
        "Giáo dục; Phí, lệ phí",
        LAW_DOCS,
        "",
        "",
        "",
        "",
    ),
    (
        "15/2023/NQ-HĐND",
        "Nghị quyết",
        "HĐND",
        "20/07/2023",
        "01/09/2023",
        "01/09/2024",
        "Quy định mức thu học phí đối với cơ sở giáo dục công lập năm học 2023-2024",
        "Chủ tịch",
        "Lê Văn Nưng",
        "Giáo dục; Phí, lệ phí",
        LAW_DOCS,
        "",
        "",
        "",
        "",
    ),
    (
        "25/2024/QĐ-UBND",
        "Quyết định",
        "UBND",
        "20/06/2024",
        "01/07/2024",
        "",
        "Ban hành Quy định về quản lý chất thải rắn sinh hoạt, phân loại rác tại nguồn trên địa "
        "bàn tỉnh An Giang",
        "Phó Chủ tịch",
        "Trần Anh Thư",
        "Tài nguyên, môi trường",
        LAW_DOCS,
        "",
        "",
        "12/2020/QĐ-UBND",
        "",
    ),
    (
        "05/2025/NQ-HĐND",
        "Nghị quyết",
        "HĐND",
        "11/07/2025",
        "21/07/2025",
        "",
        "Quy định chính sách hỗ trợ cán bộ, công chức dôi dư do sắp xếp đơn vị hành chính cấp xã",
        "Chủ tịch",
        "Lê Văn Nưng",
        "Lao động, tiền lương, bảo hiểm; Bộ máy hành chính",
        f"{LAW}; {LAW_DOCS}",
        "",
        "",
        "",
        "",
    ),
    (
        "10/2025/QĐ-UBND",
        "Quyết định",
        "UBND",
        "01/08/2025",
        "15/08/2025",
        "",
        "Bãi bỏ Quyết định số 07/2021/QĐ-UBND quy định phân cấp quản lý đường thủy nội địa",
        "Chủ tịch",
        "Hồ Văn Mừng",
        "Giao thông, vận tải",
        LAW,
        "",
        "",
        "",
        "07/2021/QĐ-UBND",
    ),
    (
        "14/2025/QĐ-UBND",
        "Quyết định",
        "UBND",
        "20/08/2025",
        "01/09/2025",
        "",
        "Hướng dẫn thực hiện Nghị quyết số 05/2025/NQ-HĐND về chính sách hỗ trợ cán bộ, công "
        "chức dôi dư",
        "Phó Chủ tịch",
        "Lê Văn Phước",
        "Lao động, tiền lương, bảo hiểm",
        "05/2025/NQ-HĐND",
        "05/2025/NQ-HĐND",
        "",
        "",
        "",
    ),
    (
        "18/2025/QĐ-UBND",
        "Quyết định",
        "UBND",
        "05/09/2025",
        "20/09/2025",
        "",
        "Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số "
        "25/2024/QĐ-UBND về quản lý chất thải rắn sinh hoạt",
        "Phó Chủ tịch",
        "Trần Anh Thư",
        "Tài nguyên, môi trường",
        "",
        "",
        "25/2024/QĐ-UBND",
        "",
        "",
    ),
    (
        "20/2025/QĐ-UBND",
        "Quyết định",
        "UBND",
        "15/09/2025",
        "25/09/2025",
        "",
        "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ tỉnh An Giang",
        "Chủ tịch",
        "Hồ Văn Mừng",
        "Bộ máy hành chính",
        LAW,
        "",
        "",
        "",
        "",
    ),
    (
        "21/2025/NQ-HĐND",
        "Nghị quyết",
        "HĐND",
        "10/12/2025",
        "01/01/2026",
        "",
        "Ban hành Bảng giá các loại đất trên địa bàn tỉnh An Giang áp dụng từ ngày 01/01/2026",
        "Chủ tịch",
        "Lê Văn Nưng",
        "Đất đai",
        LAW_DOCS,
        "",
        "",
        "",
        "",
    ),
    (
        "33/2026/QĐ-UBND",
        "Quyết định",
        "UBND",
        "20/11/2026",
        "01/01/2027",
        "",
        "Quy định hệ số điều chỉnh giá đất năm 2027 trên địa bàn tỉnh An Giang",
        "Phó Chủ tịch",
        "Lê Văn Phước",
        "Đất đai; Tài chính nhà nước",
        "21/2025/NQ-HĐND",
        "",
        "",
        "",
        "",
    ),
    (
        "02/2026/QĐ-UBND",
        "Quyết định",
        "XA",
        "12/03/2026",
        "25/03/2026",
        "",
        "Quy định quản lý trật tự xây dựng và vệ sinh môi trường trên địa bàn xã",
        "Chủ tịch",
        "Nguyễn Thành Công",
        "Xây dựng, đô thị; Tài nguyên, môi trường",
        LAW,
        "",
        "",
        "",
        "",
    ),
]


def loaded() -> bool:
    return LegalDocument.objects.filter(code=MARKER).exists()


def _body(title: str) -> str:
    return (
        f"{title}.\n\n"
        "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng.\n\n"
        "Điều 2. Nội dung quy định chi tiết theo phụ lục kèm theo.\n\n"
        "Điều 3. Tổ chức thực hiện: Chánh Văn phòng, Thủ trưởng các sở, ban, ngành tỉnh, "
        "Chủ tịch Ủy ban nhân dân các xã, phường và tổ chức, cá nhân có liên quan chịu trách "
        "nhiệm thi hành."
    )


def load(stdout: Any) -> None:
    province = OrgUnit.objects.current().filter(kind=UnitKind.PROVINCE_COMMITTEE, depth=1).first()
    council = OrgUnit.objects.current().filter(kind=UnitKind.PROVINCE_COUNCIL).first()
    communes = OrgUnit.objects.current().filter(kind=UnitKind.COMMUNE_COMMITTEE)
    commune = communes.filter(name__contains="Định Mỹ").first() or communes.first()
    if province is None or council is None or commune is None:
        stdout.write("gazette demo skipped: no province, council or commune in the registry")
        return
    issuers = {"UBND": province, "HĐND": council, "XA": commune}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*HEADERS, "Toàn văn"])
    for row in ROWS:
        values = list(row)
        values[2] = issuers[str(values[2])].name
        writer.writerow([*values, _body(str(row[6]))])
    report = import_documents(
        actor=None,
        content=buffer.getvalue().encode("utf-8"),
        filename="van-ban-qppl.csv",
        publish=True,
        skip_access_check=True,
    )
    if not report.ok:
        raise RuntimeError([(r.number, r.problems) for r in report.bad_rows])
    editor = get_user_model().objects.create(
        username=EDITOR,
        full_name="Lý Thị Công Báo",
        email="congbao@angiang.gov.vn",
        password=make_password(PASSWORD),
    )
    for unit in (province, council):
        org_actions.grant_role(
            actor=None,
            user=editor,
            role=Role.PORTAL_EDITOR,
            unit=unit,
            valid_from=dt.date(2020, 1, 1),
            skip_access_check=True,
        )
    by_code = {d.code: d for d in report.created}
    for code in ("25/2024/QĐ-UBND", "18/2025/QĐ-UBND"):
        doc = by_code[code]
        pdf = _typeset(
            Part(doc.code, doc.title, doc.issuer_name, doc.issue_date, None, doc.body_text)
        )
        doc_actions.attach_signed_pdf(
            actor=editor,
            document=doc,
            upload=doc_actions.upload_from_bytes(pdf, f"{code.replace('/', '-')}.pdf"),
        )
    issue = issue_actions.create_issue(actor=editor, publisher=province, date=dt.date(2025, 9, 30))
    for code in ("14/2025/QĐ-UBND", "18/2025/QĐ-UBND", "20/2025/QĐ-UBND"):
        issue_actions.add_to_issue(actor=editor, issue=issue, document=by_code[code])
    issue_actions.publish_issue(actor=editor, issue=issue)
    stdout.write(
        f"Gazette: {len(report.created)} legal documents, gazette issue {issue}; "
        f"editor login {EDITOR} / {PASSWORD}"
    )
