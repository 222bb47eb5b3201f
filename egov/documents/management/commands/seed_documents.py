"""``manage.py seed_documents --scale N``: fill the e-office with N generated documents.

**A generator for benchmarks** (``bench.documents``) and load trials, not an import of real
data. It writes rows directly (``COPY`` into the tables), bypassing the actions: no checks,
no transition rows, no notifications, no audit events, no files. Run it on a database made
for the purpose, never on one holding real documents.

What it writes, with N = ``--scale`` (default 1,000,000):

* the organisation, when the database has no units yet: the 34 provinces of 2025 and
  ``--agencies`` agencies (default 2,000, about 59 per province: the Office of the People's
  Committee and the departments first, each with its divisions, then boards, centres and
  hospitals). With units present, the documents go to the current agencies found there;
* per agency one clerk (văn thư), one leader and one deputy (lãnh đạo, over the agency and its
  divisions) and one specialist, with their roles and a clearance for secret documents; plus
  ``lanhdao.tinh``, a leader over the whole province of An Giang. The Office of An Giang is the
  busiest agency (``vanthu.vp``, ``lanhdao.vp``): about 3% of the incoming documents;
* three quarters of N incoming documents: a source document (issuer, number and notation,
  realistic Vietnamese subject and type, signer) received by one to sixty agencies, each
  delivery registered in the agency's register with its arrival number (gap-free per register
  and year, in arrival order; secret documents, about 1%, in the secret register), channel,
  urgency, due date, and a status that depends on its age, with its handling chain
  (presented to the leader, then given to a division or the deputy, open or closed);
* one quarter outgoing documents: drafts, documents in review (the signer's step pending),
  approved, issued (numbered per register and year in order of issue, notation as
  ``actions.issuing.build_notation`` builds it), recalled;
* the register counters, so that the actions number on from where the seed stopped.

The search index is what ``egov.documents.search`` writes: the folded text is computed here
in Python (``egov.lib.text.fold``), and PostgreSQL turns it into the ``simple`` tsvector while
copying from a staging table. Dates run from 1 January two years back to now. The same
``--seed`` gives the same data.

The documents are written in one transaction that takes the document tables for itself: their
secondary indexes are dropped for the load and rebuilt at the end (one sorted build instead of
millions of insertions), and a superuser's session skips the foreign-key triggers. A failure
rolls everything back, indexes included. 1,000,000 documents take about 3.5 minutes on an idle
2-core machine.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone

from egov.lib.dates import BUSINESS_TZ
from egov.lib.text import fold

DEFAULT_DOCUMENTS = 1_000_000
DEFAULT_AGENCIES = 2_000
DEFAULT_SEED = 20251001
INCOMING_SHARE = 0.75
#: The province whose leader, Office and Office clerk the benchmark measures.
MEASURED_PROVINCE = "An Giang"
#: Weight of the measured Office (the busiest agency) among all agencies: about 3% of the
#: deliveries land there (a document goes to an agency at most once).
BUSY_SHARE = 0.08
#: Rows copied per batch (one transaction each).
BATCH = 20_000
#: The notation the benchmark searches for: one source document carries it.
PLANTED_NUMBER, PLANTED_NOTATION = "459", "UBND-TTTH"

#: The same word pattern as ``egov.documents.search``: notations are indexed word by word too.
_WORD = re.compile(r"[0-9a-z]+")


# --- Reference data ------------------------------------------------------------------------

#: The 34 provinces and centrally-run cities from 2025-07-01 (True: a city).
PROVINCES: list[tuple[str, bool]] = [
    ("Hà Nội", True),
    ("Huế", True),
    ("Lai Châu", False),
    ("Điện Biên", False),
    ("Sơn La", False),
    ("Lạng Sơn", False),
    ("Quảng Ninh", False),
    ("Thanh Hóa", False),
    ("Nghệ An", False),
    ("Hà Tĩnh", False),
    ("Cao Bằng", False),
    ("Tuyên Quang", False),
    ("Lào Cai", False),
    ("Thái Nguyên", False),
    ("Phú Thọ", False),
    ("Bắc Ninh", False),
    ("Hưng Yên", False),
    ("Hải Phòng", True),
    ("Ninh Bình", False),
    ("Quảng Trị", False),
    ("Đà Nẵng", True),
    ("Quảng Ngãi", False),
    ("Gia Lai", False),
    ("Khánh Hòa", False),
    ("Lâm Đồng", False),
    ("Đắk Lắk", False),
    ("Hồ Chí Minh", True),
    ("Đồng Nai", False),
    ("Tây Ninh", False),
    ("Cần Thơ", True),
    ("Vĩnh Long", False),
    ("Đồng Tháp", False),
    ("Cà Mau", False),
    ("An Giang", False),
]

#: The Office and the departments of a province: (abbreviation, name, divisions).
DEPARTMENTS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "VPUBND",
        "Văn phòng Ủy ban nhân dân",
        [
            ("TH", "Phòng Tổng hợp"),
            ("KT", "Phòng Kinh tế"),
            ("NC", "Phòng Nội chính"),
            ("KGVX", "Phòng Khoa giáo - Văn xã"),
            ("HCTC", "Phòng Hành chính - Tổ chức"),
            ("TTTH", "Trung tâm Tin học - Công báo"),
        ],
    ),
    (
        "SNV",
        "Sở Nội vụ",
        [
            ("VP", "Văn phòng Sở"),
            ("CCVC", "Phòng Công chức, viên chức"),
            ("TCBM", "Phòng Tổ chức bộ máy"),
            ("CQĐP", "Phòng Chính quyền địa phương"),
        ],
    ),
    (
        "STC",
        "Sở Tài chính",
        [
            ("VP", "Văn phòng Sở"),
            ("QLNS", "Phòng Quản lý ngân sách"),
            ("ĐT", "Phòng Đầu tư"),
            ("GCS", "Phòng Quản lý giá và công sản"),
        ],
    ),
    ("SXD", "Sở Xây dựng", [("VP", "Văn phòng Sở"), ("QLXD", "Phòng Quản lý xây dựng")]),
    (
        "SNNMT",
        "Sở Nông nghiệp và Môi trường",
        [("VP", "Văn phòng Sở"), ("ĐĐ", "Phòng Đất đai"), ("MT", "Phòng Môi trường")],
    ),
    ("SCT", "Sở Công Thương", [("VP", "Văn phòng Sở"), ("QLTM", "Phòng Quản lý thương mại")]),
    (
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        [("VP", "Văn phòng Sở"), ("CĐS", "Phòng Chuyển đổi số")],
    ),
    ("STP", "Sở Tư pháp", [("VP", "Văn phòng Sở"), ("XDVB", "Phòng Xây dựng văn bản")]),
    (
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        [("VP", "Văn phòng Sở"), ("QLVH", "Phòng Quản lý văn hóa")],
    ),
    ("SYT", "Sở Y tế", [("VP", "Văn phòng Sở"), ("NVY", "Phòng Nghiệp vụ Y")]),
    (
        "SGDĐT",
        "Sở Giáo dục và Đào tạo",
        [("VP", "Văn phòng Sở"), ("GDPT", "Phòng Giáo dục phổ thông")],
    ),
    ("SDTTG", "Sở Dân tộc và Tôn giáo", [("VP", "Văn phòng Sở")]),
    ("TTr", "Thanh tra tỉnh", [("VP", "Văn phòng"), ("NV1", "Phòng Nghiệp vụ 1")]),
]

#: Boards, centres, hospitals and branches of a province, after the departments.
OTHER_AGENCIES: list[tuple[str, str]] = [
    ("BQLKKT", "Ban Quản lý Khu kinh tế"),
    ("ĐPTTH", "Đài Phát thanh và Truyền hình"),
    ("BVĐK", "Bệnh viện Đa khoa tỉnh"),
    ("CDC", "Trung tâm Kiểm soát bệnh tật"),
    ("BQLDA", "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp"),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công"),
    ("QĐTPT", "Quỹ Đầu tư phát triển"),
    ("CĐYT", "Trường Cao đẳng Y tế"),
    ("TCT", "Trường Chính trị"),
    ("CCTL", "Chi cục Thủy lợi"),
    ("CCKL", "Chi cục Kiểm lâm"),
    ("CCCNTY", "Chi cục Chăn nuôi và Thú y"),
    ("CCTTBVTV", "Chi cục Trồng trọt và Bảo vệ thực vật"),
    ("CCTS", "Chi cục Thủy sản"),
    ("VPĐPNTM", "Văn phòng Điều phối nông thôn mới"),
    ("TTKN", "Trung tâm Khuyến nông"),
    ("TTDVVL", "Trung tâm Dịch vụ việc làm"),
    ("TTCNTT", "Trung tâm Công nghệ thông tin và Truyền thông"),
    ("TTLTLS", "Trung tâm Lưu trữ lịch sử"),
    ("TTTGPL", "Trung tâm Trợ giúp pháp lý nhà nước"),
    ("TTXTĐT", "Trung tâm Xúc tiến đầu tư, thương mại và du lịch"),
    ("BT", "Bảo tàng tỉnh"),
    ("TV", "Thư viện tỉnh"),
    ("TTPTQĐ", "Trung tâm Phát triển quỹ đất"),
    ("VPĐKĐĐ", "Văn phòng Đăng ký đất đai"),
    ("TTQT", "Trung tâm Quan trắc tài nguyên và môi trường"),
    ("BVSN", "Bệnh viện Sản - Nhi"),
    ("BVYDCT", "Bệnh viện Y dược cổ truyền"),
    ("BVLBP", "Bệnh viện Lao và Bệnh phổi"),
    ("BVTT", "Bệnh viện Tâm thần"),
    ("TTPY", "Trung tâm Pháp y"),
    ("TTKNG", "Trung tâm Kiểm nghiệm"),
    ("CĐN", "Trường Cao đẳng Nghề"),
    ("BCHQS", "Bộ Chỉ huy Quân sự tỉnh"),
    ("BĐBP", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
]

#: Central bodies sending documents to the provinces: (abbreviation, name, signer posts).
CENTRAL: list[tuple[str, str, tuple[str, str]]] = [
    ("CP", "Chính phủ", ("Thủ tướng", "Phó Thủ tướng")),
    ("TTg", "Thủ tướng Chính phủ", ("Thủ tướng", "Phó Thủ tướng")),
    ("VPCP", "Văn phòng Chính phủ", ("Bộ trưởng, Chủ nhiệm", "Phó Chủ nhiệm")),
    ("BNV", "Bộ Nội vụ", ("Bộ trưởng", "Thứ trưởng")),
    ("BTC", "Bộ Tài chính", ("Bộ trưởng", "Thứ trưởng")),
    ("BXD", "Bộ Xây dựng", ("Bộ trưởng", "Thứ trưởng")),
    ("BNNMT", "Bộ Nông nghiệp và Môi trường", ("Bộ trưởng", "Thứ trưởng")),
    ("BCT", "Bộ Công Thương", ("Bộ trưởng", "Thứ trưởng")),
    ("BYT", "Bộ Y tế", ("Bộ trưởng", "Thứ trưởng")),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo", ("Bộ trưởng", "Thứ trưởng")),
    ("BKHCN", "Bộ Khoa học và Công nghệ", ("Bộ trưởng", "Thứ trưởng")),
    ("BTP", "Bộ Tư pháp", ("Bộ trưởng", "Thứ trưởng")),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", ("Bộ trưởng", "Thứ trưởng")),
    ("BCA", "Bộ Công an", ("Bộ trưởng", "Thứ trưởng")),
    ("BQP", "Bộ Quốc phòng", ("Bộ trưởng", "Thứ trưởng")),
    ("BDTTG", "Bộ Dân tộc và Tôn giáo", ("Bộ trưởng", "Thứ trưởng")),
    ("TTCP", "Thanh tra Chính phủ", ("Tổng Thanh tra", "Phó Tổng Thanh tra")),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam", ("Thống đốc", "Phó Thống đốc")),
    ("BHXH", "Bảo hiểm xã hội Việt Nam", ("Tổng Giám đốc", "Phó Tổng Giám đốc")),
    ("KTNN", "Kiểm toán nhà nước", ("Tổng Kiểm toán", "Phó Tổng Kiểm toán")),
]
#: Units of a ministry that draft its letters (the part after the dash in a notation).
CENTRAL_DRAFTERS = ["VP", "TCCB", "KHTC", "PC", "CNTT", "HTQT", "TTr", "QLCL"]
#: Divisions of the provincial People's Committee's Office that draft its letters.
UBND_DRAFTERS = ["TH", "KT", "NC", "KGVX", "HCTC", "TTTH", "TCD"]


def words(text: str) -> list[str]:
    """The words of ``text``: long lists of names read better as one string."""
    return text.split()


PLACE_SYLLABLES = words(
    "An Bình Châu Đông Giang Hòa Hưng Khánh Long Lộc Minh Mỹ Nam Ninh Phong Phú Phước Quang"
    " Sơn Tân Thạnh Thành Thới Thuận Tiến Trung Vĩnh Xuân Yên Định Hiệp Lợi Thắng Hải"
)
#: Family names with their weight (share of the population, %).
FAMILY = (
    "Nguyễn:38 Trần:11 Lê:9.5 Phạm:7 Huỳnh:5 Hoàng:3 Phan:4.5 Vũ:3.9 Võ:3 Đặng:2.1 Bùi:2"
    " Đỗ:1.4 Hồ:1.3 Ngô:1.3 Dương:1 Lý:0.5 Trương:1 Đinh:0.8 Lâm:0.5 Mai:0.5"
)
MIDDLE_MALE = words("Văn Hữu Đức Minh Quốc Thanh Công Xuân Hoàng Ngọc")
MIDDLE_FEMALE = words("Thị Thị Thị Ngọc Thanh Thu Thùy Kim Mỹ Hồng")
GIVEN_MALE = words(
    "Anh Bình Cường Dũng Đạt Hải Hiếu Hùng Huy Khoa Long Minh Nam Phong Phúc Quang Sơn Tài"
    " Thắng Thành Trung Tuấn Việt Vinh"
)
GIVEN_FEMALE = words(
    "Anh Chi Dung Hà Hạnh Hằng Hoa Hương Lan Linh Loan Mai Nga Ngọc Nhung Oanh Phương Quyên"
    " Thảo Thủy Trang Trinh Vân Yến"
)

TOPICS = [
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "ứng phó với mưa lũ, sạt lở đất",
    "phòng, chống hạn hán, xâm nhập mặn",
    "chuyển đổi số và phát triển chính quyền số",
    "cải cách hành chính",
    "kiểm soát thủ tục hành chính",
    "giải ngân vốn đầu tư công",
    "lập dự toán ngân sách nhà nước",
    "quyết toán ngân sách nhà nước",
    "phòng, chống dịch sốt xuất huyết",
    "phòng, chống bệnh dịch tả lợn châu Phi",
    "an toàn vệ sinh thực phẩm",
    "tuyển dụng công chức, viên chức",
    "đào tạo, bồi dưỡng cán bộ, công chức",
    "sắp xếp tổ chức bộ máy",
    "công tác thi đua, khen thưởng",
    "bảo đảm trật tự, an toàn giao thông",
    "quản lý, sử dụng đất đai",
    "xây dựng nông thôn mới",
    "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "thực hành tiết kiệm, chống lãng phí",
    "tiếp công dân, giải quyết khiếu nại, tố cáo",
    "phòng, chống tham nhũng, tiêu cực",
    "bảo vệ môi trường",
    "phát triển kinh tế - xã hội",
    "bảo đảm an toàn thông tin mạng",
    "xóa nhà tạm, nhà dột nát",
    "chính sách đối với người có công với cách mạng",
    "tổ chức Tết Nguyên đán",
    "công tác văn thư, lưu trữ",
    "phổ biến, giáo dục pháp luật",
    "chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định",
    "cấp căn cước và định danh điện tử (Đề án 06)",
    "bảo hiểm xã hội, bảo hiểm y tế",
    "giảm nghèo bền vững",
    "tuyển sinh vào lớp 10",
    "quản lý giá và thị trường",
    "bình đẳng giới và vì sự tiến bộ của phụ nữ",
    "phát triển du lịch",
    "ứng dụng trí tuệ nhân tạo trong cơ quan nhà nước",
    "quản lý chất thải rắn sinh hoạt",
    "phòng, chống ma túy",
    "bảo vệ và phát triển rừng",
    "thu hút đầu tư",
]
STORMS = [
    "bão số 3",
    "bão số 5",
    "áp thấp nhiệt đới trên Biển Đông",
    "mưa lớn, lũ quét, sạt lở đất",
    "triều cường",
    "rét đậm, rét hại",
    "nắng nóng, nguy cơ cháy rừng",
]
LETTER_VERBS = [
    "triển khai thực hiện",
    "tăng cường",
    "đôn đốc thực hiện",
    "góp ý dự thảo Kế hoạch",
    "báo cáo tình hình thực hiện",
    "hướng dẫn",
    "rà soát, tổng hợp số liệu về",
    "cung cấp thông tin phục vụ",
    "đề nghị phối hợp thực hiện",
    "chấn chỉnh",
    "tổ chức kiểm tra",
]
PERIODS = ["quý I", "quý II", "6 tháng đầu năm", "9 tháng", "quý IV", "năm"]

#: Subject templates by type code; {t} topic, {y} year, {p} place, {s} storm, {v} a verb,
#: {q} a reporting period.
SUBJECTS: dict[str, list[str]] = {
    "cong-van": ["V/v {v} {t}", "Về việc {v} {t}", "V/v {v} {t} {p}", "Về việc {v} {t} năm {y}"],
    "quyet-dinh": [
        "Về việc phê duyệt Kế hoạch {t} năm {y}",
        "Ban hành Quy chế phối hợp {t}",
        "Về việc thành lập Ban Chỉ đạo {t}",
        "Về việc giao chỉ tiêu {t} năm {y}",
        "Về việc khen thưởng thành tích {t}",
        "Về việc phân bổ kinh phí {t} năm {y}",
    ],
    "ke-hoach": [
        "Triển khai {t} năm {y}",
        "Thực hiện {t} giai đoạn 2026 - 2030",
        "Tổ chức {t} {p}",
        "Kiểm tra công tác {t} năm {y}",
    ],
    "thong-bao": [
        "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về {t}",
        "Về việc {t}",
        "Ý kiến chỉ đạo về {t}",
    ],
    "bao-cao": ["Kết quả {t} {q} {y}", "Tình hình thực hiện {t} {q} {y}"],
    "giay-moi": ["Dự hội nghị {t}", "Dự họp về {t}", "Tham dự tập huấn {t}"],
    "to-trinh": ["Đề nghị phê duyệt {t}", "Về dự thảo Nghị quyết về {t}"],
    "chi-thi": ["Về tăng cường {t}", "Về {t} {p}"],
    "huong-dan": ["Thực hiện {t}", "Nghiệp vụ {t} năm {y}"],
    "nghi-quyet": ["Quy định về {t} {p}", "Về {t} năm {y}"],
    "cong-dien": ["Về việc chủ động ứng phó với {s}", "Về tập trung {t}"],
}

#: Document types received, by share (codes of ``egov.documents.reference``).
INCOMING_TYPES = [
    ("cong-van", 45),
    ("quyet-dinh", 12),
    ("thong-bao", 8),
    ("giay-moi", 8),
    ("ke-hoach", 7),
    ("bao-cao", 7),
    ("huong-dan", 3),
    ("to-trinh", 2),
    ("chi-thi", 1),
    ("nghi-quyet", 1),
    ("cong-dien", 1),
    ("chuong-trinh", 1),
    ("quy-che", 0.5),
    ("de-an", 0.5),
    ("phieu-chuyen", 0.5),
    ("bien-ban", 0.5),
    ("giay-gioi-thieu", 0.3),
]
OUTGOING_TYPES = [
    ("cong-van", 50),
    ("bao-cao", 12),
    ("ke-hoach", 9),
    ("quyet-dinh", 9),
    ("to-trinh", 7),
    ("giay-moi", 6),
    ("thong-bao", 5),
    ("huong-dan", 2),
]


# --- Small helpers -------------------------------------------------------------------------


class Weighted:
    """Draws from ``items`` with ``weights`` by bisection over the cumulated weights."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cumulated = list(itertools.accumulate(weights))
        self.total = self.cumulated[-1]

    def one(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cumulated, rng.random() * self.total)]

    def distinct(self, rng: random.Random, k: int) -> list[Any]:
        """``k`` different items (fewer if there are not so many), heavier ones likelier."""
        k = min(k, len(self.items))
        chosen: dict[int, Any] = {}
        tries = 0
        while len(chosen) < k and tries < 20 * k:
            item = self.one(rng)
            chosen.setdefault(id(item), item)
            tries += 1
        return list(chosen.values())


