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
import functools
import itertools
import random
import re
from collections.abc import Iterable, Sequence
from typing import Any

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
