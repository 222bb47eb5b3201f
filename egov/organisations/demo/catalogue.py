"""The demo province's units: An Giang as listed in Chỉ thị 26/2005/CT-UBND (12/12/2005),
the Kiên Giang units it absorbed on 1 July 2025, and the divisions of the main departments.

``seed`` is the unit's label in the directive's list of the 42 agencies connected to the
provincial network, exactly as printed there; ``code`` is the old-form organ code
(``000.00.NN.H01``) and ``new_code`` the dotted code given on 1 July 2025.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from egov.organisations.choices import UnitKind

START = dt.date(2005, 12, 12)
REFORM_2008 = dt.date(2008, 4, 1)
MERGERS_2025 = dt.date(2025, 3, 1)
REFORM_2025 = dt.date(2025, 7, 1)
KIEN_GIANG_FROM = dt.date(2020, 1, 1)

PROVINCE_NAME = "Ủy ban nhân dân tỉnh An Giang"
PROVINCE_CODE = "000.00.00.H01"
PROVINCE_NEW_CODE = "H01"


@dataclass(frozen=True)
class Division:
    name: str
    abbreviation: str


@dataclass(frozen=True)
class Agency:
    """A unit under the provincial People's Committee in 2005."""

    key: str  # stable key used by the history and the users (the 2005 abbreviation)
    name: str
    short_name: str
    kind: str
    seed: str
    number: int  # NN of the old organ code 000.00.NN.H01
    head: str = "Giám đốc"
    deputy: str = "Phó Giám đốc"
    divisions: tuple[Division, ...] = field(default_factory=tuple)
    district: str = ""  # pre-2025 district name for district committees

    @property
    def organ_code(self) -> str:
        return f"000.00.{self.number:02d}.H01"


def _d(*pairs: tuple[str, str]) -> tuple[Division, ...]:
    return tuple(Division(name, abbr) for name, abbr in pairs)


_OFFICE = ("Văn phòng Sở", "VP")
A = UnitKind.AGENCY
C = UnitKind.CENTRAL_BRANCH