def pairs(text: str) -> list[tuple[str, float]]:
    return [(name, float(w)) for name, w in (item.split(":") for item in text.split())]


_FAMILIES = Weighted(*zip(*pairs(FAMILY), strict=True))


def person_name(rng: random.Random) -> str:
    family = _FAMILIES.one(rng)
    if rng.random() < 0.5:
        return f"{family} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    return f"{family} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"


def path_step(number: int) -> str:
    """One step of a treebeard materialised path (alphabet 0-9A-Z, four characters)."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = alphabet[rest] + digits
    return digits.rjust(4, "0")


@functools.lru_cache(maxsize=200_000)
def _folded(part: str) -> str:
    return fold(part)


def search_texts(parts: Iterable[str]) -> tuple[str, str]:
    """The two texts ``egov.documents.search`` indexes: the folded text and its words.
    Folding part by part gives the same text as folding the joined parts (every part is
    trimmed, and no part starts with a combining mark); parts repeat, so they are cached."""
    folded = (_folded(p) for p in parts if p)
    text = " ".join(p for p in folded if p)
    return text, " ".join(_WORD.findall(text[:2000]))


# --- The organisation ----------------------------------------------------------------------


@dataclass
class Agency:
    pk: int
    path: str
    name: str
    abbreviation: str
    province: str
    province_pk: int
    is_city: bool
    is_office: bool
    organ_code: str
    divisions: list[tuple[int, str, str]]  # (pk, abbreviation, name)
    weight: float = 1.0
    clerk: int = 0
    leader: int = 0
    deputy: int = 0
    specialist: int = 0
    registers: dict[str, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)  # account id: full name

    @property
    def issuer_name(self) -> str:
        """The name an agency signs with: the province added to a department's name."""
        if self.province in self.name:
            return self.name
        level = _level(self.is_city)
        return (
            f"{self.name} {self.province}"
            if self.name.endswith(level)
            else (f"{self.name} {level} {self.province}")
        )


