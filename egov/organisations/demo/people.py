"""Deterministic demo staff: Vietnamese names from fixed lists and a seeded generator,
official e-mail addresses ``<given><initials>.<unit>@angiang.gov.vn``, and the posts."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from egov.lib.text import fold
from egov.organisations import actions
from egov.organisations.choices import Gender
from egov.organisations.models import OrgUnit, Person, Position

SEED = 20051212
DOMAIN = "angiang.gov.vn"

SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng",
    "Đỗ", "Ngô", "Hồ", "Dương", "Lâm", "Châu", "Tô", "Đoàn", "Lý", "Mai",
)  # fmt: skip
MIDDLE = {
    Gender.MALE: ("Văn", "Hữu", "Minh", "Quốc", "Thanh", "Công", "Hoàng", "Trung"),
    Gender.FEMALE: ("Thị", "Ngọc", "Thu", "Kim", "Mỹ", "Thanh", "Bích", "Hồng"),
}
GIVEN = {
    Gender.MALE: (
        "Hùng", "Dũng", "Tuấn", "Phúc", "Tài", "Lộc", "Hải", "Khang", "Nghĩa", "Trung",
        "Sơn", "Bình", "Thắng", "Hiếu", "Nhân", "Quang", "Toàn", "Vinh", "Đạt", "Khoa",
    ),
    Gender.FEMALE: (
        "Lan", "Hoa", "Hương", "Mai", "Thảo", "Trang", "Ngân", "Yến", "Nhung", "Phượng",
        "Diễm", "Tuyết", "Loan", "Hạnh", "Vân", "Châu", "Oanh", "Thủy", "Liên", "Quyên",
    ),
}  # fmt: skip

#: (name, English name, is leader, rank)
POSITIONS: tuple[tuple[str, str, bool, int], ...] = (
    ("Chủ tịch", "Chairperson", True, 1),
    ("Phó Chủ tịch", "Vice Chairperson", True, 2),
    ("Chủ nhiệm", "Chairperson of the committee", True, 8),
    ("Phó Chủ nhiệm", "Vice chairperson of the committee", True, 9),
    ("Giám đốc", "Director", True, 10),
    ("Phó Giám đốc", "Deputy Director", True, 11),
    ("Cục trưởng", "Director General", True, 10),
    ("Phó Cục trưởng", "Deputy Director General", True, 11),
    ("Chánh án", "Chief Judge", True, 10),
    ("Phó Chánh án", "Deputy Chief Judge", True, 11),
    ("Viện trưởng", "Chief Procurator", True, 10),
    ("Phó Viện trưởng", "Deputy Chief Procurator", True, 11),
    ("Chỉ huy trưởng", "Commander", True, 10),
    ("Phó Chỉ huy trưởng", "Deputy Commander", True, 11),
    ("Chánh Thanh tra", "Chief Inspector", True, 10),
    ("Phó Chánh Thanh tra", "Deputy Chief Inspector", True, 11),
    ("Chánh Văn phòng", "Chief of Office", True, 12),
    ("Phó Chánh Văn phòng", "Deputy Chief of Office", True, 13),
    ("Trưởng phòng", "Head of Division", True, 20),
    ("Phó Trưởng phòng", "Deputy Head of Division", True, 21),
    ("Chuyên viên chính", "Principal Officer", False, 30),
    ("Chuyên viên", "Officer", False, 40),
    ("Văn thư", "Records Clerk", False, 50),
)


def ensure_positions() -> dict[str, Position]:
    """The posts used by the demo (reference data, created once)."""
    posts: dict[str, Position] = {}
    for name, name_en, is_leader, rank in POSITIONS:
        posts[name] = Position.objects.get_or_create(
            name=name, defaults={"name_en": name_en, "is_leader": is_leader, "rank": rank}
        )[0]
    return posts


def unit_slug(text: str) -> str:
    """The unit part of an e-mail address: "SKHĐT" → "skhdt", "Định Mỹ" → "dinhmy"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


@dataclass
class Staffing:
    """Hires people with generated names; keeps e-mail addresses unique."""

    posts: dict[str, Position]
    # Demo names, not secrets: a seeded generator makes every load identical.
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))  # noqa: S311
    used_emails: set[str] = field(default_factory=set)

    def new_name(self) -> tuple[str, str]:
        gender = self.rng.choice((Gender.MALE, Gender.FEMALE))
        name = " ".join(
            (
                self.rng.choice(SURNAMES),
                self.rng.choice(MIDDLE[gender]),
                self.rng.choice(GIVEN[gender]),
            )
        )
        return name, gender

    def email_for(self, full_name: str, slug: str) -> str:
        words = fold(full_name).split()
        local = words[-1] + "".join(word[0] for word in words[:-1])
        candidate = f"{local}.{slug}@{DOMAIN}"
        number = 1
        while candidate in self.used_emails:
            number += 1
            candidate = f"{local}{number}.{slug}@{DOMAIN}"
        self.used_emails.add(candidate)
        return candidate

    def hire(
        self,
        unit: OrgUnit,
        post: str,
        day: dt.date,
        slug: str,
        *,
        full_name: str = "",
        gender: str = "",
        user: Any = None,
        email: str = "",
    ) -> Person:
        if not full_name:
            full_name, gender = self.new_name()
        birth_year = day.year - self.rng.randint(24, 52)
        return actions.hire_person(
            actor=None,
            full_name=full_name,
            unit=unit,
            effective_date=day,
            position=self.posts[post],
            email=email or self.email_for(full_name, slug),
            gender=gender,
            birth_date=dt.date(birth_year, self.rng.randint(1, 12), self.rng.randint(1, 28)),
            user=user,
            skip_access_check=True,
        )

    def hire_team(
        self,
        unit: OrgUnit,
        head: str,
        deputy: str,
        day: dt.date,
        slug: str,
        *,
        deputies: int,
        officers: int,
        clerk: bool,
    ) -> list[Person]:
        team = [self.hire(unit, head, day, slug)]
        team += [self.hire(unit, deputy, day, slug) for _ in range(deputies)]
        team += [
            self.hire(unit, self.rng.choice(("Chuyên viên", "Chuyên viên chính")), day, slug)
            for _ in range(officers)
        ]
        if clerk:
            team.append(self.hire(unit, "Văn thư", day, slug))
        return team