AGENCIES: tuple[Agency, ...] = (
    Agency(
        "VPHĐND",
        "Văn phòng Hội đồng nhân dân tỉnh",
        "VP HĐND tỉnh",
        UnitKind.PROVINCE_COUNCIL,
        "Văn phòng HĐND",
        1,
        head="Chánh Văn phòng",
        deputy="Phó Chánh Văn phòng",
    ),
    Agency(
        "VPUBND",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "VP UBND tỉnh",
        A,
        "VP UBND tỉnh",
        2,
        head="Chánh Văn phòng",
        deputy="Phó Chánh Văn phòng",
        divisions=_d(("Phòng Tổng hợp", "TH"), ("Trung tâm Tin học", "TTTH")),
    ),
    Agency(
        "SNV",
        "Sở Nội vụ",
        "Sở Nội vụ",
        A,
        "Sở Nội vụ",
        3,
        divisions=_d(
            ("Phòng Tổ chức, biên chế", "TCBC"),
            ("Phòng Xây dựng chính quyền", "XDCQ"),
            _OFFICE,
        ),
    ),
    Agency(
        "SKHĐT",
        "Sở Kế hoạch và Đầu tư",
        "Sở KH&ĐT",
        A,
        "Sở Kế hoạch và Đầu tư",
        4,
        divisions=_d(("Phòng Tổng hợp, quy hoạch", "THQH"), ("Phòng Đăng ký kinh doanh", "ĐKKD")),
    ),
    Agency(
        "STC",
        "Sở Tài chính",
        "Sở Tài chính",
        A,
        "Sở Tài chính",
        5,
        divisions=_d(
            ("Phòng Quản lý ngân sách", "QLNS"), ("Phòng Tài chính đầu tư", "TCĐT"), _OFFICE
        ),
    ),
    Agency(
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        "Sở KH&CN",
        A,
        "Sở Khoa học Công nghệ",
        6,
        divisions=_d(("Phòng Quản lý công nghệ", "QLCN")),
    ),
    Agency(
        "CTK",
        "Cục Thống kê tỉnh An Giang",
        "Cục Thống kê",
        C,
        "Cục Thống kê",
        7,
        head="Cục trưởng",
        deputy="Phó Cục trưởng",
    ),
    Agency(
        "SGDĐT",
        "Sở Giáo dục và Đào tạo",
        "Sở GD&ĐT",
        A,
        "Sở Giáo dục và Đào tạo",
        8,
        divisions=_d(("Phòng Giáo dục Trung học", "GDTRH"), ("Phòng Giáo dục Tiểu học", "GDTH")),
    ),
    Agency(
        "SYT",
        "Sở Y tế",
        "Sở Y tế",
        A,
        "Sở Y tế",
        9,
        divisions=_d(("Phòng Nghiệp vụ Y", "NVY"), ("Phòng Kế hoạch - Tài chính", "KHTC")),
    ),
    Agency(
        "SNNPTNT",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở NN&PTNT",
        A,
        "Sở Nông nghiệp & PTNT",
        10,
        divisions=_d(("Chi cục Thủy lợi", "CCTL"), ("Phòng Kế hoạch - Tài chính", "KHTC")),
    ),
    Agency("SCN", "Sở Công nghiệp", "Sở Công nghiệp", A, "Sở Công nghiệp", 11),
    Agency(
        "NHNN",
        "Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh An Giang",
        "NHNN Chi nhánh An Giang",
        C,
        "Ngân hàng Nhà nước",
        12,
    ),
    Agency(
        "CT",
        "Cục Thuế tỉnh An Giang",
        "Cục Thuế",
        C,
        "Cục Thuế",
        13,
        head="Cục trưởng",
        deputy="Phó Cục trưởng",
    ),
    Agency(
        "TAND",
        "Tòa án nhân dân tỉnh An Giang",
        "TAND tỉnh",
        C,
        "Tòa án nhân dân tỉnh",
        14,
        head="Chánh án",
        deputy="Phó Chánh án",
    ),
    Agency(
        "VKSND",
        "Viện Kiểm sát nhân dân tỉnh An Giang",
        "VKSND tỉnh",
        C,
        "Viện Kiểm sát nhân dân tỉnh",
        15,
        head="Viện trưởng",
        deputy="Phó Viện trưởng",
    ),
    Agency(
        "STP",
        "Sở Tư pháp",
        "Sở Tư pháp",
        A,
        "Sở Tư pháp",
        16,
        divisions=_d(("Phòng Hành chính tư pháp", "HCTP")),
    ),
    Agency(
        "ĐPTTH",
        "Đài Phát thanh - Truyền hình An Giang",
        "Đài PT-TH An Giang",
        UnitKind.PUBLIC_SERVICE_UNIT,
        "Đài phát thanh - Truyền hình",
        17,
    ),
    Agency(
        "CA",
        "Công an tỉnh An Giang",
        "Công an tỉnh",
        C,
        "Văn phòng Sở Công an.",
        18,
    ),
    Agency(
        "BCHQS",
        "Bộ Chỉ huy Quân sự tỉnh An Giang",
        "Bộ CHQS tỉnh",
        C,
        "Văn phòng Bộ CH Quân sự Tỉnh",
        19,
        head="Chỉ huy trưởng",
        deputy="Phó Chỉ huy trưởng",
    ),
    Agency(
        "SBCVT",
        "Sở Bưu chính, Viễn thông",
        "Sở BC-VT",
        A,
        "Sở Bưu chính Viễn thông",
        20,
        divisions=_d(("Phòng Bưu chính, Viễn thông", "BCVT")),
    ),
    Agency(
        "UBDSGĐTE",
        "Ủy ban Dân số, Gia đình và Trẻ em tỉnh",
        "UB DS-GĐ-TE",
        A,
        "UB Dân số - Gia đình và Trẻ em",
        21,
        head="Chủ nhiệm",
        deputy="Phó Chủ nhiệm",
    ),
    Agency(
        "SLĐTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở LĐ-TB&XH",
        A,
        "Sở Thương binh Lao động Xã hội",
        22,
        divisions=_d(("Phòng Lao động - Việc làm", "LĐVL")),
    ),
    Agency("SDL", "Sở Du lịch", "Sở Du lịch", A, "Sở Du lịch", 23),
    Agency("STM", "Sở Thương mại", "Sở Thương mại", A, "Sở Thương mại", 24),
    Agency(
        "SVHTT",
        "Sở Văn hóa - Thông tin",
        "Sở VH-TT",
        A,
        "Sở Văn hóa Thông tin",
        25,
        divisions=_d(("Phòng Nghiệp vụ Văn hóa", "NVVH")),
    ),
    Agency(
        "SXD",
        "Sở Xây dựng",
        "Sở Xây dựng",
        A,
        "Sở Xây dựng",
        26,
        divisions=_d(("Phòng Quản lý xây dựng", "QLXD")),
    ),
    Agency(
        "SGTVT",
        "Sở Giao thông vận tải",
        "Sở GTVT",
        A,
        "Sở Giao thông Vận tải",
        27,
        divisions=_d(("Phòng Quản lý vận tải", "QLVT")),
    ),
    Agency(
        "TTT",
        "Thanh tra tỉnh An Giang",
        "Thanh tra tỉnh",
        A,
        "Thanh tra tỉnh",
        28,
        head="Chánh Thanh tra",
        deputy="Phó Chánh Thanh tra",
    ),
    Agency(
        "STNMT",
        "Sở Tài nguyên và Môi trường",
        "Sở TN&MT",
        A,
        "Sở Tài nguyên Môi trường",
        29,
        divisions=_d(("Phòng Quản lý đất đai", "QLĐĐ"), ("Phòng Môi trường", "MT")),
    ),
    Agency("STDTT", "Sở Thể dục Thể thao", "Sở TDTT", A, "Sở Thể dục Thể thao", 30),
)


