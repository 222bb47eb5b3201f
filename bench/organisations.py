"""Benchmark of the organisation registry at national scale (GUIDE §6).

    .venv/bin/python -m bench.organisations [--scale N] [--quick]

Builds a database of its own (``bench_egov``, dropped and created each run) holding the 34
provinces of 2025, 3,321 communes, 2,000 agencies with their divisions, 100,000 staff with
Vietnamese names, the units' version history (about 10% renamed on 2025-07-01) and two
users: a provincial leader over a whole province and a commune clerk. Then it measures:

(a) visibility lists: count and first page of the staff and of the units in a user's scope,
    the role-assignment lookup included (the per-user cache is cleared every time);
(b) the tree as of a date: the whole country before and after the renames, one province;
(c) staff search without diacritics over every person, first page with the unit, and the
    same search done naively (``unaccent(full_name) ILIKE``, no trigram index) as the peer.

Every latency figure is a p50 and a p95 in milliseconds; the target for each is 50 ms.
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from bench._common import Report, fresh_database, log, parse_args, percentile, time_ms


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

# --- Reference data -------------------------------------------------------------------------

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


# --- Building the data ----------------------------------------------------------------------


def path_step(number: int) -> str:
    """One step of a treebeard materialised path: ``number`` in base 36, four characters."""
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    if len(digits) > STEPLEN:
        raise ValueError(f"too many children for steplen {STEPLEN}")
    return digits.rjust(STEPLEN, ALPHABET[0])


@dataclass
class PlannedUnit:
    """A unit before insertion: enough to build the OrgUnit, its versions and its staff."""

    path: str
    name: str
    kind: str
    abbreviation: str = ""
    organ_code: str = ""
    short_name: str = ""
    old_name: str = ""
    children: list[PlannedUnit] = field(default_factory=list)
    province: str = ""

    def add(self, child: PlannedUnit) -> PlannedUnit:
        child.path = self.path + path_step(len(self.children) + 1)
        child.province = self.province
        self.children.append(child)
        return child

    def walk(self) -> Iterable[tuple[PlannedUnit | None, PlannedUnit]]:
        """(parent, unit) pairs, parents before children."""
        stack: list[tuple[PlannedUnit | None, PlannedUnit]] = [(None, self)]
        while stack:
            parent, unit = stack.pop()
            yield parent, unit
            stack.extend((unit, child) for child in reversed(unit.children))


def spread(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    whole = sum(weights)
    shares = [total * weight / whole for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: shares[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def plan_tree(scale: float, rng: random.Random) -> list[PlannedUnit]:
    """The country: provinces, their agencies (departments with divisions first), communes."""
    from egov.organisations.choices import UnitKind

    communes = spread(round(FULL_COMMUNES * scale), [float(n) for _, _, n in PROVINCES])
    agencies = spread(round(FULL_AGENCIES * scale), [1.0] * len(PROVINCES))
    roots = []
    for index, (name, is_city, _) in enumerate(PROVINCES, start=1):
        level = "thành phố" if is_city else "tỉnh"
        root = PlannedUnit(
            path=path_step(index),
            name=f"Ủy ban nhân dân {level} {name}",
            short_name=f"UBND {level} {name}",
            kind=UnitKind.PROVINCE_COMMITTEE,
            abbreviation="UBND",
            organ_code=f"000.00.00.H{index:02d}",
            province=name,
        )
        roots.append(root)
        for number in range(agencies[index - 1]):
            code = f"000.00.{number + 1:02d}.H{index:02d}" if number < 99 else ""
            if number < len(DEPARTMENTS):
                abbr, agency_name, old, divisions = DEPARTMENTS[number]
                if abbr == "VPUBND":
                    agency_name = f"{agency_name} {level}"
                agency = root.add(
                    PlannedUnit(
                        "", agency_name, UnitKind.AGENCY, abbr, code, agency_name, old_name=old
                    )
                )
                for division in divisions:
                    agency.add(PlannedUnit("", division, UnitKind.DIVISION, short_name=division))
            else:
                other = number - len(DEPARTMENTS)
                agency_name = (
                    OTHER_AGENCIES[other]
                    if other < len(OTHER_AGENCIES)
                    else f"Trung tâm Y tế khu vực {other - len(OTHER_AGENCIES) + 1}"
                )
                root.add(PlannedUnit("", agency_name, UnitKind.AGENCY, organ_code=code))
        places = rng.sample(
            [f"{a} {b}" for a in PLACE_SYLLABLES for b in PLACE_SYLLABLES if a != b],
            communes[index - 1] * 2,
        )
        for number in range(communes[index - 1]):
            level_name = "phường" if rng.random() < (0.4 if is_city else 0.15) else "xã"
            place, old_place = places[2 * number], places[2 * number + 1]
            root.add(
                PlannedUnit(
                    "",
                    f"Ủy ban nhân dân {level_name} {place}",
                    UnitKind.COMMUNE_COMMITTEE,
                    "UBND",
                    f"H{index:02d}.{number + 1}",
                    f"UBND {level_name} {place}",
                    old_name=f"Ủy ban nhân dân {level_name} {old_place}",
                )
            )
    return roots


def choose_renamed(units: list[PlannedUnit], rng: random.Random) -> set[str]:
    """About ``RENAMED_SHARE`` of the units, by path, each given a name before the renames."""
    renamed = set()
    for unit in rng.sample(units, round(len(units) * RENAMED_SHARE)):
        if not unit.old_name:
            unit.old_name = f"{unit.name} {unit.province}"
        renamed.add(unit.path)
    return renamed


def insert_units(roots: list[PlannedUnit], rng: random.Random) -> dict[str, Any]:
    """OrgUnit rows with computed paths, their versions and a rename event per province.
    Returns the saved units by path."""
    from egov.lib.text import fold
    from egov.organisations.choices import EventKind, LinkRole
    from egov.organisations.models import OrgEvent, OrgEventLink, OrgUnit, OrgUnitVersion

    pairs = [pair for root in roots for pair in root.walk()]
    renamed = choose_renamed([unit for _, unit in pairs], rng)
    rows = [
        OrgUnit(
            path=unit.path,
            depth=len(unit.path) // STEPLEN,
            numchild=len(unit.children),
            name=unit.name,
            short_name=unit.short_name,
            abbreviation=unit.abbreviation,
            organ_code=unit.organ_code,
            kind=unit.kind,
            valid_from=UNIT_START,
            name_folded=fold(f"{unit.name} {unit.short_name} {unit.abbreviation}"),
        )
        for _, unit in pairs
    ]
    OrgUnit.objects.bulk_create(rows, batch_size=2000)
    by_path = {row.path: row for row in rows}

    events = {
        root.province: OrgEvent(
            kind=EventKind.RENAME,
            effective_date=RENAME_DAY,
            decision_ref=f"Nghị quyết số {index}/NQ-HĐND",
            note=f"Đổi tên đơn vị sau sắp xếp, {root.province}",
        )
        for index, root in enumerate(roots, start=1)
    }
    OrgEvent.objects.bulk_create(events.values())
    versions, links = [], []
    for parent, unit in pairs:

        def version(name: str, start: dt.date, end: dt.date | None, event: Any = None) -> Any:
            return OrgUnitVersion(
                unit=by_path[unit.path],  # noqa: B023 - called at once, inside this iteration
                parent=by_path[parent.path] if parent else None,  # noqa: B023 - likewise
                name=name,
                short_name=unit.short_name,  # noqa: B023 - likewise
                abbreviation=unit.abbreviation,  # noqa: B023 - likewise
                organ_code=unit.organ_code,  # noqa: B023 - likewise
                kind=unit.kind,  # noqa: B023 - likewise
                valid_from=start,
                valid_to=end,
                event=event,
            )

        if unit.path in renamed:
            event = events[unit.province]
            versions.append(version(unit.old_name, UNIT_START, RENAME_DAY))
            versions.append(version(unit.name, RENAME_DAY, None, event))
            links.append(OrgEventLink(event=event, unit=by_path[unit.path], role=LinkRole.TARGET))
        else:
            versions.append(version(unit.name, UNIT_START, None))
    OrgUnitVersion.objects.bulk_create(versions, batch_size=5000)
    OrgEventLink.objects.bulk_create(links, batch_size=5000)
    return by_path


def weighted(pairs: list[tuple[str, float]], rng: random.Random, k: int) -> list[str]:
    return rng.choices([name for name, _ in pairs], [weight for _, weight in pairs], k=k)


def make_names(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` (full name, gender) pairs, roughly as common as in the population."""
    from egov.organisations.choices import Gender

    families = weighted(FAMILY_NAMES, rng, count)
    male_middles = weighted(MALE_MIDDLE, rng, count)
    female_middles = weighted(FEMALE_MIDDLE, rng, count)
    names = []
    for i in range(count):
        if rng.random() < 0.5:
            parts = [families[i], male_middles[i], rng.choice(MALE_GIVEN)]
            gender = Gender.MALE
        else:
            middle = female_middles[i]
            if middle == "Thị" and rng.random() < 0.3:
                middle = f"Thị {rng.choice(FEMALE_SECOND_MIDDLE)}"
            parts = [families[i], middle, rng.choice(FEMALE_GIVEN)]
            gender = Gender.FEMALE
        names.append((" ".join(parts), str(gender)))
    return names


