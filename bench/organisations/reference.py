"""Reference data of the benchmark: sizes and dates, the provinces of 2025, the departments
and agencies of a province, Vietnamese names with their frequencies, posts, typed searches."""

from __future__ import annotations

import datetime as dt


def words(text: str) -> list[str]:
    """The words of ``text``: long name lists read better as one string."""
    return text.split()


def phrases(text: str, sep: str = ",") -> list[str]:
    """The phrases of ``text`` separated by ``sep``."""
    return [phrase.strip() for phrase in text.split(sep)]


def weights(text: str) -> list[tuple[str, float]]:
    """``"Nguyễn:38 Trần:11"`` as ``[("Nguyễn", 38.0), ("Trần", 11.0)]``."""
    return [(name, float(weight)) for name, weight in (item.split(":") for item in words(text))]


SEED = 20250701
TARGET_MS = 50.0
PAGE_SIZE = 50
QUICK_SCALE = 0.05
UNIT_START = dt.date(2015, 1, 1)
RENAME_DAY = dt.date(2025, 7, 1)
BEFORE_RENAMES = dt.date(2024, 1, 1)
RENAMED_SHARE = 0.10
FULL_COMMUNES = 3321
FULL_AGENCIES = 2000
FULL_STAFF = 100_000

#: Treebeard's MP_Node alphabet; OrgUnit uses steplen 4 (egov.organisations.constants).
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4

#: The 34 provinces and centrally-run cities from 2025-07-01 with about their number of
#: communes, wards and special zones (scaled to exactly 3,321 in all).
PROVINCES: list[tuple[str, bool, int]] = [
    ("Hà Nội", True, 126),
    ("Huế", True, 40),
    ("Lai Châu", False, 38),
    ("Điện Biên", False, 45),
    ("Sơn La", False, 75),
    ("Lạng Sơn", False, 65),
    ("Quảng Ninh", False, 54),
    ("Thanh Hóa", False, 166),
    ("Nghệ An", False, 130),
    ("Hà Tĩnh", False, 69),
    ("Cao Bằng", False, 56),
    ("Tuyên Quang", False, 124),
    ("Lào Cai", False, 99),
    ("Thái Nguyên", False, 92),
    ("Phú Thọ", False, 148),
    ("Bắc Ninh", False, 99),
    ("Hưng Yên", False, 104),
    ("Hải Phòng", True, 114),
    ("Ninh Bình", False, 129),
    ("Quảng Trị", False, 78),
    ("Đà Nẵng", True, 94),
    ("Quảng Ngãi", False, 96),
    ("Gia Lai", False, 135),
    ("Khánh Hòa", False, 65),
    ("Lâm Đồng", False, 124),
    ("Đắk Lắk", False, 102),
    ("Hồ Chí Minh", True, 168),
    ("Đồng Nai", False, 95),
    ("Tây Ninh", False, 96),
    ("Cần Thơ", True, 103),
    ("Vĩnh Long", False, 124),
    ("Đồng Tháp", False, 102),
    ("Cà Mau", False, 64),
    ("An Giang", False, 102),
]
#: The province whose leader and commune clerk are measured.
MEASURED_PROVINCE = "An Giang"

