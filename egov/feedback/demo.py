"""Feedback demo data: categories routed to the demo's agencies, and citizens' comments and
questions in every state — answered and published, answered privately, waiting for the
leader, being drafted, just received, one overdue, one not handled, one waiting for its
e-mail code. Items go through the actions as citizens and the demo users would; only their
dates are moved back afterwards so the queue and the statistics show a few weeks of work."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from egov.feedback import queries
from egov.feedback.actions import answers, items, routing
from egov.feedback.choices import Kind
from egov.feedback.models import Category, Item
from egov.organisations.choices import UnitKind
from egov.organisations.models import OrgUnit

MARKER = "can-bo-cong-chuc"

#: (code, name, group, agency abbreviation or "commune", answer days)
CATEGORIES = [
    (MARKER, "Cán bộ, công chức, viên chức", "Nội vụ", "SNV", None),
    ("cai-cach-hanh-chinh", "Thủ tục hành chính, thái độ phục vụ", "Nội vụ", "SNV", None),
    ("dat-dai-moi-truong", "Đất đai, môi trường", "Nông nghiệp và Môi trường", "SNNMT", 15),
    ("xay-dung-giao-thong", "Xây dựng, giao thông, đô thị", "Xây dựng", "SXD", None),
    ("y-te", "Y tế, an toàn thực phẩm", "Y tế", "SYT", None),
    ("gia-phi-ngan-sach", "Giá, phí, ngân sách", "Tài chính", "STC", None),
    ("ha-tang-xa-dinh-my", "Hạ tầng, trật tự ở xã Định Mỹ", "Xã, phường", "commune", 7),
]

#: (category, kind, title, text, asker name, e-mail, area, days ago, outcome, answer)
ITEMS: list[tuple[str, str, str, str, str, str, str, int, str, str]] = [
    (
        MARKER,
        Kind.QUESTION,
        "Thời gian nâng bậc lương thường xuyên của viên chức",
        "Tôi là giáo viên tiểu học hạng III, hưởng bậc 4 từ tháng 9/2022. Xin hỏi khi nào "
        "tôi được nâng lên bậc 5 và có cần nộp hồ sơ gì không?",
        "Nguyễn Văn An",
        "an.nguyen@example.com",
        "xã Định Mỹ",
        40,
        "public",
        "Theo Thông tư 03/2021/TT-BNV, viên chức được nâng một bậc lương thường xuyên khi "
        "đủ 3 năm (36 tháng) giữ bậc trong chức danh nghề nghiệp và đáp ứng tiêu chuẩn hoàn "
        "thành nhiệm vụ. Trường hợp của Thầy được xét từ tháng 9/2025; đơn vị quản lý lập "
        "hồ sơ, Thầy không phải nộp hồ sơ.",
    ),
    (
        "cai-cach-hanh-chinh",
        Kind.COMMENT,
        "Bộ phận một cửa xã nghỉ trưa sớm",
        "Sáng thứ Năm tuần trước tôi đến Bộ phận một cửa lúc 11 giờ 15 nhưng không còn cán "
        "bộ tiếp nhận, dù giờ làm việc niêm yết đến 11 giờ 30.",
        "Trần Thị Bích",
        "bich.tran@example.com",
        "phường Long Xuyên",
        30,
        "public",
        "Sở Nội vụ đã đề nghị UBND phường kiểm tra, nhắc nhở công chức bộ phận một cửa "
        "thực hiện đúng giờ làm việc niêm yết và bố trí người trực trong giờ nghỉ luân phiên.",
    ),
    (
        "ha-tang-xa-dinh-my",
        Kind.COMMENT,
        "Đèn chiếu sáng tuyến kênh Ba Thê hư hỏng",
        "Khoảng 6 bóng đèn chiếu sáng dọc tuyến đường kênh Ba Thê, ấp Mỹ Thạnh không sáng "
        "hơn hai tuần nay, người dân đi lại ban đêm rất nguy hiểm.",
        "Lê Văn Cường",
        "cuong.le@example.com",
        "xã Định Mỹ",
        25,
        "public",
        "UBND xã đã phối hợp Điện lực thay 6 bóng đèn hư hỏng ngày 12/11; tuyến đường đã "
        "được chiếu sáng trở lại. Cảm ơn ông đã phản ánh.",
    ),
    (
        MARKER,
        Kind.QUESTION,
        "Điều kiện thi nâng ngạch chuyên viên chính",
        "Tôi giữ ngạch chuyên viên được 8 năm 6 tháng, xin hỏi đã đủ điều kiện đăng ký thi "
        "nâng ngạch chuyên viên chính năm nay chưa?",
        "Phạm Thị Dung",
        "dung.pham@example.com",
        "",
        20,
        "public",
        "Theo Nghị định 06/2023/NĐ-CP, công chức dự thi nâng ngạch chuyên viên chính phải có "
        "thời gian giữ ngạch chuyên viên hoặc tương đương từ đủ 9 năm trở lên. Chị đủ điều "
        "kiện từ kỳ thi năm sau.",
    ),
    (
        MARKER,
        Kind.QUESTION,
        "Chế độ thai sản khi đang thử việc",
        "Tôi đang trong thời gian tập sự tại một đơn vị sự nghiệp, xin hỏi có được hưởng "
        "chế độ thai sản không? Hoàn cảnh gia đình tôi khó khăn, mong được hướng dẫn riêng.",
        "Hồ Thị Em",
        "em.ho@example.com",
        "",
        15,
        "private",
        "Chị được hưởng chế độ thai sản theo Luật Bảo hiểm xã hội nếu đã đóng đủ 6 tháng "
        "trong 12 tháng trước khi sinh; thời gian nghỉ không tính vào thời gian tập sự.",
    ),
    (
        "cai-cach-hanh-chinh",
        Kind.COMMENT,
        "Đề nghị nhận hồ sơ trực tuyến ngoài giờ hành chính",
        "Đề nghị cho phép nộp hồ sơ trực tuyến cả ngày thứ Bảy và tính thời hạn từ ngày "
        "làm việc kế tiếp, để người lao động không phải xin nghỉ.",
        "Võ Minh Phúc",
        "phuc.vo@example.com",
        "",
        8,
        "review",
        "Hồ sơ nộp trực tuyến được tiếp nhận cả ngày nghỉ; thời hạn giải quyết tính từ ngày "
        "làm việc kế tiếp theo quy định.",
    ),
    (
        MARKER,
        Kind.QUESTION,
        "Tuyển dụng viên chức y tế xã",
        "Năm nay tỉnh có tuyển viên chức cho trạm y tế xã không, chỉ tiêu ở đâu?",
        "Đặng Thị Giang",
        "giang.dang@example.com",
        "",
        5,
        "drafting",
        "Kế hoạch tuyển dụng năm 2026 đang chờ phê duyệt.",
    ),
    (
        "dat-dai-moi-truong",
        Kind.COMMENT,
        "Cơ sở xay xát xả trấu xuống kênh",
        "Cơ sở xay xát lúa gạo gần cầu Mặc Cần Dưng thường xuyên xả trấu xuống kênh gây ô "
        "nhiễm, đề nghị kiểm tra xử lý.",
        "",
        "nguoidan.anphu@example.com",
        "xã Mỹ Hòa Hưng",
        3,
        "received",
        "",
    ),
    (
        "xay-dung-giao-thong",
        Kind.COMMENT,
        "Ổ gà lớn trên Quốc lộ 91 đoạn qua Bình Hòa",
        "Đoạn Quốc lộ 91 gần chợ Bình Hòa có nhiều ổ gà sâu, đã xảy ra té ngã xe máy.",
        "Ngô Văn Hải",
        "hai.ngo@example.com",
        "",
        2,
        "received",
        "",
    ),
    (
        "cai-cach-hanh-chinh",
        Kind.COMMENT,
        "Chưa nhận được trả lời về chứng thực bản sao",
        "Tôi đã hỏi qua cổng về lệ phí chứng thực bản sao từ bản chính nhưng chưa thấy trả lời.",
        "Trương Thị Kim",
        "kim.truong@example.com",
        "",
        21,
        "overdue",
        "",
    ),
    (
        MARKER,
        Kind.COMMENT,
        "Quảng cáo dịch vụ vay tiền",
        "Vay tiền nhanh không cần thế chấp, liên hệ ngay số điện thoại trên trang.",
        "",
        "spam@example.com",
        "",
        4,
        "closed",
        "",
    ),
]


def loaded() -> bool:
    return Category.objects.filter(code=MARKER).exists()


def _agency(key: str) -> OrgUnit | None:
    current = OrgUnit.objects.filter(valid_to__isnull=True)
    if key == "commune":
        unit: OrgUnit | None = (
            current.filter(kind=UnitKind.COMMUNE_COMMITTEE, name__contains="Định Mỹ")
            .order_by("path")
            .first()
        )
        return unit
    agency: OrgUnit | None = (
        current.filter(abbreviation=key).exclude(kind=UnitKind.DIVISION).order_by("path").first()
    )
    return agency


def _user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def _backdate(item: Item, days: int, answered_after: int | None) -> None:
    received = timezone.now() - dt.timedelta(days=days)
    values: dict[str, Any] = {
        "received_at": received,
        "due_date": queries.due_date_for(item.category, received),
    }
    if answered_after is not None:
        values["answered_at"] = received + dt.timedelta(days=answered_after)
    Item.objects.filter(pk=item.pk).update(**values)
    item.transitions.filter(action__in=("submit", "verify")).update(at=received)


def load(stdout: Any) -> None:
    admin = _user("quantri")
    fallback = (
        _agency("SNV") or OrgUnit.objects.filter(valid_to__isnull=True).order_by("path").first()
    )
    if fallback is None:
        return
    categories: dict[str, Category] = {}
    for code, name, group, key, days in CATEGORIES:
        categories[code] = routing.save_category(
            actor=admin,
            category=None,
            code=code,
            name=name,
            group=group,
            agency=_agency(key) or fallback,
            answer_days=days,
            skip_access_check=True,
        )
    for category, kind, title, text, name, email, area, days, outcome, answer in ITEMS:
        cat = categories[category]
        commune = cat.code == "ha-tang-xa-dinh-my"
        specialist = _user("chuyenvien.dinhmy" if commune else "chuyenvien.snv")
        leader = _user("lanhdao.dinhmy" if commune else "lanhdao.snv")
        item = items.submit_item(
            kind=kind,
            category=cat,
            title=title,
            text=text,
            name=name,
            email=email,
            area=area,
            trusted=True,
        ).item
        answered_after: int | None = None
        if outcome in ("public", "private", "review", "drafting") and specialist and leader:
            if outcome == "drafting":
                answers.save_draft(actor=specialist, item=item, text=answer)
            else:
                answers.submit_for_review(actor=specialist, item=item, text=answer)
            if outcome in ("public", "private"):
                answers.approve(actor=leader, item=item, publish=outcome == "public")
                answered_after = max(days // 3, 1)
        elif outcome == "closed" and leader:
            answers.close(
                actor=leader, item=item, reason="Nội dung quảng cáo, không phải phản ánh."
            )
        _backdate(item, days, answered_after)
    items.submit_item(
        kind=Kind.QUESTION,
        category=categories[MARKER],
        title="Hỏi về phụ cấp công vụ",
        text="Xin hỏi mức phụ cấp công vụ hiện hành của công chức cấp xã là bao nhiêu?",
        email="chuaxacminh@example.com",
    )
    stdout.write(f"feedback: {len(CATEGORIES)} categories, {len(ITEMS) + 1} items\n")