def position_for(kind: str, order: int, positions: dict[str, Any]) -> Any:
    """The post of the ``order``-th person placed in a unit of ``kind``."""
    from egov.organisations.choices import UnitKind

    head, deputy, staff = {
        UnitKind.PROVINCE_COMMITTEE: ("Chủ tịch", "Phó Chủ tịch", "Chuyên viên chính"),
        UnitKind.COMMUNE_COMMITTEE: ("Chủ tịch", "Phó Chủ tịch", "Công chức"),
        UnitKind.AGENCY: ("Giám đốc", "Phó Giám đốc", "Chuyên viên"),
        UnitKind.DIVISION: ("Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"),
    }[UnitKind(kind)]
    name = head if order == 0 else deputy if order < 3 else "Văn thư" if order == 3 else staff
    return positions[name]


#: Relative staff size of a unit, by kind: communes carry most civil servants.
STAFF_WEIGHT = {
    "province_committee": 10.0,
    "agency": 12.0,
    "division": 8.0,
    "commune_committee": 20.0,
}


def insert_staff(units: list[Any], count: int, rng: random.Random) -> list[Any]:
    """``count`` people with one open employment each, spread over ``units`` by kind."""
    from egov.lib.text import fold
    from egov.organisations.choices import StaffStatus
    from egov.organisations.models import Employment, Person, Position

    positions = {
        post.name: post
        for post in Position.objects.bulk_create(
            Position(name=name, is_leader=leader, rank=rank) for name, leader, rank in POSITIONS
        )
    }
    domains = {
        path_step(index): f"{fold(name).replace(' ', '')}.gov.vn"
        for index, (name, _, _) in enumerate(PROVINCES, start=1)
    }
    placed = rng.choices(units, [STAFF_WEIGHT[u.kind] for u in units], k=count)
    names = make_names(count, rng)
    order_in_unit: Counter[int] = Counter()
    mailboxes: Counter[str] = Counter()
    people = []
    hired = []
    for i, (unit, (full_name, gender)) in enumerate(zip(placed, names, strict=True)):
        position = position_for(unit.kind, order_in_unit[unit.pk], positions)
        order_in_unit[unit.pk] += 1
        folded = fold(full_name)
        parts = folded.split(" ")
        mailbox = parts[-1] + "".join(part[0] for part in parts[:-1])
        mailboxes[mailbox] += 1
        if mailboxes[mailbox] > 1:
            mailbox += str(mailboxes[mailbox])
        roll = rng.random()
        people.append(
            Person(
                full_name=full_name,
                full_name_folded=folded,
                staff_code=f"CB{i + 1:07d}",
                gender=gender,
                birth_date=dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365)),
                email=f"{mailbox}@{domains[unit.path[:STEPLEN]]}",
                phone=f"09{rng.randrange(10**8):08d}",
                status=StaffStatus.ACTIVE if roll < 0.97 else StaffStatus.ON_LEAVE,
                unit_id=unit.pk,
                position_id=position.pk,
                title=position.name,
            )
        )
        hired.append(dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(25 * 365)))
    Person.objects.bulk_create(people, batch_size=5000)
    Employment.objects.bulk_create(
        (
            Employment(
                person_id=person.pk,
                unit_id=unit.pk,
                position_id=person.position_id,
                title=person.title,
                valid_from=start,
            )
            for person, unit, start in zip(people, placed, hired, strict=True)
        ),
        batch_size=5000,
    )
    return people