#: Departments with internal divisions, first in every province: (abbreviation, name,
#: name before 2025-07-01, divisions).
DEPARTMENTS: list[tuple[str, str, str, list[str]]] = [
    (
        "VPUBND",
        "Văn phòng Ủy ban nhân dân",
        "",
        [
            "Phòng Tổng hợp",
            "Phòng Kinh tế",
            "Phòng Khoa giáo – Văn xã",
            "Phòng Hành chính – Tổ chức",
        ],
    ),
    (
        "SNV",
        "Sở Nội vụ",
        "Sở Lao động – Thương binh và Xã hội",
        [
            "Văn phòng Sở",
            "Thanh tra Sở",
            "Phòng Tổ chức, biên chế",
            "Phòng Công chức, viên chức",
            "Phòng Xây dựng chính quyền",
            "Phòng Lao động – Việc làm",
        ],
    ),
    ("STP", "Sở Tư pháp", "", ["Văn phòng Sở", "Phòng Xây dựng và kiểm tra văn bản"]),
    (
        "STC",
        "Sở Tài chính",
        "Sở Kế hoạch và Đầu tư",
        ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý ngân sách", "Phòng Đăng ký kinh doanh"],
    ),
    ("SCT", "Sở Công Thương", "", ["Văn phòng Sở", "Phòng Quản lý thương mại"]),
    (
        "SNNMT",
        "Sở Nông nghiệp và Môi trường",
        "Sở Nông nghiệp và Phát triển nông thôn",
        ["Văn phòng Sở", "Phòng Đất đai", "Phòng Môi trường", "Phòng Tài nguyên nước"],
    ),
    (
        "SXD",
        "Sở Xây dựng",
        "Sở Giao thông vận tải",
        ["Văn phòng Sở", "Phòng Quản lý xây dựng", "Phòng Quy hoạch – Kiến trúc"],
    ),
    (
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        "Sở Thông tin và Truyền thông",
        ["Văn phòng Sở", "Phòng Chuyển đổi số", "Phòng Bưu chính – Viễn thông"],
    ),
    (
        "SGDĐT",
        "Sở Giáo dục và Đào tạo",
        "",
        ["Văn phòng Sở", "Phòng Giáo dục phổ thông", "Phòng Tổ chức cán bộ"],
    ),
    ("SYT", "Sở Y tế", "", ["Văn phòng Sở", "Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược"]),
    (
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "",
        ["Văn phòng Sở", "Phòng Quản lý văn hóa", "Phòng Quản lý du lịch"],
    ),
    ("TTR", "Thanh tra tỉnh", "", ["Văn phòng", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2"]),
    (
        "SDTTG",
        "Sở Dân tộc và Tôn giáo",
        "Ban Dân tộc",
        ["Văn phòng Sở", "Phòng Công tác dân tộc", "Phòng Quản lý tôn giáo"],
    ),
]

#: Further agencies without divisions; past these, "Trung tâm Y tế khu vực N".
OTHER_AGENCIES = phrases(
    "Ban Quản lý các khu công nghiệp; "
    "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp; "
    "Ban Quản lý dự án đầu tư xây dựng công trình giao thông; "
    "Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp; "
    "Trung tâm Phục vụ hành chính công; Báo và Phát thanh, Truyền hình; Trường Chính trị; "
    "Trường Cao đẳng Y tế; Trường Cao đẳng Kỹ thuật – Công nghệ; Bệnh viện Đa khoa; "
    "Bệnh viện Sản – Nhi; Bệnh viện Y dược cổ truyền; Trung tâm Kiểm soát bệnh tật; "
    "Trung tâm Pháp y; Chi cục Kiểm lâm; Chi cục Thủy lợi; Chi cục Chăn nuôi và Thú y; "
    "Chi cục Trồng trọt và Bảo vệ thực vật; "
    "Chi cục Quản lý chất lượng nông lâm sản và thủy sản; Chi cục Văn thư – Lưu trữ; "
    "Chi cục Giám định xây dựng; Chi cục Dân số; "
    "Trung tâm Công nghệ thông tin và Truyền thông; Trung tâm Trợ giúp pháp lý nhà nước; "
    "Trung tâm Dịch vụ việc làm; Trung tâm Khuyến nông; "
    "Trung tâm Quan trắc tài nguyên và môi trường; Văn phòng Đăng ký đất đai; "
    "Quỹ Đầu tư phát triển; Trung tâm Xúc tiến đầu tư, thương mại và du lịch; Thư viện tỉnh; "
    "Bảo tàng tỉnh; Trung tâm Văn hóa – Nghệ thuật; "
    "Trung tâm Huấn luyện và thi đấu thể thao; Cơ sở cai nghiện ma túy; "
    "Trung tâm Công tác xã hội",
    sep=";",
)

#: Syllables of commune and ward names (Tân Phú, Vĩnh Thạnh, Mỹ Hòa…).
PLACE_SYLLABLES = words(
    "Tân Phú An Bình Hòa Long Mỹ Thạnh Phước Vĩnh Hưng Đông Tây Nam Bắc Trung Thuận Lợi Định "
    "Hiệp Sơn Lâm Hải Thủy Xuân Quang Thành Đức Minh Hồng Khánh Lộc Thới Hội Châu Giang Phong"
)

#: Family names with their approximate share of the population (per cent).
FAMILY_NAMES = weights(
    "Nguyễn:38 Trần:11 Lê:9.5 Phạm:7 Hoàng:4 Huỳnh:3.1 Phan:4.5 Vũ:2.5 Võ:2.5 Đặng:2.1 "
    "Bùi:2 Đỗ:1.4 Hồ:1.3 Ngô:1.3 Dương:1 Lý:0.5 Đinh:0.6 Trương:0.6 Lâm:0.4 Mai:0.4 "
    "Đoàn:0.4 Cao:0.3 Lưu:0.3 Tạ:0.2 Châu:0.2 Lương:0.3 Hà:0.3 Tô:0.2 Kiều:0.1 Quách:0.1 "
    "Thái:0.2 Triệu:0.2 La:0.1 Vương:0.1 Tăng:0.1"
)
MALE_MIDDLE = [("Văn", 40.0)] + [
    (name, 4.0)
    for name in words(
        "Hữu Đức Minh Quốc Công Thanh Xuân Ngọc Quang Duy Hoàng Tuấn Đình Trọng Thế Anh"
    )
]
FEMALE_MIDDLE = [("Thị", 55.0)] + [
    (name, 3.0) for name in words("Ngọc Thu Thanh Minh Hồng Kim Phương Thúy Bích Mỹ Diệu Khánh")
]
#: A second middle name after "Thị" (Trần Thị Thu Hà).
FEMALE_SECOND_MIDDLE = words("Thu Thanh Ngọc Kim Hồng Minh Phương Mỹ Bích Diễm")
MALE_GIVEN = words(
    "An Anh Bảo Bình Cường Dũng Duy Đạt Đức Giang Hải Hiếu Hoàng Hùng Huy Khải Khang Khánh Khoa "
    "Kiên Lâm Long Lộc Minh Nam Nghĩa Nhân Phát Phong Phúc Quân Quang Sơn Tài Tâm Thắng Thành "
    "Thịnh Tiến Toàn Trí Trung Tuấn Tùng Việt Vinh Vũ Hưng Hậu Lực"
)
FEMALE_GIVEN = words(
    "An Anh Ánh Bích Chi Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hồng Huệ Hương Huyền Lan Linh "
    "Loan Mai My Nga Ngân Ngọc Nhung Oanh Phương Quyên Quỳnh Tâm Thảo Thanh Thủy Trang Trinh "
    "Tuyết Uyên Vân Vy Yến Hòa Thúy"
)

#: (name, is a leader post, rank); heads and deputies by unit kind are picked below.
POSITIONS: list[tuple[str, bool, int]] = [
    ("Chủ tịch", True, 10),
    ("Phó Chủ tịch", True, 20),
    ("Giám đốc", True, 30),
    ("Phó Giám đốc", True, 40),
    ("Trưởng phòng", True, 50),
    ("Phó Trưởng phòng", True, 60),
    ("Chuyên viên chính", False, 80),
    ("Chuyên viên", False, 90),
    ("Văn thư", False, 95),
    ("Công chức", False, 100),
]

#: Typed searches, without diacritics as staff type them; e-mails are added from the data.
SEARCHES = phrases(
    "nguyen van, tran thi thu, le minh, pham thi, hoang duc, vo thanh, nguyen thi huong, "
    "dang quoc, bui, do van hung, huynh ngoc, phan van long, ngo thi lan, duong, "
    "nguyen van an, tran thi thu ha, le thi mai, pham minh tuan, vu duc, nguyen huu phuoc, "
    "huong, tuan, linh, thao, dung, hung, trang, minh, nam, quynh, thuy, khanh, nguyen, "
    "tran, le van, thi ngoc, van nam, thi hoa, ha, truong cong, dinh van, lam thi, "
    "mai anh, ho thi kim, cao minh, nguyen thanh tung"
)
EMAIL_SEARCHES = 5