def _district(number: int, seed: str, name: str, district: str) -> Agency:
    return Agency(
        f"H{number}",
        f"Ủy ban nhân dân {name}",
        f"UBND {name}",
        UnitKind.DISTRICT_COMMITTEE,
        seed,
        number,
        head="Chủ tịch",
        deputy="Phó Chủ tịch",
        district=district,
    )


DISTRICTS: tuple[Agency, ...] = (
    _district(31, "VP UBND TP Long Xuyên", "thành phố Long Xuyên", "Long Xuyên"),
    _district(32, "VP UBND thị xã Châu Đốc", "thị xã Châu Đốc", "Châu Đốc"),
    _district(33, "VP UBND huyện Châu Thành", "huyện Châu Thành", "Châu Thành"),
    _district(34, "Văn phòng UBND huyện Thoại Sơn", "huyện Thoại Sơn", "Thoại Sơn"),
    _district(35, "Văn phòng UBND huyện Châu Phú", "huyện Châu Phú", "Châu Phú"),
    _district(36, "Văn phòng UBND huyện Tri Tôn", "huyện Tri Tôn", "Tri Tôn"),
    _district(37, "Văn phòng UBND huyện Tịnh Biên", "huyện Tịnh Biên", "Tịnh Biên"),
    _district(38, "Văn phòng UBND huyện An Phú", "huyện An Phú", "An Phú"),
    _district(39, "Văn phòng UBND huyện Tân Châu", "huyện Tân Châu", "Tân Châu"),
    _district(40, "Văn phòng UBND huyện Phú Tân", "huyện Phú Tân", "Phú Tân"),
    _district(41, "Văn phòng UBND huyện Chợ Mới", "huyện Chợ Mới", "Chợ Mới"),
)

#: Seed entry 42: a division of the provincial People's Committee's office.
RECEPTION = Division("Phòng Tiếp công dân tỉnh", "PTCD")
RECEPTION_SEED = "Phòng Tiếp công dân UBND tỉnh"

#: Where each district committee's staff went on 1 July 2025 (new commune, NFC name).
DISTRICT_SUCCESSORS = {
    "Long Xuyên": "Long Xuyên",
    "Châu Đốc": "Châu Đốc",
    "Châu Thành": "An Châu",
    "Thoại Sơn": "Thoại Sơn",
    "Châu Phú": "Châu Phú",
    "Tri Tôn": "Tri Tôn",
    "Tịnh Biên": "Tịnh Biên",
    "An Phú": "An Phú",
    "Tân Châu": "Tân Châu",
    "Phú Tân": "Phú Tân",
    "Chợ Mới": "Chợ Mới",
}

#: Kiên Giang's People's Committee and a handful of its departments (key, name, short name).
KIEN_GIANG_NAME = "Ủy ban nhân dân tỉnh Kiên Giang"
KIEN_GIANG_CODE = "000.00.00.H34"
KIEN_GIANG_AGENCIES: tuple[tuple[str, str, str], ...] = (
    ("VPUBND", "Văn phòng Ủy ban nhân dân tỉnh Kiên Giang", "VP UBND tỉnh Kiên Giang"),
    ("SNV", "Sở Nội vụ tỉnh Kiên Giang", "Sở Nội vụ Kiên Giang"),
    ("STC", "Sở Tài chính tỉnh Kiên Giang", "Sở Tài chính Kiên Giang"),
    ("SYT", "Sở Y tế tỉnh Kiên Giang", "Sở Y tế Kiên Giang"),
    ("SGDĐT", "Sở Giáo dục và Đào tạo tỉnh Kiên Giang", "Sở GD&ĐT Kiên Giang"),
)

#: New dotted organ codes from 1 July 2025 for the agencies still in force (by key).
NEW_CODES = {
    "VPHĐND": "K01",
    "VPUBND": "H01.01",
    "SNV": "H01.02",
    "STC": "H01.03",
    "SKHCN": "H01.04",
    "SGDĐT": "H01.05",
    "SYT": "H01.06",
    "SNNMT": "H01.07",
    "SCT": "H01.08",
    "STP": "H01.09",
    "SVHTTDL": "H01.10",
    "SXD": "H01.11",
    "TTT": "H01.12",
    "ĐPTTH": "H01.13",
}
SERVICE_CENTRE_CODE = "H01.30"
#: Commune codes H01.NNN are numbered in the order of their 2025 unit code, starting so that
#: xã Định Mỹ (30709) is H01.151 as in the published example.
ANCHOR_COMMUNE = ("30709", 151)