@dataclass
class Subjects:
    """What the figures are measured on."""

    province: Any
    commune: Any
    leader: Any
    commune_clerk: Any
    emails: list[str]


def insert_users(by_path: dict[str, Any], people: list[Any], rng: random.Random) -> Subjects:
    from django.contrib.auth import get_user_model

    from egov.organisations.choices import Role
    from egov.organisations.models import RoleAssignment

    index = [name for name, _, _ in PROVINCES].index(MEASURED_PROVINCE) + 1
    province = by_path[path_step(index)]
    commune = next(
        unit
        for path, unit in sorted(by_path.items())
        if path.startswith(province.path) and unit.kind == "commune_committee"
    )
    user_model = get_user_model()

    def user(username: str, full_name: str, role: str, unit: Any, subtree: bool) -> Any:
        account = user_model(username=username, full_name=full_name)
        account.set_unusable_password()
        account.save()
        RoleAssignment.objects.create(
            user=account,
            role=role,
            unit=unit,
            covers_subtree=subtree,
            valid_from=dt.date(2025, 7, 1),
        )
        return account

    return Subjects(
        province=province,
        commune=commune,
        leader=user("lanhdao.tinh", "Nguyễn Văn Lãnh", Role.LEADER, province, True),
        commune_clerk=user("vanthu.xa", "Huỳnh Thị Thư", Role.CLERK, commune, False),
        emails=[person.email.upper() for person in rng.sample(people, EMAIL_SEARCHES)],
    )


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def build(scale: float, report: Report) -> Subjects:
    from egov.organisations.models import (
        Employment,
        OrgUnit,
        OrgUnitVersion,
        Person,
        RoleAssignment,
    )

    rng = random.Random(SEED)
    started = time.perf_counter()
    roots = plan_tree(scale, rng)
    by_path = insert_units(roots, rng)
    log(f"units: {len(by_path)} in {time.perf_counter() - started:.1f} s")
    units = sorted(by_path.values(), key=lambda unit: unit.path)
    people = insert_staff(units, round(FULL_STAFF * scale), rng)
    log(f"staff: {len(people)} in {time.perf_counter() - started:.1f} s")
    subjects = insert_users(by_path, people, rng)
    analyze()
    report.emit("build_s", time.perf_counter() - started, "s", better=None)
    counts = {
        "rows_units": OrgUnit.objects.count(),
        "rows_provinces": OrgUnit.objects.filter(kind="province_committee").count(),
        "rows_communes": OrgUnit.objects.filter(kind="commune_committee").count(),
        "rows_agencies": OrgUnit.objects.filter(kind="agency").count(),
        "rows_divisions": OrgUnit.objects.filter(kind="division").count(),
        "rows_unit_versions": OrgUnitVersion.objects.count(),
        "rows_people": Person.objects.count(),
        "rows_employments": Employment.objects.count(),
        "rows_role_assignments": RoleAssignment.objects.count(),
    }
    for figure, value in counts.items():
        report.emit(figure, value, "rows", better=None)
    return subjects


