"""The 29 document types of Nghị định 30/2020 (Điều 7, Phụ lục III) with their official
abbreviations, and the province's default delivery rule for each.

Delivery defaults follow seed 002 §1.e (invitations, công văn, reports, notices, copies and
work schedules travel electronically only) and seed 004 §II.3 (the province decides which
documents also go on paper): decisions, directives and other normative or binding texts
go both ways; papers a person carries (introduction letters, leave permits) stay on paper.
An administrator edits all of it afterwards; this is only the starting data.
"""

E, P, G = "electronic_only", "parallel", "paper_only"

#: (code, name, abbreviation, can_be_legal, delivery_rule)
DOCUMENT_TYPES: list[tuple[str, str, str, bool, str]] = [
    ("nghi-quyet", "Nghị quyết", "NQ", True, P),
    ("quyet-dinh", "Quyết định", "QĐ", True, P),
    ("chi-thi", "Chỉ thị", "CT", False, P),
    ("quy-che", "Quy chế", "QC", False, P),
    ("quy-dinh", "Quy định", "QyĐ", False, P),
    ("thong-cao", "Thông cáo", "TC", False, E),
    ("thong-bao", "Thông báo", "TB", False, E),
    ("huong-dan", "Hướng dẫn", "HD", False, E),
    ("chuong-trinh", "Chương trình", "CTr", False, E),
    ("ke-hoach", "Kế hoạch", "KH", False, P),
    ("phuong-an", "Phương án", "PA", False, P),
    ("de-an", "Đề án", "ĐA", False, P),
    ("du-an", "Dự án", "DA", False, P),
    ("bao-cao", "Báo cáo", "BC", False, E),
    ("bien-ban", "Biên bản", "BB", False, P),
    ("to-trinh", "Tờ trình", "TTr", False, P),
    ("hop-dong", "Hợp đồng", "HĐ", False, P),
    ("cong-van", "Công văn", "", False, E),
    ("cong-dien", "Công điện", "CĐ", False, E),
    ("ban-ghi-nho", "Bản ghi nhớ", "BGN", False, P),
    ("ban-thoa-thuan", "Bản thỏa thuận", "BTT", False, P),
    ("giay-uy-quyen", "Giấy ủy quyền", "GUQ", False, P),
    ("giay-moi", "Giấy mời", "GM", False, E),
    ("giay-gioi-thieu", "Giấy giới thiệu", "GGT", False, G),
    ("giay-nghi-phep", "Giấy nghỉ phép", "GNP", False, G),
    ("phieu-gui", "Phiếu gửi", "PG", False, E),
    ("phieu-chuyen", "Phiếu chuyển", "PC", False, E),
    ("phieu-bao", "Phiếu báo", "PB", False, E),
    ("thu-cong", "Thư công", "", False, P),
]
