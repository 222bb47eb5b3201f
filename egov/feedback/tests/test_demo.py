from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.test import Client

from egov.feedback import demo
from egov.feedback.choices import State
from egov.feedback.models import Item

pytestmark = pytest.mark.django_db


def test_the_demo_loads_items_in_every_state_once(world: Any, client: Client) -> None:
    from egov.organisations.choices import Role
    from egov.organisations.testing import hire_with_role

    hire_with_role("chuyenvien.snv", "Võ Chuyên", world.civil_service_division, Role.SPECIALIST)
    hire_with_role("lanhdao.snv", "Lê Lãnh Đạo", world.home_affairs, Role.LEADER, subtree=True)
    hire_with_role("chuyenvien.dinhmy", "Huỳnh Chuyên", world.commune, Role.SPECIALIST)
    hire_with_role("lanhdao.dinhmy", "Trần Chủ Tịch", world.commune, Role.LEADER, subtree=True)
    assert not demo.loaded()
    demo.load(StringIO())
    assert demo.loaded()
    states = set(Item.objects.values_list("state", flat=True))
    assert states == {s.value for s in State}
    assert Item.objects.filter(state=State.ANSWERED, is_public=False).exists()
    listing = client.get("/phan-anh/").content.decode()
    assert "Đèn chiếu sáng tuyến kênh Ba Thê hư hỏng" in listing
    assert "Chế độ thai sản khi đang thử việc" not in listing
    assert "Nguyễn Văn An" not in listing and "Nguyễn V. A." in listing
