from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import Client

from egov.feedback.actions import answers
from egov.feedback.choices import State
from egov.feedback.models import Item
from egov.feedback.testing import PNG, answered_item, received_item

pytestmark = pytest.mark.django_db


def _challenge_answer(html: str) -> tuple[str, str]:
    token = re.search(r'name="challenge_token" value="([^"]+)"', html)
    assert token is not None
    data = signing.loads(token.group(1), salt="egov.feedback.challenge")
    return token.group(1), str(data["a"] + data["b"])


def _form(client: Client, **extra: Any) -> dict[str, Any]:
    page = client.get("/phan-anh/gui/")
    token, answer = _challenge_answer(page.content.decode())
    data: dict[str, Any] = {
        "kind": "question",
        "title": "Hỏi về tuyển dụng viên chức",
        "text": "Xin hỏi điều kiện dự tuyển viên chức giáo dục năm nay?",
        "name": "Trần Thị Bích",
        "email": "bich.tran@example.com",
        "phone": "0987654321",
        "challenge_token": token,
        "challenge": answer,
        "website": "",
    }
    data.update(extra)
    return data


def test_an_anonymous_visitor_submits_enters_the_code_and_tracks_the_item(
    fb: Any, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    data = _form(client, category=fb.home_affairs_category.pk, attachments=[])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/phan-anh/gui/", data)
    assert response.status_code == 302 and "/phan-anh/xac-minh/" in response["Location"]
    code = re.search(r"\b(\d{6})\b", str(mail.outbox[0].body))
    assert code is not None
    verify_url = response["Location"]
    wrong = client.post(verify_url, {"code": "12345x"})
    assert wrong.status_code == 200 and "error-summary" in wrong.content.decode()
    done = client.post(verify_url, {"code": code.group(1)})
    assert done.status_code == 302 and "/phan-anh/theo-doi/" in done["Location"]
    page = client.get(done["Location"])
    assert page.status_code == 200 and "Đã tiếp nhận" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex"
    assert Item.objects.get().state == State.RECEIVED


def test_the_form_shows_an_error_summary_linking_to_each_field(fb: Any, client: Client) -> None:
    data = _form(client, category="", text="", email="")
    response = client.post("/phan-anh/gui/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    for anchor in ("#id_category", "#id_text", "#id_email"):
        assert f'href="{anchor}"' in html
    assert not Item.objects.exists()


def test_a_failed_challenge_and_a_filled_honeypot_are_refused(fb: Any, client: Client) -> None:
    wrong = _form(client, category=fb.home_affairs_category.pk)
    wrong["challenge"] = str(int(wrong["challenge"]) + 1)
    assert client.post("/phan-anh/gui/", wrong).status_code == 400
    trap = _form(client, category=fb.home_affairs_category.pk, website="http://spam.example")
    response = client.post("/phan-anh/gui/", trap)
    assert response.status_code == 400 and "#id_challenge" in response.content.decode()
    assert not Item.objects.exists()


def test_the_rate_limit_refuses_on_the_form(fb: Any, client: Client, settings: Any) -> None:
    settings.EGOV_FEEDBACK_RATE_PER_IP = 1
    first = client.post("/phan-anh/gui/", _form(client, category=fb.home_affairs_category.pk))
    assert first.status_code == 302
    again = _form(client, category=fb.home_affairs_category.pk, email="khac@example.com")
    refused = client.post("/phan-anh/gui/", again)
    assert refused.status_code == 400 and "quá nhiều" in refused.content.decode()
    assert Item.objects.count() == 1


def test_a_wrong_attachment_type_is_refused_on_the_form(fb: Any, client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("don.pdf", PNG, content_type="application/pdf")
    data = _form(client, category=fb.home_affairs_category.pk, attachments=[bad])
    response = client.post("/phan-anh/gui/", data)
    assert response.status_code == 400 and "#id_attachments" in response.content.decode()


def test_a_logged_in_citizen_needs_no_code_and_sees_the_item_among_theirs(
    fb: Any, client_for: Any
) -> None:
    client = client_for(fb.world.citizen)
    data = _form(client, category=fb.finance_category.pk, email="")
    response = client.post("/phan-anh/gui/", data)
    assert response.status_code == 302 and "/phan-anh/theo-doi/" in response["Location"]
    item = Item.objects.get()
    assert item.state == State.RECEIVED and item.asker_email == "citizen@example.com"
    mine = client.get("/phan-anh/cua-toi/")
    assert item.title in mine.content.decode()
    assert client.get(f"/phan-anh/cua-toi/{item.pk}/").status_code == 200


def test_another_citizen_cannot_open_my_item(fb: Any, client_for: Any) -> None:
    from egov.organisations.testing import make_user

    item = received_item(fb.home_affairs_category, fb.world.citizen)
    other = client_for(make_user("other", "Người Khác", email="other@example.com"))
    assert other.get(f"/phan-anh/cua-toi/{item.pk}/").status_code == 404


def test_public_pages_show_answered_published_items_pseudonymised_and_nothing_else(
    fb: Any, client: Client
) -> None:
    public = answered_item(fb, publish=True)
    hidden = answered_item(fb, publish=False, title="Việc riêng của gia đình tôi")
    waiting = received_item(fb.home_affairs_category, fb.world.citizen, title="Đang chờ trả lời")
    listing = client.get("/phan-anh/").content.decode()
    assert public.title in listing and "Nguyễn V. A." in listing
    assert hidden.title not in listing and waiting.title not in listing
    page = client.get(f"/phan-anh/{public.pk}/").content.decode()
    assert public.answer_text in page and "Nguyễn V. A." in page
    for secret in ("Nguyễn Văn An", "an.nguyen@example.com", "0912345678"):
        assert secret not in listing and secret not in page
    assert client.get(f"/phan-anh/{hidden.pk}/").status_code == 404
    assert client.get(f"/phan-anh/{waiting.pk}/").status_code == 404


def test_public_search_matches_without_diacritics_and_filters(fb: Any, client: Client) -> None:
    item = answered_item(fb, title="Nâng bậc lương thường xuyên")
    for query in ("nang bac luong", "NÂNG BẬC", "luong thuong xuyen"):
        assert item.title in client.get("/phan-anh/", {"q": query}).content.decode()
    assert item.title not in client.get("/phan-anh/", {"q": "giao thong"}).content.decode()
    assert item.title not in client.get("/phan-anh/", {"kind": "comment"}).content.decode()
    assert item.title in client.get("/phan-anh/", {"category": "can-bo-cong-chuc"}).content.decode()
    assert item.title not in client.get("/phan-anh/", {"category": "tai-chinh"}).content.decode()


OFFICER_PAGES = ["/feedback/", "/feedback/{pk}/", "/feedback/thong-ke/"]


@pytest.mark.parametrize("persona", ["anonymous", "citizen", "outsider", "commune_clerk"])
def test_people_outside_the_agency_cannot_see_its_items(
    fb: Any, client: Client, client_for: Any, persona: str
) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    browser = client if persona == "anonymous" else client_for(getattr(fb.world, persona))
    status = browser.get(f"/feedback/{item.pk}/").status_code
    assert status in (302, 404)
    for action in ("du-thao", "duyet", "tra-lai", "dong", "chuyen"):
        response = browser.post(f"/feedback/{item.pk}/{action}/", {"text": "x", "note": "x"})
        assert response.status_code in (302, 404)
    assert Item.objects.get(pk=item.pk).state == State.RECEIVED
    queue = browser.get("/feedback/")
    assert queue.status_code in (302, 403) or item.title not in queue.content.decode()


@pytest.mark.parametrize("persona", ["specialist", "clerk", "leader", "admin"])
def test_the_agencys_staff_see_its_queue_and_items(fb: Any, client_for: Any, persona: str) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    browser = client_for(getattr(fb.world, persona))
    for url in OFFICER_PAGES:
        response = browser.get(url.format(pk=item.pk))
        assert response.status_code == 200, url
    assert item.title in browser.get("/feedback/").content.decode()
    assert "an.nguyen@example.com" in browser.get(f"/feedback/{item.pk}/").content.decode()


def test_the_review_step_on_the_item_page(fb: Any, client_for: Any) -> None:
    w = fb.world
    item = received_item(fb.home_affairs_category, w.citizen)
    specialist = client_for(w.specialist)
    empty = specialist.post(f"/feedback/{item.pk}/du-thao/", {"text": "", "submit": "1"})
    assert empty.status_code == 400 and "error-summary" in empty.content.decode()
    sent = specialist.post(f"/feedback/{item.pk}/du-thao/", {"text": "Trả lời.", "submit": "1"})
    assert sent.status_code == 302
    assert specialist.post(f"/feedback/{item.pk}/duyet/", {"publish": "on"}).status_code == 404
    finance = client_for(fb.finance_leader)
    assert finance.post(f"/feedback/{item.pk}/duyet/", {"publish": "on"}).status_code == 404
    leader = client_for(w.leader)
    assert leader.post(f"/feedback/{item.pk}/duyet/", {"publish": "on"}).status_code == 302
    item.refresh_from_db()
    assert item.state == State.ANSWERED and item.is_public


def test_rerouting_on_the_item_page_needs_a_reason(fb: Any, client_for: Any) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    clerk = client_for(fb.world.clerk)
    refused = clerk.post(f"/feedback/{item.pk}/chuyen/", {"agency": fb.world.finance.pk})
    assert refused.status_code == 400
    moved = clerk.post(
        f"/feedback/{item.pk}/chuyen/", {"agency": fb.world.finance.pk, "reason": "Tài chính"}
    )
    assert moved.status_code == 302
    assert Item.objects.get(pk=item.pk).agency == fb.world.finance
    assert client_for(fb.world.specialist).get(f"/feedback/{item.pk}/").status_code == 404


def test_attachments_are_served_only_to_the_agencys_staff(fb: Any, client_for: Any) -> None:
    from egov.feedback.actions.items import Upload

    item = received_item(
        fb.home_affairs_category, fb.world.citizen, uploads=[Upload("anh.png", PNG)]
    )
    attachment = item.attachments.get()
    url = f"/feedback/{item.pk}/tep/{attachment.pk}/"
    response = client_for(fb.world.specialist).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    assert client_for(fb.world.outsider).get(url).status_code == 404


def test_categories_are_managed_by_system_administrators_only(fb: Any, client_for: Any) -> None:
    assert client_for(fb.world.leader).get("/feedback/linh-vuc/").status_code == 404
    admin = client_for(fb.world.admin)
    assert admin.get("/feedback/linh-vuc/").status_code == 200
    response = admin.post(
        "/feedback/linh-vuc/moi/",
        {"code": "moi-truong", "name": "Môi trường", "agency": fb.world.finance.pk, "active": "on"},
    )
    assert response.status_code == 302
    assert admin.get("/feedback/linh-vuc/").content.decode().count("moi-truong") >= 1


def test_statistics_count_on_time_answers_per_agency(fb: Any, client_for: Any) -> None:
    answered_item(fb)
    received_item(fb.home_affairs_category, fb.world.citizen)
    from egov.feedback import queries
    from egov.lib.dates import local_today

    rows = queries.statistics(fb.world.leader, year=local_today().year)
    assert [(r.name, r.received, r.answered, r.on_time, r.open) for r in rows] == [
        ("Sở Nội vụ", 2, 1, 1, 0 + 1)
    ]
    assert rows[0].average_days == 0
    page = client_for(fb.world.leader).get("/feedback/thong-ke/").content.decode()
    assert "fb-chart-data" in page and "echarts" in page
    assert queries.statistics(fb.finance_leader, year=local_today().year) == []


def test_overdue_items_are_flagged_on_the_queue(fb: Any, client_for: Any) -> None:
    import datetime as dt

    item = received_item(fb.home_affairs_category, fb.world.citizen)
    Item.objects.filter(pk=item.pk).update(due_date=dt.date(2020, 1, 2))
    page = client_for(fb.world.clerk).get("/feedback/", {"overdue": "1"}).content.decode()
    assert item.title in page and "Quá hạn" in page
    answers.close(actor=fb.world.leader, item=item, reason="Đã giải quyết trực tiếp")
    page = client_for(fb.world.clerk).get("/feedback/", {"overdue": "1"}).content.decode()
    assert item.title not in page


def test_the_public_pages_speak_english_when_asked(fb: Any, client: Client) -> None:
    answered_item(fb)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/phan-anh/").content.decode()
    assert "Comments, requests and answers" in page and "Published answers" in page
    form = client.get("/phan-anh/gui/").content.decode()
    assert "Send a comment, request or question" in form and "What is " in form


def test_the_public_list_filters_by_agency_and_year(fb: Any, client: Client) -> None:
    item = answered_item(fb, title="Phụ cấp công vụ")
    other = received_item(fb.finance_category, fb.world.citizen, title="Phí chợ tạm")
    answers.submit_for_review(actor=fb.world.outsider, item=other, text="Đã kiểm tra.")
    answers.approve(actor=fb.finance_leader, item=other)
    year = item.answered_at.year if item.answered_at else 0
    page = client.get("/phan-anh/", {"agency": fb.world.home_affairs.pk, "year": year})
    assert item.title in page.content.decode() and other.title not in page.content.decode()
    page = client.get("/phan-anh/", {"agency": fb.world.finance.pk})
    assert item.title not in page.content.decode() and other.title in page.content.decode()


def test_the_home_page_lists_items_due_soon_or_overdue_for_the_agency(
    fb: Any, client_for: Any
) -> None:
    import datetime as dt

    item = received_item(fb.home_affairs_category, fb.world.citizen)
    assert item.title not in client_for(fb.world.clerk).get("/").content.decode()
    Item.objects.filter(pk=item.pk).update(due_date=dt.date(2020, 1, 2))
    home = client_for(fb.world.clerk).get("/").content.decode()
    assert item.title in home and "quá hạn trả lời (02/01/2020)" in home
    assert item.title not in client_for(fb.world.outsider).get("/").content.decode()


def test_names_and_numbers_written_in_the_text_are_hidden_in_public_and_from_search(
    fb: Any, client: Client
) -> None:
    item = answered_item(
        fb,
        title="Nguyễn Văn An hỏi về lương",
        text="Tôi là Nguyễn Văn An, số điện thoại 0912 345 678, thư an.nguyen@example.com, "
        "hàng xóm tôi dùng số +84 987 654 321 và hop.thu@gmail.com.",
    )
    pages = [
        client.get("/phan-anh/").content.decode(),
        client.get(f"/phan-anh/{item.pk}/").content.decode(),
        client.get("/phan-anh/open311/v2/requests.json").content.decode(),
        client.get("/phan-anh/open311/v2/requests.xml").content.decode(),
    ]
    for page in pages:
        for secret in ("Nguyễn Văn An", "0912 345 678", "an.nguyen@example.com", "987 654 321"):
            assert secret not in page
        assert "hop.thu@gmail.com" not in page
    assert "[…] hỏi về lương" in pages[1]
    assert "hỏi về lương" not in client.get("/phan-anh/", {"q": "nguyen van an"}).content.decode()
    assert "hỏi về lương" in client.get("/phan-anh/", {"q": "hoi ve luong"}).content.decode()


def test_the_queue_shows_what_needs_an_answer_unless_asked_for_everything(
    fb: Any, client_for: Any
) -> None:
    done = answered_item(fb, title="Đã trả lời xong")
    waiting = received_item(fb.home_affairs_category, fb.world.citizen, title="Còn chờ")
    clerk = client_for(fb.world.clerk)
    default = clerk.get("/feedback/").content.decode()
    assert waiting.title in default and done.title not in default
    everything = clerk.get("/feedback/", {"state": "all"}).content.decode()
    assert waiting.title in everything and done.title in everything