# --- Checks and figures ---------------------------------------------------------------------


def check_tree(subjects: Subjects) -> None:
    """The computed paths form the tree treebeard would have built; the history reads back."""
    from egov.lib.dates import local_today
    from egov.organisations.models import OrgUnit, OrgUnitVersion
    from egov.organisations.queries import tree_as_of

    province = OrgUnit.objects.get(pk=subjects.province.pk)
    problems = OrgUnit.objects.find_problems(parent=province)
    if any(problems):
        raise SystemExit(f"treebeard reports problems in the built tree: {problems}")
    children = list(OrgUnit.objects.get_children(province))
    if len(children) != province.numchild or OrgUnit.objects.get_root_nodes().count() != len(
        PROVINCES
    ):
        raise SystemExit("the built tree does not read back through treebeard")
    units = OrgUnit.objects.count()
    for day in (BEFORE_RENAMES, local_today()):
        nodes = sum(len(root.walk()) for root in tree_as_of(day))
        if nodes != units:
            raise SystemExit(f"tree as of {day} has {nodes} units, expected {units}")
    renamed = OrgUnitVersion.objects.filter(valid_to=RENAME_DAY).count()
    log(f"checks passed: {units} units, {renamed} renamed on {RENAME_DAY}")


def measure_visibility(subjects: Subjects, report: Report, repeat: int) -> None:
    """(a) count and first page of the staff and units in a user's scope, assignments read
    afresh each time."""
    from egov.organisations import access
    from egov.organisations.choices import Role
    from egov.organisations.models import OrgUnit, Person

    def staff_page(user: Any, roles: Sequence[str]) -> tuple[int, list[Any]]:
        access.forget_cached_assignments(user)
        scope = access.scope_for(user, roles)
        people = (
            Person.objects.filter(scope.q("unit__")).active().select_related("unit", "position")
        )
        return people.count(), list(people[:PAGE_SIZE])

    def unit_page(user: Any, roles: Sequence[str]) -> tuple[int, list[Any]]:
        access.forget_cached_assignments(user)
        units = OrgUnit.objects.filter(access.scope_for(user, roles).q())
        return units.count(), list(units[:PAGE_SIZE])

    cases: list[tuple[str, Any, list[str]]] = [
        ("province_leader", subjects.leader, [Role.LEADER]),
        ("commune_clerk", subjects.commune_clerk, [Role.CLERK]),
    ]
    for label, user, roles in cases:
        staff, units = staff_page(user, roles)[0], unit_page(user, roles)[0]
        log(f"{label}: {staff} staff and {units} units in scope")
        samples = time_ms(partial(staff_page, user, roles), repeat=repeat)
        report.latency(f"visible_staff_{label}", samples, target=TARGET_MS)
        samples = time_ms(partial(unit_page, user, roles), repeat=repeat)
        report.latency(f"visible_units_{label}", samples, target=TARGET_MS)