@dataclass
class Organisation:
    agencies: list[Agency]
    by_province: dict[str, list[Agency]]
    busy: Agency
    province_leader: int
    built: bool


def _level(is_city: bool) -> str:
    return "thành phố" if is_city else "tỉnh"


def build_tree(agency_count: int, rng: random.Random) -> None:
    """Provinces, agencies and divisions with treebeard's paths computed here, one version
    each (valid since 2015)."""
    from egov.organisations.choices import UnitKind
    from egov.organisations.models import OrgUnit, OrgUnitVersion

    start = dt.date(2015, 1, 1)
    per_province = [agency_count // len(PROVINCES)] * len(PROVINCES)
    for i in range(agency_count - sum(per_province)):
        per_province[i] += 1
    units: list[OrgUnit] = []
    parents: list[int | None] = []

    def add(unit: OrgUnit, parent: int | None) -> int:
        unit.name_folded = fold(f"{unit.name} {unit.short_name} {unit.abbreviation}")
        unit.valid_from = start
        units.append(unit)
        parents.append(parent)
        return len(units) - 1

    for index, (province, is_city) in enumerate(PROVINCES, start=1):
        level = _level(is_city)
        root_path = path_step(index)
        count = per_province[index - 1]
        root = add(
            OrgUnit(
                path=root_path,
                depth=1,
                numchild=count,
                name=f"Ủy ban nhân dân {level} {province}",
                short_name=f"UBND {level} {province}",
                abbreviation="UBND",
                organ_code=f"000.00.00.H{index:02d}",
                kind=UnitKind.PROVINCE_COMMITTEE,
            ),
            None,
        )
        others = itertools.chain(
            OTHER_AGENCIES,
            ((f"TTYTKV{n}", f"Trung tâm Y tế khu vực {n}") for n in itertools.count(1)),
        )
        for number in range(1, count + 1):
            path = root_path + path_step(number)
            if number <= len(DEPARTMENTS):
                abbreviation, name, divisions = DEPARTMENTS[number - 1]
                name = f"{name} {level} {province}" if abbreviation == "VPUBND" else name
            else:
                abbreviation, name = next(others)
                divisions = []
            agency = add(
                OrgUnit(
                    path=path,
                    depth=2,
                    numchild=len(divisions),
                    name=name,
                    short_name=name,
                    abbreviation=abbreviation,
                    organ_code=f"000.{number // 100:02d}.{number % 100:02d}.H{index:02d}",
                    kind=UnitKind.AGENCY,
                ),
                root,
            )
            for step, (division_abbr, division_name) in enumerate(divisions, start=1):
                add(
                    OrgUnit(
                        path=path + path_step(step),
                        depth=3,
                        numchild=0,
                        name=division_name,
                        short_name=division_name,
                        abbreviation=division_abbr,
                        kind=UnitKind.DIVISION,
                    ),
                    agency,
                )
    OrgUnit.objects.bulk_create(units, batch_size=2000)
    OrgUnitVersion.objects.bulk_create(
        (
            OrgUnitVersion(
                unit=unit,
                parent=units[parent] if parent is not None else None,
                name=unit.name,
                short_name=unit.short_name,
                abbreviation=unit.abbreviation,
                organ_code=unit.organ_code,
                kind=unit.kind,
                valid_from=start,
            )
            for unit, parent in zip(units, parents, strict=True)
        ),
        batch_size=2000,
    )


def read_organisation(agency_count: int) -> tuple[list[Agency], Agency]:
    """The current agencies (at most ``agency_count``, in tree order) with their divisions;
    the busiest is the Office of the measured province (else the first agency)."""
    from egov.organisations.choices import UnitKind
    from egov.organisations.models import OrgUnit

    rows = list(
        OrgUnit.objects.current()
        .filter(kind__in=[UnitKind.AGENCY, UnitKind.DIVISION, UnitKind.PROVINCE_COMMITTEE])
        .order_by("path")
        .values("pk", "path", "name", "abbreviation", "organ_code", "kind", "depth", "short_name")
    )
    roots = {row["path"][:4]: row for row in rows if row["depth"] == 1}
    agencies: list[Agency] = []
    by_path: dict[str, Agency] = {}
    for row in rows:
        if row["kind"] == UnitKind.AGENCY and len(agencies) < agency_count:
            root = roots.get(row["path"][:4])
            root_name = root["name"] if root else row["name"]
            is_city = "thành phố" in root_name
            province = root_name.split(" tỉnh ", 1)[-1].split(" thành phố ", 1)[-1]
            abbreviation = row["abbreviation"] or "".join(
                word[0] for word in row["name"].split() if word[0].isupper()
            )
            agency = Agency(
                pk=row["pk"],
                path=row["path"],
                name=row["name"],
                abbreviation=abbreviation.replace(" ", "").upper()[:20] or "CQ",
                province=province,
                province_pk=root["pk"] if root else row["pk"],
                is_city=is_city,
                is_office=row["name"].startswith("Văn phòng Ủy ban nhân dân"),
                organ_code=row["organ_code"],
                divisions=[],
            )
            agencies.append(agency)
            by_path[row["path"]] = agency
        elif row["kind"] == UnitKind.DIVISION and row["abbreviation"]:
            parent = by_path.get(row["path"][:-4])
            if parent is not None:
                parent.divisions.append((row["pk"], row["abbreviation"], row["name"]))
    if not agencies:
        raise SystemExit("no agency to give documents to: create the organisation first")
    busy = next(
        (a for a in agencies if a.is_office and a.province == MEASURED_PROVINCE), agencies[0]
    )
    for agency in agencies:
        agency.weight = 6.0 if agency.is_office else 2.5 if agency.divisions else 1.0
    rest = sum(a.weight for a in agencies if a is not busy)
    busy.weight = rest * BUSY_SHARE / (1 - BUSY_SHARE)
    return agencies, busy


def create_users(agencies: list[Agency], busy: Agency, rng: random.Random) -> int:
    """A clerk, a leader, a deputy and a specialist per agency (roles from 2024, clearances
    for secret documents), and the measured province's leader. Returns that leader's id."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from egov.documents.models import Clearance
    from egov.organisations.choices import Role
    from egov.organisations.models import RoleAssignment

    user_model = get_user_model()
    unusable = make_password(None)  # accounts to measure with, not to log in with
    since = dt.date(2024, 1, 1)
    posts = [("clerk", "vt"), ("leader", "ld"), ("deputy", "pld"), ("specialist", "cv")]
    named = {
        ("clerk", busy.pk): "vanthu.vp",
        ("leader", busy.pk): "lanhdao.vp",
        ("deputy", busy.pk): "pholanhdao.vp",
        ("specialist", busy.pk): "chuyenvien.vp",
    }
    wanted: dict[str, tuple[Agency | None, str]] = {}
    for agency in agencies:
        for post, short in posts:
            username = named.get((post, agency.pk), f"seed.{short}.{agency.pk}")
            wanted[username] = (agency, post)
    wanted["lanhdao.tinh"] = (None, "province")
    existing = set(
        user_model.objects.filter(username__in=wanted).values_list("username", flat=True)
    )
    user_model.objects.bulk_create(
        [
            user_model(username=username, full_name=person_name(rng), password=unusable)
            for username in wanted
            if username not in existing
        ],
        batch_size=2000,
    )
    accounts = {
        username: (pk, full_name)
        for username, pk, full_name in user_model.objects.filter(username__in=wanted).values_list(
            "username", "pk", "full_name"
        )
    }
    ids = {username: pk for username, (pk, _) in accounts.items()}
    roles: list[RoleAssignment] = []
    clearances: list[Clearance] = []
    province_pk = busy.province_pk
    for username, (holder, post) in wanted.items():
        pk = ids[username]
        if holder is None:
            if username not in existing:
                roles.append(
                    RoleAssignment(
                        user_id=pk,
                        role=Role.LEADER,
                        unit_id=province_pk,
                        covers_subtree=True,
                        valid_from=since,
                    )
                )
            continue
        setattr(holder, post, pk)
        holder.names[pk] = accounts[username][1]
        if username in existing or post == "specialist":
            continue
        role = Role.CLERK if post == "clerk" else Role.LEADER
        roles.append(
            RoleAssignment(
                user_id=pk,
                role=role,
                unit_id=holder.pk,
                covers_subtree=role == Role.LEADER,
                valid_from=since,
            )
        )
        clearances.append(
            Clearance(user_id=pk, unit_id=holder.pk, level=3 if holder is busy else 2)
        )
    RoleAssignment.objects.bulk_create(roles, batch_size=5000)
    Clearance.objects.bulk_create(clearances, batch_size=5000, ignore_conflicts=True)
    return ids["lanhdao.tinh"]


def open_registers(agencies: list[Agency], types: dict[str, Any]) -> None:
    """The registers each agency numbers into, reused when open already."""
    from egov.documents.choices import Direction, RegisterKind
    from egov.documents.models import Register

    wanted = [
        ("in", Direction.INCOMING, RegisterKind.GENERAL, None, "Sổ đăng ký văn bản đến"),
        ("in_secret", Direction.INCOMING, RegisterKind.SECRET, None, "Sổ văn bản đến mật"),
        ("out", Direction.OUTGOING, RegisterKind.GENERAL, None, "Sổ đăng ký văn bản đi"),
        ("out_secret", Direction.OUTGOING, RegisterKind.SECRET, None, "Sổ văn bản đi mật"),
        (
            "out_legal",
            Direction.OUTGOING,
            RegisterKind.LEGAL,
            types["quyet-dinh"].pk,
            "Sổ Quyết định quy phạm pháp luật",
        ),
    ]
    found = {
        (r.unit_id, r.direction, r.kind, r.document_type_id): r.pk
        for r in Register.objects.filter(unit_id__in=[a.pk for a in agencies], active=True)
    }
    missing = [
        Register(
            unit_id=agency.pk,
            direction=direction,
            kind=kind,
            document_type_id=type_id,
            name=f"{name} — {agency.name}"[:200],
        )
        for agency in agencies
        for _key, direction, kind, type_id, name in wanted
        if (agency.pk, direction, kind, type_id) not in found
    ]
    for register in Register.objects.bulk_create(missing, batch_size=5000):
        found[(register.unit_id, register.direction, register.kind, register.document_type_id)] = (
            register.pk
        )
    for agency in agencies:
        for key, direction, kind, type_id, _name in wanted:
            agency.registers[key] = found[(agency.pk, direction, kind, type_id)]


# --- Writing -------------------------------------------------------------------------------


class Table:
    """COPY rows into one model's table. Rows give ``columns`` in order; every other column
    gets its field's default. With ``searchable``, rows end with the folded text and its
    words, and go through a staging table whose INSERT computes ``search_vector`` as
    ``egov.documents.search`` does."""

    def __init__(self, model: type[models.Model], columns: list[str], *, searchable: bool = False):
        self.model = model
        self.table = model._meta.db_table
        self.searchable = searchable
        fields = [f for f in model._meta.concrete_fields if f.column != "search_vector"]
        known = {f.column for f in fields}
        unknown = set(columns) - known
        if unknown:
            raise ValueError(f"{self.table} has no column {sorted(unknown)}")
        defaults = [f for f in fields if f.column not in columns]
        self.columns = [*columns, *(f.column for f in defaults)]
        self.extra = tuple(f.get_db_prep_save(f.get_default(), connection) for f in defaults)
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0
        self.next_id = 0

    def reserve_ids(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{self.table}"')  # noqa: S608
            self.next_id = int(cursor.fetchone()[0]) + 1

    def new_id(self) -> int:
        value = self.next_id
        self.next_id += 1
        return value

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)

    def flush(self) -> None:
        if not self.rows:
            return
        quoted = ", ".join(f'"{c}"' for c in self.columns)
        with transaction.atomic(), connection.connection.cursor() as cursor:
            if self.searchable:
                stage = f"seed_stage_{self.table}"
                cursor.execute(
                    f'CREATE TEMP TABLE IF NOT EXISTS "{stage}" (LIKE "{self.table}")'
                    f" ON COMMIT DELETE ROWS"
                )
                cursor.execute(
                    f'ALTER TABLE "{stage}" ADD COLUMN IF NOT EXISTS seed_text text,'
                    " ADD COLUMN IF NOT EXISTS seed_words text"
                )
                with cursor.copy(
                    f'COPY "{stage}" ({quoted}, seed_text, seed_words) FROM STDIN'
                ) as copy:
                    for row in self.rows:
                        copy.write_row(row[:-2] + self.extra + row[-2:])
                cursor.execute(
                    f'INSERT INTO "{self.table}" ({quoted}, search_vector) SELECT {quoted},'  # noqa: S608
                    " to_tsvector('simple'::regconfig, COALESCE(seed_text, ''))"
                    " || to_tsvector('simple'::regconfig, COALESCE(seed_words, ''))"
                    f' FROM "{stage}"'
                )
                cursor.execute(f'TRUNCATE "{stage}"')
            else:
                with cursor.copy(f'COPY "{self.table}" ({quoted}) FROM STDIN') as copy:
                    for row in self.rows:
                        copy.write_row(row + self.extra)
        self.count += len(self.rows)
        self.rows = []

    def finish(self) -> None:
        self.flush()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{self.table}\"', 'id'),"  # noqa: S608
                f' (SELECT COALESCE(MAX(id), 1) FROM "{self.table}"))'
            )


# --- Generation ----------------------------------------------------------------------------


@dataclass
class Source:
    """A document as its issuer sent it, received by one or more agencies."""

    type_code: str
    number: str
    notation: str
    issued: dt.date
    subject: str
    issuer_name: str
    issuer_code: str
    signer_name: str
    signer_position: str
    urgency: int
    secrecy: int
    recipients: list[Agency]
    text: str = ""
    words: str = ""


@dataclass
class Counts:
    incoming: int = 0
    outgoing: int = 0
    assignments: int = 0
    review_steps: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class Generator:
    """Everything drawn from one random generator, in order of time."""

    def __init__(
        self,
        organisation: Organisation,
        types: dict[str, Any],
        rng: random.Random,
        now: dt.datetime,
        log: Callable[[str], None],
    ) -> None:
        self.org = organisation
        self.types = types
        self.rng = rng
        self.now = now
        self.log = log
        self.today = now.astimezone(BUSINESS_TZ).date()
        self.start = dt.date(self.today.year - 2, 1, 1)
        self.calendar = [
            self.start + dt.timedelta(days=n) for n in range((self.today - self.start).days + 1)
        ]
        self.days = [day for day in self.calendar if day.weekday() < 5]
        self.agencies = Weighted(organisation.agencies, [a.weight for a in organisation.agencies])
        self.by_province = {
            name: Weighted(group, [a.weight for a in group])
            for name, group in organisation.by_province.items()
        }
        provinces = list(organisation.by_province)
        self.provinces = Weighted(
            provinces, [sum(a.weight for a in organisation.by_province[p]) for p in provinces]
        )
        self.province_codes = {
            name: f"000.00.00.H{index:02d}" for index, (name, _) in enumerate(PROVINCES, start=1)
        }
        self.incoming_types = Weighted(*zip(*INCOMING_TYPES, strict=True))
        self.outgoing_types = Weighted(*zip(*OUTGOING_TYPES, strict=True))
        #: Last number given, per (issuer, year) and per (register, year).
        self.issuer_numbers: dict[tuple[str, int], int] = defaultdict(int)
        self.register_numbers: dict[tuple[int, int], int] = defaultdict(int)
        self.issuer_signers: dict[str, tuple[str, str]] = {}
        self.counts = Counts()
        self.planted = False

    # - numbering -

    def load_counters(self) -> None:
        from egov.documents.models import RegisterCounter

        for register_id, year, last in RegisterCounter.objects.values_list(
            "register_id", "year", "last_number"
        ):
            self.register_numbers[(register_id, year)] = last

    def save_counters(self) -> None:
        rows = [(r, y, n) for (r, y), n in self.register_numbers.items()]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO documents_registercounter (register_id, year, last_number)"
                " VALUES (%s, %s, %s) ON CONFLICT (register_id, year)"
                " DO UPDATE SET last_number = EXCLUDED.last_number",
                rows,
            )

    def next_register_number(self, register: int, year: int) -> int:
        self.register_numbers[(register, year)] += 1
        return self.register_numbers[(register, year)]

    # - shared draws -

    def subject(self, type_code: str, year: int, province: str, is_city: bool) -> str:
        rng = self.rng
        templates = SUBJECTS.get(type_code) or ["Về {t}"]
        return rng.choice(templates).format(
            t=rng.choice(TOPICS),
            y=year,
            p=f"trên địa bàn {_level(is_city)} {province}",
            s=rng.choice(STORMS),
            v=rng.choice(LETTER_VERBS),
            q=rng.choice(PERIODS),
        )

    def signer(self, issuer: str, posts: tuple[str, str]) -> tuple[str, str]:
        """One of the issuer's two signers (the same two people throughout)."""
        if issuer not in self.issuer_signers:
            self.issuer_signers[issuer] = (person_name(self.rng), person_name(self.rng))
        head, deputy = self.issuer_signers[issuer]
        return (head, posts[0]) if self.rng.random() < 0.3 else (deputy, posts[1])

    def urgency(self) -> int:
        roll = self.rng.random()
        return 0 if roll < 0.85 else 1 if roll < 0.95 else 2 if roll < 0.99 else 3

    def secrecy(self, chance: float) -> int:
        """Mật, Tối mật, Tuyệt mật with ``chance`` in all (80/15/5), else 0."""
        roll = self.rng.random()
        if roll >= chance:
            return 0
        return 1 if roll < chance * 0.8 else 2 if roll < chance * 0.95 else 3

    def at_work(self, day: dt.date) -> dt.datetime:
        """A moment of office hours (7:30 to 16:30) on ``day``, never after now."""
        opening = dt.datetime.combine(day, dt.time(7, 30), tzinfo=BUSINESS_TZ)
        moment = opening + dt.timedelta(seconds=self.rng.randrange(9 * 3600))
        if moment >= self.now:
            midnight = dt.datetime.combine(day, dt.time(), tzinfo=BUSINESS_TZ)
            moment = midnight + (self.now - midnight) * self.rng.random()
        return moment

    # - incoming -

    def audience_size(self) -> int:
        roll = self.rng.random()
        if roll < 0.55:
            return 1
        if roll < 0.80:
            return self.rng.randint(2, 5)
        if roll < 0.95:
            return self.rng.randint(6, 20)
        return self.rng.randint(21, 60)

    def source(self, day: dt.date, k: int) -> Source:
        """A document issued on ``day`` and (up to) ``k`` agencies it goes to."""
        rng = self.rng
        type_code = self.incoming_types.one(rng)
        legal = False
        roll = rng.random()
        if roll < 0.30:  # the People's Committee or Council of a province, to its agencies
            province = self.provinces.one(rng)
            is_city = self.org.by_province[province][0].is_city
            level = _level(is_city)
            if rng.random() < 0.05:
                issuer, abbreviation, code = f"Hội đồng nhân dân {level} {province}", "HĐND", ""
                type_code = "nghi-quyet" if rng.random() < 0.7 else "thong-bao"
                legal = type_code == "nghi-quyet" and rng.random() < 0.5
            else:
                issuer, abbreviation = f"Ủy ban nhân dân {level} {province}", "UBND"
                code = self.province_codes.get(province, "")
                type_code = "quyet-dinh" if type_code == "nghi-quyet" else type_code
                legal = type_code == "quyet-dinh" and rng.random() < 0.15
            posts = ("Chủ tịch", "Phó Chủ tịch")
            drafters = UBND_DRAFTERS
            recipients = self.by_province[province].distinct(rng, k)
        elif roll < 0.60:  # an agency of a province, to others of the province
            province = self.provinces.one(rng)
            sender = rng.choice(self.org.by_province[province])
            is_city = sender.is_city
            issuer, abbreviation, code = sender.issuer_name, sender.abbreviation, sender.organ_code
            posts = (
                ("Chánh Văn phòng", "Phó Chánh Văn phòng")
                if sender.is_office
                else ("Giám đốc", "Phó Giám đốc")
            )
            drafters = [abbr for _, abbr, _ in sender.divisions] or ["VP"]
            others = self.by_province[province].distinct(rng, k + 1)
            recipients = [a for a in others if a is not sender][:k]
            if type_code in ("nghi-quyet", "chi-thi", "cong-dien"):
                type_code = "cong-van"
        elif roll < 0.90:  # a ministry or the Government, to agencies of every province
            index = rng.randrange(len(CENTRAL))
            abbreviation, issuer, posts = CENTRAL[index]
            code = f"000.00.00.G{index + 1:02d}"
            drafters = CENTRAL_DRAFTERS
            province, is_city = "", False
            recipients = self.agencies.distinct(rng, k)
            legal = type_code in ("quyet-dinh", "nghi-quyet") and rng.random() < 0.2
        else:  # a commune, to one to three agencies of its province
            province = self.provinces.one(rng)
            is_city = self.org.by_province[province][0].is_city
            place = f"{rng.choice(PLACE_SYLLABLES)} {rng.choice(PLACE_SYLLABLES)}"
            issuer = f"Ủy ban nhân dân {'phường' if rng.random() < 0.2 else 'xã'} {place}"
            abbreviation, code, posts = "UBND", "", ("Chủ tịch", "Phó Chủ tịch")
            drafters = []
            recipients = self.by_province[province].distinct(rng, min(k, 3))
            if type_code in ("nghi-quyet", "chi-thi", "cong-dien", "huong-dan"):
                type_code = "cong-van"
        doc_type = self.types[type_code]
        year = day.year
        # Most of what an issuer numbers goes outside this platform: numbers leap.
        self.issuer_numbers[(issuer, year)] += rng.randint(1, 12)
        number = str(self.issuer_numbers[(issuer, year)])
        if doc_type.is_letter:
            suffix = rng.choice(drafters) if drafters and rng.random() < 0.8 else ""
            notation = (f"{abbreviation}-{suffix}" if suffix else abbreviation).upper()
        else:
            notation = f"{doc_type.abbreviation}-{abbreviation}"
        if legal:
            notation = f"{year}/{notation}"
        if (
            not self.planted
            and abbreviation == "UBND"
            and province == MEASURED_PROVINCE
            and code
            and year == self.today.year
            and doc_type.is_letter
        ):
            number, notation, self.planted = PLANTED_NUMBER, PLANTED_NOTATION, True
            recipients = [self.org.busy] + [
                a for a in self.by_province[province].distinct(rng, 15) if a is not self.org.busy
            ]
            recipients = recipients[: max(k, 2)]
        signer_name, signer_position = self.signer(issuer, posts)
        source = Source(
            type_code=type_code,
            number=number,
            notation=notation.replace(" ", "")[:30],
            issued=day,
            subject=self.subject(type_code, year, province or "cả nước", is_city)[:500],
            issuer_name=issuer[:200],
            issuer_code=code,
            signer_name=signer_name,
            signer_position=signer_position,
            urgency=self.urgency(),
            # Secret documents travel on paper to one or two named recipients.
            secrecy=self.secrecy(0.08) if len(recipients) <= 2 else 0,
            recipients=recipients,
        )
        source.text, source.words = search_texts(
            [
                source.subject,
                source.number,
                source.notation,
                source.signer_name,
                source.signer_position,
                doc_type.name,
                source.issuer_name,
            ]
        )
        return source

    def incoming(self, total: int, documents: Table, assignments: Table) -> None:
        """``total`` deliveries, registered in order of arrival, with their handling."""
        rng = self.rng
        days = len(self.days)
        # Cumulative target of deliveries by the end of each working day.
        targets = iter(round(total * (n + 1) / days) for n in range(days))
        pending: dict[dt.date, list[tuple[dt.datetime, Source, Agency]]] = defaultdict(list)
        generated = produced = 0
        for day in self.calendar:
            if day.weekday() < 5:
                target = next(targets)
                while generated < target:
                    source = self.source(day, min(self.audience_size(), total - generated))
                    source.recipients = source.recipients[: total - generated]
                    for agency in source.recipients:
                        roll = rng.random()
                        lag = 0 if roll < 0.5 else 1 if roll < 0.85 else 2
                        arrival_day = min(day + dt.timedelta(days=lag), self.today)
                        pending[arrival_day].append((self.at_work(arrival_day), source, agency))
                    generated += len(source.recipients)
            for arrived, source, agency in sorted(pending.pop(day, []), key=lambda x: x[0]):
                self.deliver(arrived, source, agency, documents, assignments)
                produced += 1
            if len(documents.rows) >= BATCH:
                documents.flush()
                assignments.flush()
                self.log(f"  incoming {documents.count:,} ({day})")
        documents.flush()
        assignments.flush()
        if produced != total or pending:
            raise RuntimeError(f"generated {produced} incoming documents, not {total}")

    def deliver(
        self,
        arrived: dt.datetime,
        source: Source,
        agency: Agency,
        documents: Table,
        assignments: Table,
    ) -> None:
        rng = self.rng
        local = arrived.astimezone(BUSINESS_TZ)
        year = local.year
        register = agency.registers["in_secret" if source.secrecy else "in"]
        age = (self.now - arrived).total_seconds() / 86400
        status = self.incoming_status(age)
        due = local.date() + dt.timedelta(days=rng.randint(3, 15)) if rng.random() < 0.6 else None
        done_at = None
        if status in ("done", "filed"):
            done_at = min(arrived + dt.timedelta(hours=rng.randint(4, 24 * 20)), self.now)
        channel = rng.choices(("exchange", "electronic", "paper", "mail"), (70, 15, 10, 5))[0]
        pk = documents.new_id()
        documents.add(
            (
                pk, self.types[source.type_code].pk, source.number, source.notation,
                source.issued, source.subject, source.signer_position, source.signer_name,
                source.urgency, source.secrecy, rng.randint(1, 12), due, agency.clerk or None,
                arrived, done_at or arrived, agency.pk, register, year,
                self.next_register_number(register, year), arrived,
                "paper" if source.secrecy else channel, source.issuer_name, source.issuer_code,
                status, done_at, source.text, source.words,
            )
        )  # fmt: skip
        self.counts.incoming += 1
        self.counts.by_status[f"incoming_{status}"] += 1
        self.chain(pk, arrived, status, due, done_at, source, agency, assignments)

    def incoming_status(self, age: float) -> str:
        """Recent documents are still being handled; old ones mostly done."""
        roll = self.rng.random()
        if age < 3:
            table = [("registered", 0.35), ("presented", 0.6), ("assigned", 0.85)]
            default = "in_progress"
        elif age < 30:
            table = [
                ("registered", 0.04),
                ("presented", 0.10),
                ("assigned", 0.25),
                ("in_progress", 0.50),
                ("done", 0.93),
            ]
            default = "filed"
        else:
            table = [
                ("registered", 0.002),
                ("presented", 0.006),
                ("assigned", 0.014),
                ("in_progress", 0.035),
                ("recalled", 0.04),
                ("done", 0.90),
            ]
            default = "filed"
        return next((status for status, bound in table if roll < bound), default)

    def chain(
        self,
        document: int,
        arrived: dt.datetime,
        status: str,
        due: dt.date | None,
        done_at: dt.datetime | None,
        source: Source,
        agency: Agency,
        assignments: Table,
    ) -> None:
        """The handling chain: presented to the leader, then given to a division or to the
        deputy (in person for secret documents), sometimes with a supporting division."""
        if status == "registered":
            return
        rng = self.rng
        urgency = source.urgency
        presented_at = min(arrived + dt.timedelta(minutes=rng.randint(10, 240)), self.now)
        present = assignments.new_id()
        if status == "presented":
            assignments.add(
                (present, document, None, "present", None, agency.leader, agency.clerk, due,
                 "pending", presented_at, None, urgency)
            )  # fmt: skip
            self.counts.assignments += 1
            return
        forwarded_at = min(presented_at + dt.timedelta(hours=rng.randint(1, 30)), self.now)
        closing = "cancelled" if status == "recalled" else "forwarded"
        assignments.add(
            (present, document, None, "present", None, agency.leader, agency.clerk, due,
             closing, presented_at, forwarded_at, urgency)
        )  # fmt: skip
        self.counts.assignments += 1
        if status == "recalled":
            return
        lead_status = {"assigned": "pending", "in_progress": "in_progress"}.get(status, "done")
        closed = done_at if lead_status == "done" else None
        if agency.divisions and not source.secrecy and rng.random() < 0.6:
            unit, user = rng.choice(agency.divisions)[0], None
        else:
            unit, user = None, agency.deputy
        assignments.add(
            (assignments.new_id(), document, present, "lead", unit, user, agency.leader, due,
             lead_status, forwarded_at, closed, urgency)
        )  # fmt: skip
        self.counts.assignments += 1
        if agency.divisions and not source.secrecy and rng.random() < 0.25:
            assignments.add(
                (assignments.new_id(), document, present, "support",
                 rng.choice(agency.divisions)[0], None, agency.leader, due, lead_status,
                 forwarded_at, closed, urgency)
            )  # fmt: skip
            self.counts.assignments += 1

    # - outgoing -

    def outgoing_status(self, age: float) -> str:
        roll = self.rng.random()
        if age < 5:
            table = [("draft", 0.25), ("in_review", 0.5), ("returned", 0.55), ("approved", 0.65)]
        else:
            table = [
                ("draft", 0.02),
                ("in_review", 0.03),
                ("returned", 0.035),
                ("approved", 0.04),
                ("recalled", 0.05),
                ("cancelled", 0.065),
            ]
        return next((status for status, bound in table if roll < bound), "issued")

    def outgoing(self, total: int, documents: Table, steps: Table) -> None:
        """``total`` outgoing documents; issued ones numbered in order of issue."""
        rng = self.rng
        by_day: dict[dt.date, list[tuple[dt.datetime, Agency, dt.datetime, str]]] = defaultdict(
            list
        )
        for day in sorted(rng.choice(self.days) for _ in range(total)):
            agency = self.agencies.one(rng)
            created = self.at_work(day)
            status = self.outgoing_status((self.now - created).total_seconds() / 86400)
            moment = created
            if status in ("issued", "recalled"):
                moment = min(created + dt.timedelta(hours=rng.randint(2, 96)), self.now)
            by_day[moment.astimezone(BUSINESS_TZ).date()].append((moment, agency, created, status))
        for day in sorted(by_day):
            for moment, agency, created, status in sorted(by_day[day], key=lambda x: x[0]):
                self.draft(moment, agency, created, status, documents, steps)
            if len(documents.rows) >= BATCH:
                documents.flush()
                steps.flush()
                self.log(f"  outgoing {documents.count:,} ({day})")
        documents.flush()
        steps.flush()

    def draft(
        self,
        moment: dt.datetime,
        agency: Agency,
        created: dt.datetime,
        status: str,
        documents: Table,
        steps: Table,
    ) -> None:
        """One outgoing document; numbered and given its notation if issued, as
        ``actions.issuing.issue`` does."""
        rng = self.rng
        type_code = self.outgoing_types.one(rng)
        doc_type = self.types[type_code]
        secrecy = self.secrecy(0.01)
        legal = type_code == "quyet-dinh" and agency.is_office and rng.random() < 0.1
        division = rng.choice(agency.divisions) if agency.divisions else (0, "", "")
        in_division = bool(division[0]) and rng.random() < 0.8
        drafting, drafting_name = (
            (division[0], division[2]) if in_division else (agency.pk, agency.name)
        )
        subject = self.subject(type_code, created.year, agency.province, agency.is_city)[:500]
        signer = agency.leader if rng.random() < 0.6 else agency.deputy
        post = "Chánh Văn phòng" if agency.is_office else "Giám đốc"
        signer_position = post if signer == agency.leader else f"Phó {post[0].lower()}{post[1:]}"
        issued = status in ("issued", "recalled")
        register = year = number = issued_at = issued_date = None
        code_number = code_notation = signer_name = ""
        if issued:
            issued_at = moment
            local = moment.astimezone(BUSINESS_TZ)
            year, issued_date = local.year, local.date()
            kind = "out_secret" if secrecy else "out_legal" if legal else "out"
            register = agency.registers[kind]
            number = self.next_register_number(register, year)
            code_number = f"{number:02d}"
            if doc_type.is_letter:
                notation = (
                    f"{agency.abbreviation}-{division[1]}" if in_division else (agency.abbreviation)
                )
                code_notation = notation.upper().replace(" ", "")
            else:
                code_notation = f"{doc_type.abbreviation}-{agency.abbreviation}".replace(" ", "")
            if legal:
                code_notation = f"{year}/{code_notation}"
            code_notation = code_notation[:30]
            signer_name = agency.names.get(signer, "")[:50]
        text, words = search_texts(
            [
                subject,
                code_number,
                code_notation,
                signer_name,
                signer_position,
                doc_type.name,
                agency.name,
                drafting_name,
            ]
        )
        pk = documents.new_id()
        electronic = doc_type.delivery_rule != "paper_only" and not secrecy
        on_paper = doc_type.delivery_rule != "electronic_only" or bool(secrecy)
        documents.add(
            (
                pk, doc_type.pk, code_number, code_notation, issued_date, subject,
                signer_position, signer_name, self.urgency(), secrecy, rng.randint(1, 8), None,
                agency.specialist, created, moment, agency.pk, drafting, legal,
                agency.specialist, signer, status, register, year, number, issued_at,
                agency.clerk if issued else None, electronic, on_paper, text, words,
            )
        )  # fmt: skip
        self.counts.outgoing += 1
        self.counts.by_status[f"outgoing_{status}"] += 1
        decision = {
            "in_review": "pending",
            "returned": "returned",
            "approved": "approved",
            "issued": "approved",
            "recalled": "approved",
        }.get(status)
        if decision is not None:
            decided = (
                None if decision == "pending" else min(created + dt.timedelta(hours=2), moment)
            )
            steps.add((steps.new_id(), pk, 1, 1, signer, True, decision, decided))
            self.counts.review_steps += 1


# --- The whole ----------------------------------------------------------------------------


def _fast_load(tables: list[str]) -> list[str]:
    """Prepare the current transaction for a bulk load into ``tables``: drop their indexes
    that back no constraint (returned as the statements that create them again, to run
    after the load: one sorted build is much faster than millions of insertions, the GIN
    index above all) and, when allowed (superuser), skip the foreign-key triggers: the rows
    are consistent by construction."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
        if row and row[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = 'public'"
            " AND tablename = ANY(%s) AND NOT EXISTS"
            " (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            [tables],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in indexes]


@dataclass
class SeedResult:
    """What was written and who the benchmark measures."""

    counts: Counts
    busy_agency: int
    busy_clerk: int
    busy_leader: int
    province: int
    province_leader: int
    seconds: float
    units_built: bool


def seed(
    documents: int = DEFAULT_DOCUMENTS,
    *,
    agencies: int = DEFAULT_AGENCIES,
    seed_value: int = DEFAULT_SEED,
    log: Callable[[str], None] = lambda message: None,
) -> SeedResult:
    """Write ``documents`` generated documents (see the module's docstring)."""
    from egov.documents.models import (
        Assignment,
        DocumentType,
        IncomingDocument,
        OutgoingDocument,
        ReviewStep,
    )
    from egov.organisations.models import OrgUnit

    started = time.perf_counter()
    rng = random.Random(seed_value)  # noqa: S311 - benchmark data, not security
    built = not OrgUnit.objects.exists()
    if built:
        build_tree(agencies, rng)
        log(f"organisation: {OrgUnit.objects.count():,} units")
    found, busy = read_organisation(agencies)
    by_province: dict[str, list[Agency]] = defaultdict(list)
    for agency in found:
        by_province[agency.province].append(agency)
    province_leader = create_users(found, busy, rng)
    types = {t.code: t for t in DocumentType.objects.all()}
    missing_types = {code for code, _ in INCOMING_TYPES + OUTGOING_TYPES} - set(types)
    if missing_types:
        raise SystemExit(f"document types missing (migration 0002?): {sorted(missing_types)}")
    open_registers(found, types)
    organisation = Organisation(found, dict(by_province), busy, province_leader, built)
    log(f"{len(found):,} agencies, users and registers in {time.perf_counter() - started:.1f} s")

    generator = Generator(organisation, types, rng, timezone.now(), log)
    generator.load_counters()
    incoming_total = round(documents * INCOMING_SHARE)
    incoming_table = Table(
        IncomingDocument,
        [
            "id", "document_type_id", "code_number", "code_notation", "issued_date", "subject",
            "signer_position", "signer_name", "urgency", "secrecy", "page_amount", "due_date",
            "created_by_id", "created_at", "updated_at", "unit_id", "register_id", "year",
            "arrival_number", "arrived_at", "channel", "issuer_name", "issuer_code", "status",
            "done_at",
        ],
        searchable=True,
    )  # fmt: skip
    assignment_table = Table(
        Assignment,
        [
            "id", "document_id", "parent_id", "role", "assignee_unit_id", "assignee_user_id",
            "assigned_by_id", "due_date", "status", "created_at", "closed_at", "urgency",
        ],
    )  # fmt: skip
    outgoing_table = Table(
        OutgoingDocument,
        [
            "id", "document_type_id", "code_number", "code_notation", "issued_date", "subject",
            "signer_position", "signer_name", "urgency", "secrecy", "page_amount", "due_date",
            "created_by_id", "created_at", "updated_at", "unit_id", "drafting_unit_id",
            "is_legal", "drafter_id", "signer_id", "status", "register_id", "year", "number",
            "issued_at", "issued_by_id", "electronic", "on_paper",
        ],
        searchable=True,
    )  # fmt: skip
    step_table = Table(
        ReviewStep,
        ["id", "document_id", "round", "order", "reviewer_id", "is_signer", "decision",
         "decided_at"],
    )  # fmt: skip
    tables = (incoming_table, assignment_table, outgoing_table, step_table)
    # One transaction: if anything fails, nothing is left half-written and the indexes
    # dropped for the load come back with the rollback.
    with transaction.atomic():
        deferred = _fast_load([table.table for table in tables])
        for table in tables:
            table.reserve_ids()
        generator.incoming(incoming_total, incoming_table, assignment_table)
        log(f"incoming: {incoming_table.count:,} in {time.perf_counter() - started:.1f} s")
        generator.outgoing(documents - incoming_total, outgoing_table, step_table)
        log(f"outgoing: {outgoing_table.count:,} in {time.perf_counter() - started:.1f} s")
        for table in tables:
            table.finish()
        with connection.cursor() as cursor:
            for definition in deferred:
                cursor.execute(definition)
        log(f"{len(deferred)} indexes rebuilt in {time.perf_counter() - started:.1f} s")
    generator.save_counters()
    with connection.cursor() as cursor:
        for model in (IncomingDocument, OutgoingDocument, Assignment, ReviewStep):
            cursor.execute(f'VACUUM (ANALYZE) "{model._meta.db_table}"')
        cursor.execute("ANALYZE")
    log(f"vacuumed and analysed in {time.perf_counter() - started:.1f} s")
    return SeedResult(
        counts=generator.counts,
        busy_agency=busy.pk,
        busy_clerk=busy.clerk,
        busy_leader=busy.leader,
        province=busy.province_pk,
        province_leader=province_leader,
        seconds=time.perf_counter() - started,
        units_built=built,
    )


class Command(BaseCommand):
    help = (
        "Generate N e-office documents for benchmarks (direct COPY, no actions, no audit). "
        "Never on a database holding real documents."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=DEFAULT_DOCUMENTS,
            help=f"number of documents, incoming and outgoing (default {DEFAULT_DOCUMENTS:,})",
        )
        parser.add_argument(
            "--agencies",
            type=int,
            default=DEFAULT_AGENCIES,
            help=f"agencies to build when the database has no units (default {DEFAULT_AGENCIES:,})",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["scale"] < 1:
            raise SystemExit("--scale must be at least 1")
        result = seed(
            options["scale"],
            agencies=options["agencies"],
            seed_value=options["seed"],
            log=lambda message: self.stderr.write(message),
        )
        counts = result.counts
        self.stdout.write(
            f"{counts.incoming:,} incoming, {counts.outgoing:,} outgoing, "
            f"{counts.assignments:,} assignments, {counts.review_steps:,} review steps "
            f"in {result.seconds:.0f} s. Busy clerk: vanthu.vp, busy leader: lanhdao.vp, "
            "province leader: lanhdao.tinh (accounts without a password)."
        )
