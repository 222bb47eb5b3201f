"""Test and demo helpers: categories on the persona world, ready-made items."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from egov.feedback.actions import answers, items, routing
from egov.feedback.choices import Kind
from egov.feedback.models import Category, Item

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class FeedbackWorld:
    world: Any
    home_affairs_category: Category
    finance_category: Category
    finance_leader: Any


def build(world: Any) -> FeedbackWorld:
    from egov.organisations.choices import Role
    from egov.organisations.testing import hire_with_role

    home = routing.save_category(
        actor=world.admin,
        category=None,
        code="can-bo-cong-chuc",
        name="Cán bộ, công chức",
        agency=world.home_affairs,
    )
    finance = routing.save_category(
        actor=world.admin,
        category=None,
        code="tai-chinh",
        name="Tài chính, ngân sách",
        agency=world.finance,
        answer_days=5,
    )
    leader = hire_with_role("leader.stc", "Lý Văn Tài", world.finance, Role.LEADER, subtree=True)
    return FeedbackWorld(world, home, finance, leader)


def received_item(category: Category, user: Any, **extra: Any) -> Item:
    values: dict[str, Any] = {
        "kind": Kind.QUESTION,
        "category": category,
        "title": "Thời gian nâng lương thường xuyên",
        "text": "Tôi là viên chức, xin hỏi thời gian nâng bậc lương thường xuyên là bao lâu?",
        "name": "Nguyễn Văn An",
        "email": "an.nguyen@example.com",
        "phone": "0912345678",
    }
    values.update(extra)
    return items.submit_item(user=user, **values).item


def answered_item(fb: FeedbackWorld, *, publish: bool = True, **extra: Any) -> Item:
    item = received_item(fb.home_affairs_category, fb.world.citizen, **extra)
    answers.submit_for_review(
        actor=fb.world.specialist,
        item=item,
        text="Theo quy định, công chức được nâng bậc lương thường xuyên sau 3 năm.",
    )
    return answers.approve(actor=fb.world.leader, item=item, publish=publish)