def measure_tree(subjects: Subjects, report: Report, repeat: int) -> None:
    """(b) the tree as of a date: the country before the renames and today, one province."""
    from egov.lib.dates import local_today
    from egov.organisations.queries import tree_as_of

    today = local_today()
    cases: list[tuple[str, Callable[[], object]]] = [
        ("tree_country_2024", lambda: tree_as_of(BEFORE_RENAMES)),
        ("tree_country_today", lambda: tree_as_of(today)),
        ("tree_province_today", lambda: tree_as_of(today, root_id=subjects.province.pk)),
    ]
    for figure, operation in cases:
        report.latency(figure, time_ms(operation, repeat=repeat), target=TARGET_MS)


def measure_search(subjects: Subjects, report: Report, rounds: int, peer_rounds: int) -> None:
    """(c) staff search over every person, and the naive peer on the same name queries."""
    from django.core.paginator import Paginator

    from egov.organisations.models import Person

    names, emails = SEARCHES, subjects.emails

    def first_page(term: str) -> object:
        return list(Person.objects.search(term).select_related("unit")[:PAGE_SIZE])

    def directory_page(term: str) -> object:
        """What the staff directory view runs: active people, count and first page."""
        people = Person.objects.active().select_related("unit", "position").search(term)
        page = Paginator(people, PAGE_SIZE).get_page(1)
        return page.paginator.count, list(page.object_list)

    def naive_page(term: str) -> object:
        """The peer: every word matched in the raw name through unaccent, no index usable."""
        people = Person.objects.all()
        for word in term.split():
            people = people.filter(full_name__unaccent__icontains=word)
        return list(people.select_related("unit")[:PAGE_SIZE])

    def over(operation: Callable[[str], object], terms: list[str], rounds: int) -> list[float]:
        samples: list[float] = []
        for term in terms:
            samples += time_ms(partial(operation, term), repeat=rounds, warmup=1)
        return samples

    found = sum(1 for term in [*names, *emails] if Person.objects.search(term).exists())
    log(f"search: {len(names)} name and {len(emails)} e-mail queries, {found} with results")
    by_name = over(first_page, names, rounds)
    by_email = over(first_page, emails, rounds * 2)
    report.latency("search_first_page", by_name + by_email, target=TARGET_MS)
    report.latency("search_first_page_names", by_name, target=TARGET_MS)
    report.latency("search_first_page_emails", by_email, target=TARGET_MS)
    report.latency(
        "search_directory_page", over(directory_page, [*names, *emails], rounds), target=TARGET_MS
    )
    naive = over(naive_page, names, peer_rounds)
    report.latency("peer_naive_unaccent_names", naive, target=None)  # a peer, not a goal
    for label, fraction in (("p50", 0.5), ("p95", 0.95)):
        ratio = percentile(naive, fraction) / percentile(by_name, fraction)
        report.emit(f"peer_ratio_names_{label}", ratio, "x", better="higher")


def main() -> None:
    args = parse_args("Benchmark of the organisation registry", quick_scale=QUICK_SCALE)
    load_before = os.getloadavg()[0]
    log(f"preparing database {args.database} (scale {args.scale})")
    report = Report()
    report.emit("migrate_s", fresh_database(args.database, args.pg_settings), "s", better=None)
    subjects = build(args.scale, report)
    check_tree(subjects)
    quick = args.quick
    measure_visibility(subjects, report, repeat=50 if quick else 200)
    measure_tree(subjects, report, repeat=10 if quick else 30)
    measure_search(subjects, report, rounds=2 if quick else 5, peer_rounds=1 if quick else 2)
    report.summary(
        benchmark="organisations",
        scale=args.scale,
        database=args.database,
        server_settings=args.pg_settings,
        target_ms=TARGET_MS,
        cpus=os.cpu_count(),
        load_average=[round(load_before, 2), round(os.getloadavg()[0], 2)],
    )


if __name__ == "__main__":
    main()
