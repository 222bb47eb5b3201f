"""Open311 GeoReport v2 as a standard client uses it: JSON and XML shapes per the spec."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from egov.feedback.actions import routing
from egov.feedback.choices import Channel, State
from egov.feedback.models import Item
from egov.feedback.testing import answered_item, received_item

pytestmark = pytest.mark.django_db

BASE = "/phan-anh/open311/v2"
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


def test_services_list_every_active_category_in_json_and_xml(fb: Any, client: Client) -> None:
    data = client.get(f"{BASE}/services.json").json()
    codes = {s["service_code"] for s in data}
    assert codes == {"can-bo-cong-chuc", "tai-chinh"}
    service = next(s for s in data if s["service_code"] == "tai-chinh")
    assert set(service) == {
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    }
    assert service["metadata"] is False and service["type"] == "realtime"
    response = client.get(f"{BASE}/services.xml")
    assert response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own output in a test
    assert root.tag == "services"
    assert {s.findtext("service_code") for s in root.findall("service")} == codes
    assert root.find("service/metadata").text == "false"  # type: ignore[union-attr]


def test_requests_show_the_text_only_of_published_answers_and_never_the_asker(
    fb: Any, client: Client
) -> None:
    public = answered_item(fb, publish=True)
    hidden = answered_item(fb, publish=False, title="Chuyện riêng")
    waiting = received_item(fb.finance_category, fb.world.citizen, title="Đang chờ")
    data = client.get(f"{BASE}/requests.json").json()
    by_id = {row["service_request_id"]: row for row in data}
    assert set(by_id) == {str(public.pk), str(hidden.pk), str(waiting.pk)}
    assert all(set(row) == REQUEST_FIELDS for row in data)
    assert by_id[str(public.pk)]["status"] == "closed"
    assert public.answer_text == by_id[str(public.pk)]["status_notes"]
    assert public.text in by_id[str(public.pk)]["description"]
    assert by_id[str(hidden.pk)]["description"] == "" == by_id[str(hidden.pk)]["status_notes"]
    assert by_id[str(waiting.pk)]["status"] == "open"
    assert by_id[str(waiting.pk)]["agency_responsible"] == "Sở Tài chính"
    raw = json.dumps(data, ensure_ascii=False) + client.get(f"{BASE}/requests.xml").content.decode()
    for secret in ("Nguyễn Văn An", "an.nguyen@example.com", "0912345678", "Chuyện riêng"):
        assert secret not in raw


def test_requests_filter_by_id_code_status_and_dates(fb: Any, client: Client) -> None:
    public = answered_item(fb)
    waiting = received_item(fb.finance_category, fb.world.citizen)

    def ids(**params: str) -> set[str]:
        return {r["service_request_id"] for r in client.get(f"{BASE}/requests.json", params).json()}

    assert ids(service_request_id=f"{public.pk},{waiting.pk}") == {str(public.pk), str(waiting.pk)}
    assert ids(service_code="tai-chinh") == {str(waiting.pk)}
    assert ids(status="open") == {str(waiting.pk)}
    assert ids(status="closed") == {str(public.pk)}
    assert ids(start_date="2000-01-01T00:00:00Z", end_date="2001-01-01T00:00:00Z") == set()
    assert ids(start_date="2000-01-01T00:00:00+07:00") == {str(public.pk), str(waiting.pk)}
    one = client.get(f"{BASE}/requests/{waiting.pk}.json").json()
    assert len(one) == 1 and one[0]["service_request_id"] == str(waiting.pk)
    root = ET.fromstring(client.get(f"{BASE}/requests/{waiting.pk}.xml").content)  # noqa: S314
    assert root.tag == "service_requests" and root.findtext("request/status") == "open"


def test_errors_use_the_georeport_error_format(fb: Any, client: Client) -> None:
    missing = client.get(f"{BASE}/requests/999999.json")
    assert missing.status_code == 404
    assert missing.json() == [{"code": 404, "description": "service_request_id not found"}]
    bad = client.get(f"{BASE}/requests.xml", {"status": "pending"})
    root = ET.fromstring(bad.content)  # noqa: S314
    assert bad.status_code == 400 and root.tag == "errors"
    assert root.findtext("error/code") == "400"
    assert client.get(f"{BASE}/requests.json", {"start_date": "hôm qua"}).status_code == 400
    wrong = client.get(f"{BASE}/services.json", {"jurisdiction_id": "hanoi.gov.vn"})
    assert wrong.status_code == 404 and wrong.json()[0]["code"] == 404
    assert (
        client.get(f"{BASE}/services.json", {"jurisdiction_id": "angiang.gov.vn"}).status_code
        == 200
    )


def test_a_client_with_an_api_key_posts_a_request_straight_to_the_agency(
    fb: Any, client: Client
) -> None:
    key = routing.create_api_client(actor=fb.world.admin, name="Ứng dụng An Giang số")
    response = client.post(
        f"{BASE}/requests.json",
        {
            "api_key": key,
            "jurisdiction_id": "angiang.gov.vn",
            "service_code": "tai-chinh",
            "lat": "10.3759",
            "long": "105.4185",
            "description": "Chợ tạm lấn chiếm lòng đường, đề nghị kiểm tra thu phí.",
            "first_name": "Phạm",
            "last_name": "Thị Dung",
        },
    )
    assert response.status_code == 201
    row = response.json()[0]
    item = Item.objects.get(pk=int(row["service_request_id"]))
    assert item.channel == Channel.OPEN311 and item.state == State.RECEIVED
    assert item.agency == fb.world.finance and str(item.lat) == "10.375900"
    assert item.asker_name == "Phạm Thị Dung"


def test_without_a_key_the_request_waits_for_the_email_code_and_answers_a_token(
    fb: Any, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}/requests.xml",
            {
                "service_code": "can-bo-cong-chuc",
                "address_string": "Trụ sở Sở Nội vụ",
                "description": "Đề nghị công khai lịch tiếp công dân của Sở.",
                "email": "dung@example.com",
            },
        )
    assert response.status_code == 201
    root = ET.fromstring(response.content)  # noqa: S314
    token = root.findtext("request/token")
    assert token and root.find("request/service_request_id") is None
    assert len(mail.outbox) == 1
    assert client.get(f"{BASE}/tokens/{token}.json").json() == [{"token": token}]
    assert client.get(f"{BASE}/requests.json").json() == []


def test_bad_posts_are_refused_in_the_error_format(fb: Any, client: Client, settings: Any) -> None:
    post = {"service_code": "tai-chinh", "lat": "10.1", "long": "105.1", "description": "ab"}
    assert client.post(f"{BASE}/requests.json", {**post, "api_key": "forged"}).status_code == 403
    unknown = client.post(f"{BASE}/requests.json", {**post, "service_code": "khong-co"})
    assert unknown.status_code == 404
    nowhere = client.post(f"{BASE}/requests.json", {"service_code": "tai-chinh", "email": "a@b.vn"})
    assert nowhere.status_code == 400
    short = client.post(f"{BASE}/requests.json", {**post, "email": "a@example.com"})
    assert short.status_code == 400 and "text_too_short" in short.json()[0]["description"]
    settings.EGOV_FEEDBACK_OPEN311_KEY_REQUIRED = True
    keyless = client.post(f"{BASE}/requests.json", {**post, "description": "x" * 20})
    assert keyless.status_code == 403 and keyless.json()[0]["description"] == "api_key is required"
    settings.EGOV_FEEDBACK_OPEN311_KEY_REQUIRED = False
    settings.EGOV_FEEDBACK_RATE_PER_IP = 0
    limited = client.post(
        f"{BASE}/requests.json", {**post, "description": "x" * 20, "email": "z@example.com"}
    )
    assert limited.status_code == 429
    assert not Item.objects.exists()
