"""Configurable checklist items: provincial inspectors add them and switch them off; an
inspection copies the active ones when it starts."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.inspections.actions import templates
from egov.inspections.models import ChecklistTemplate
from egov.inspections.tests.helpers import started
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def test_the_seed_items_are_there(db: Any) -> None:
    codes = set(ChecklistTemplate.objects.values_list("code", flat=True))
    assert {"eoffice-in-use", "mail-in-use", "onestop-in-use", "ktxh-reports"} <= codes


def test_an_added_template_is_checked_and_a_switched_off_one_is_not(team: Any) -> None:
    added = templates.add_template(
        actor=team.inspector, group="Hạ tầng kỹ thuật", text="Sao lưu dữ liệu hằng tuần"
    )
    mail = ChecklistTemplate.objects.get(code="mail-in-use")
    templates.set_template_active(actor=team.inspector, template=mail, active=False)
    inspection = started(team)
    codes = set(inspection.items.values_list("code", flat=True))
    assert added.code in codes and "mail-in-use" not in codes
    assert AuditEvent.objects.filter(action="inspections.template.save").count() == 2


def test_it_refuses_a_template_without_text(team: Any) -> None:
    with pytest.raises(ActionError) as error:
        templates.add_template(actor=team.inspector, group="Hạ tầng", text=" ")
    assert error.value.messages == ["Nhập nội dung kiểm tra."]


def test_only_provincial_inspectors_configure_templates(world: Any, team: Any) -> None:
    with pytest.raises(PermissionDenied):
        templates.add_template(actor=team.member, group="X", text="Y")


def test_the_templates_page_access(client: Any, client_for: Any, world: Any, team: Any) -> None:
    assert client.get("/kiem-tra/mau/").status_code == 302
    for user in (world.citizen, world.outsider, world.leader, team.member):
        assert client_for(user).get("/kiem-tra/mau/").status_code == 404
    page = client_for(team.inspector).get("/kiem-tra/mau/")
    assert page.status_code == 200 and "Lãnh đạo giao việc" in page.content.decode()
    response = client_for(team.inspector).post(
        "/kiem-tra/mau/", {"group": "Hạ tầng", "text": "Có phương án dự phòng"}
    )
    assert response.status_code == 302
    assert ChecklistTemplate.objects.filter(text="Có phương án dự phòng").exists()
