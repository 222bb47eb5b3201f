"""One-stop demo: a realistic catalogue (land-use certificates, construction permits,
business registration, vehicle registration, residence, civil status) imported as the
province would (JSON through the import action), received at the desks of Sở Nội vụ and of
the demo commune, and dossiers at each stage, all through the actions."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model

from egov.onestop.actions import dossiers, processing
from egov.onestop.actions.procedures import import_procedures
from egov.onestop.models import Procedure
from egov.onestop.testing import pdf
from egov.organisations.models import OrgUnit

MARKER = "1.004227"


def loaded() -> bool:
    return Procedure.objects.filter(code=MARKER).exists()


def _code(name: str, fallback: str) -> str:
    unit = OrgUnit.objects.current().filter(name__icontains=name).exclude(organ_code="").first()
    return unit.organ_code if unit else fallback


def catalogue() -> list[dict[str, Any]]:
    snv = _code("Sở Nội vụ", "")
    commune = _code("xã Định Mỹ", snv)
    construction = _code("Sở Xây dựng", snv)
    land = _code("Sở Nông nghiệp và Môi trường", _code("Sở Tài nguyên", snv))
    finance = _code("Sở Tài chính", snv)
    police = _code("Công an tỉnh", snv)
    desk = [snv, commune]
    return [
        {
            "code": MARKER,
            "name": (
                "Đăng ký đất đai, tài sản gắn liền với đất, "
                "cấp Giấy chứng nhận quyền sử dụng đất lần đầu"
            ),
            "field_code": "G09-DD",
            "field_name": "Đất đai",
            "agencies": desk,
            "time_limit": 20,
            "time_unit": "ngày",
            "fee_amount": 100000,
            "fee_note": "Lệ phí cấp Giấy chứng nhận",
            "online_level": "một phần",
            "documents": [
                "Đơn đăng ký đất đai (Mẫu 04/ĐK)",
                "Giấy tờ về quyền sử dụng đất",
                "Sơ đồ thửa đất (nếu có)",
            ],
            "steps": [
                ["Kiểm tra hồ sơ, đo đạc", land, 12],
                ["Xác định nghĩa vụ tài chính", finance, 5],
                ["Ký Giấy chứng nhận", "", 3],
            ],
        },
        {
            "code": "1.009972",
            "name": "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
            "field_code": "G05-XD",
            "field_name": "Hoạt động xây dựng",
            "agencies": desk,
            "time_limit": 15,
            "time_unit": "ngày",
            "fee_amount": 75000,
            "online_level": "toàn trình",
            "documents": [
                "Đơn đề nghị cấp giấy phép xây dựng",
                "Giấy tờ về quyền sử dụng đất",
                "Bản vẽ thiết kế xây dựng",
            ],
            "steps": [
                ["Thẩm định hồ sơ, kiểm tra thực địa", construction, 12],
                ["Phê duyệt, cấp phép", "", 3],
            ],
        },
        {
            "code": "2.001610",
            "name": "Đăng ký thành lập hộ kinh doanh",
            "field_code": "G03-KD",
            "field_name": "Thành lập và hoạt động của hộ kinh doanh",
            "agencies": desk,
            "time_limit": 3,
            "time_unit": "ngày",
            "fee_amount": 100000,
            "online_level": "toàn trình",
            "documents": [
                "Giấy đề nghị đăng ký hộ kinh doanh",
                "Bản sao giấy tờ pháp lý của chủ hộ",
            ],
            "steps": [["Xem xét, cấp Giấy chứng nhận đăng ký hộ kinh doanh", "", 3]],
        },
        {
            "code": "2.002226",
            "name": "Đăng ký thành lập doanh nghiệp tư nhân",
            "field_code": "G03-DN",
            "field_name": "Thành lập và phát triển doanh nghiệp",
            "agencies": desk,
            "time_limit": 3,
            "time_unit": "ngày",
            "fee_amount": 50000,
            "online_level": "toàn trình",
            "documents": [
                "Giấy đề nghị đăng ký doanh nghiệp",
                "Bản sao giấy tờ pháp lý của chủ doanh nghiệp",
            ],
            "steps": [["Cấp Giấy chứng nhận đăng ký doanh nghiệp", finance, 3]],
        },
        {
            "code": "1.012345",
            "name": "Đăng ký xe, cấp biển số lần đầu",
            "field_code": "G12-DX",
            "field_name": "Đăng ký, quản lý phương tiện giao thông",
            "agencies": desk,
            "time_limit": 16,
            "time_unit": "giờ",
            "fee_amount": 150000,
            "online_level": "một phần",
            "documents": [
                "Giấy khai đăng ký xe",
                "Chứng từ nguồn gốc xe",
                "Chứng từ lệ phí trước bạ",
            ],
            "steps": [
                ["Kiểm tra xe, cấp biển số", police, 12],
                ["Trả chứng nhận đăng ký xe", "", 4],
            ],
        },
        {
            "code": "1.004194",
            "name": "Đăng ký thường trú",
            "field_code": "G12-CT",
            "field_name": "Đăng ký, quản lý cư trú",
            "agencies": desk,
            "time_limit": 7,
            "time_unit": "ngày",
            "fee_amount": 20000,
            "online_level": "toàn trình",
            "documents": [
                "Tờ khai thay đổi thông tin cư trú (CT01)",
                "Giấy tờ chứng minh chỗ ở hợp pháp",
            ],
            "steps": [
                ["Thẩm định, cập nhật cơ sở dữ liệu cư trú", police, 6],
                ["Thông báo kết quả", "", 1],
            ],
        },
        {
            "code": "1.001193",
            "name": "Đăng ký khai sinh",
            "field_code": "G01-HT",
            "field_name": "Hộ tịch",
            "agencies": [commune],
            "time_limit": 1,
            "time_unit": "ngày",
            "fee_amount": 0,
            "fee_note": "Miễn lệ phí",
            "online_level": "toàn trình",
            "documents": ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
            "steps": [["Ghi sổ hộ tịch, cấp Giấy khai sinh", "", 1]],
        },
    ]


def load(stdout: Any) -> None:
    content = json.dumps(catalogue(), ensure_ascii=False).encode()
    report = import_procedures(actor=None, content=content, filename="demo.json")
    if not report.ok:
        stdout.write(f"onestop: demo catalogue refused: {report.errors}\n")
        return
    users = get_user_model().objects
    officer = users.filter(username="motcua.snv").first()
    if officer is None:
        stdout.write(f"onestop: {report.created} procedures (no desk officer for dossiers)\n")
        return
    unit = OrgUnit.objects.current().filter(name__icontains="Sở Nội vụ").first()
    assert unit is not None  # noqa: S101 - the organisation demo always has it
    people = [
        ("Nguyễn Văn Bình", "1.009972"),
        ("Trần Thị Cúc", "2.001610"),
        ("Lê Hoàng Dũng", MARKER),
        ("Phạm Thu Hà", "1.004194"),
    ]
    made = []
    for name, code in people:
        procedure = Procedure.objects.get(code=code)
        uploads = [(d, pdf(f"{d.position}.pdf")) for d in procedure.documents.filter(required=True)]
        made.append(
            dossiers.receive_at_counter(
                actor=officer,
                procedure=procedure,
                unit=unit,
                applicant=dossiers.Applicant(name=name, email="congdan@example.com"),
                uploads=uploads,
            )
        )
    processing.hand_over(actor=officer, dossier=made[0], note="Chuyển thẩm định")
    processing.request_additional(actor=officer, dossier=made[2], missing="Sơ đồ thửa đất")
    stdout.write(f"onestop: {report.created} procedures, {len(made)} dossiers\n")
