"""The configurable checklist items seeded by the data migration: what seed 000 (Chỉ thị
26/2005: operate the e-office, the KT-XH reporting system, the agency website, e-mail) and
seed 003 (Công văn 459/UBND-TTTH: the website's structure, updated within 60 days) ask the
inspection team to check, plus the e-mail directive (seed 002) and the one-stop shop.

The website structure itself is checked from the portal (``portal.queries.site_compliance``);
the items here are what the inspector verifies on site."""

from __future__ import annotations

from typing import Any

#: (code, group, text, basis)
TEMPLATES: list[tuple[str, str, str, str]] = [
    (
        "eoffice-in-use",
        "Quản lý văn bản và hồ sơ công việc",
        "Đơn vị sử dụng phần mềm Quản lý văn bản và hồ sơ công việc"
        " trên mạng LAN và mạng diện rộng",
        "Chỉ thị 26/2005/CT-UBND, mục 1",
    ),
    (
        "eoffice-registers",
        "Quản lý văn bản và hồ sơ công việc",
        "Văn bản đến, đi được vào sổ và xử lý trên hệ thống, không gửi song song bản giấy",
        "Chỉ thị 26/2005/CT-UBND, mục 2",
    ),
    (
        "ktxh-reports",
        "Hệ thống tổng hợp thông tin KT-XH",
        "Đơn vị nhập liệu và gửi báo cáo KT-XH trên mạng theo hệ thống biểu mẫu",
        "Chỉ thị 26/2005/CT-UBND, mục 1; Quyết định 2693/2005/QĐ-UBND",
    ),
    (
        "website-staff-assigned",
        "Trang thông tin điện tử phục vụ điều hành",
        "Thủ trưởng đơn vị phân công cán bộ cập nhật thông tin lên Trang thông tin điện tử",
        "Công văn 459/UBND-TTTH",
    ),
    (
        "website-no-secret",
        "Trang thông tin điện tử phục vụ điều hành",
        "Không đưa thông tin thuộc danh mục bí mật nhà nước lên trang",
        "Công văn 459/UBND-TTTH, mục IV",
    ),
    (
        "mail-in-use",
        "Thư điện tử công vụ",
        "Lãnh đạo giao việc, trao đổi công tác bằng thư điện tử công vụ",
        "Chỉ thị 26/2005/CT-UBND, mục 3; Quyết định 2536/2005/QĐ-UBND",
    ),
    (
        "mail-accounts",
        "Thư điện tử công vụ",
        "Cán bộ, công chức được cấp và sử dụng hộp thư công vụ của tỉnh",
        "Chỉ thị về tăng cường sử dụng thư điện tử",
    ),
    (
        "onestop-in-use",
        "Một cửa điện tử",
        "Hồ sơ thủ tục hành chính được tiếp nhận, xử lý và trả kết quả"
        " trên hệ thống một cửa điện tử",
        "Chỉ thị 07/CT-UBND",
    ),
    (
        "network-lan",
        "Hạ tầng kỹ thuật",
        "Đơn vị có mạng LAN kết nối mạng diện rộng của tỉnh, vận hành thông suốt",
        "Chỉ thị 26/2005/CT-UBND, mục 1",
    ),
]


def ensure_templates(model: Any) -> None:
    """Create the seeded templates that are missing (``model`` is ChecklistTemplate, real
    or historical)."""
    for order, (code, group, text, basis) in enumerate(TEMPLATES, start=1):
        model.objects.get_or_create(
            code=code,
            defaults={"group": group, "text": text, "basis": basis, "order": order * 10},
        )
