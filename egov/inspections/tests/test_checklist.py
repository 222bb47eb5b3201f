"""Checklist items: the inspector confirms or overrides, adds free items, attaches evidence
checked by content and size."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from egov.audit.models import AuditEvent
from egov.inspections.actions import checklist
from egov.inspections.choices import ItemSource, Result
from egov.inspections.constants import MAX_EVIDENCE_BYTES
from egov.inspections.tests.helpers import pdf_upload, started
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def test_overriding_a_measured_result_needs_a_note(team: Any) -> None:
    inspection = started(team)
    website = inspection.items.get(source=ItemSource.WEBSITE)
    with pytest.raises(ActionError) as error:
        checklist.record_item(actor=team.member, item=website, result=Result.PASS)
    assert error.value.messages == [
        "Kết quả khác với kết quả hệ thống đo được: ghi rõ lý do trong phần ghi chú."
    ]
    item = checklist.record_item(
        actor=team.member,
        item=website,
        result=Result.PASS,
        note="Trang đặt trên cổng cũ của Sở, đã kiểm tra trực tiếp.",
    )
    assert item.overridden and item.checked_by == team.member
    assert AuditEvent.objects.filter(action="inspections.item.record").exists()


def test_it_refuses_a_result_that_is_not_one_of_the_three(team: Any) -> None:
    inspection = started(team)
    item = inspection.items.filter(source=ItemSource.TEMPLATE).earliest("order")
    with pytest.raises(ActionError) as error:
        checklist.record_item(actor=team.member, item=item, result="maybe")
    assert error.value.messages == ["Chọn kết quả: đạt, không đạt hoặc không áp dụng."]


def test_an_item_cannot_be_recorded_before_the_inspection_starts(team: Any) -> None:
    started(team)
    inspection = team.commune
    with pytest.raises(ActionError) as error:
        checklist.add_item(actor=team.member, inspection=inspection, text="Kiểm tra máy chủ")
    assert error.value.messages == [
        "Chỉ ghi kết quả khi cuộc kiểm tra đang tiến hành (hiện: “Theo kế hoạch”)."
    ]


def test_the_inspector_adds_a_free_item(team: Any) -> None:
    inspection = started(team)
    item = checklist.add_item(
        actor=team.member, inspection=inspection, text="Sao lưu dữ liệu hằng tuần"
    )
    assert item.source == ItemSource.FREE
    assert item.order == inspection.items.count()


def test_someone_outside_the_team_does_not_record_items(world: Any, team: Any) -> None:
    inspection = started(team)
    item = inspection.items.earliest("order")
    with pytest.raises(PermissionDenied):
        checklist.record_item(actor=world.leader, item=item, result=Result.PASS)


def test_evidence_is_stored_under_its_hash(team: Any) -> None:
    inspection = started(team)
    item = inspection.items.earliest("order")
    stored = checklist.attach_item_evidence(actor=team.member, item=item, uploads=[pdf_upload()])
    assert stored[0].media_type == "application/pdf"
    assert str(stored[0].content.name).startswith(f"inspections/{stored[0].sha256[:2]}/")


def test_it_refuses_an_evidence_file_whose_content_is_not_an_accepted_type(team: Any) -> None:
    inspection = started(team)
    item = inspection.items.earliest("order")
    fake = SimpleUploadedFile(
        "bao-cao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    with pytest.raises(ActionError) as error:
        checklist.attach_item_evidence(actor=team.member, item=item, uploads=[fake])
    assert error.value.messages == [
        "Tệp minh chứng “bao-cao.pdf” không đúng định dạng. Chỉ nhận: PDF, JPG, PNG, DOCX, XLSX."
    ]
    assert not item.evidence.exists()


def test_it_refuses_an_evidence_file_too_large(team: Any) -> None:
    inspection = started(team)
    item = inspection.items.earliest("order")
    big = SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * MAX_EVIDENCE_BYTES)
    with pytest.raises(ActionError) as error:
        checklist.attach_item_evidence(actor=team.member, item=item, uploads=[big])
    assert error.value.messages == ["Tệp “lon.pdf” vượt giới hạn 10 MB."]
