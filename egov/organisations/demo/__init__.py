"""Demo data: the province of An Giang from the 42 agencies of Chỉ thị 26/2005/CT-UBND
(12/12/2005), carried through the 2008 reorganisation, later renames and staff movements,
the department mergers of 1 March 2025 and the merger with Kiên Giang and the two-level
local government of 1 July 2025; staff, and one login for every role (listed in the README).

Everything is written through the organisation actions, so the history (versions, events,
staff events, audit chain) is what a real administrator would have recorded.
"""

from __future__ import annotations

from typing import Any

from egov.organisations.choices import Role
from egov.organisations.demo import areas
from egov.organisations.demo.builder import (
    Demo,
    build_2005,
    build_2008_to_2024,
    build_mergers_2025,
    build_reform_2025,
)
from egov.organisations.demo.catalogue import PROVINCE_CODE
from egov.organisations.demo.people import Staffing, ensure_positions
from egov.organisations.demo.users import DEMO_PASSWORD, DEMO_USERS, create_users
from egov.organisations.models import OrgUnitVersion

#: The organ code An Giang's People's Committee had until 2025: its presence in the history
#: means the demo is loaded.
DEMO_MARKER = PROVINCE_CODE

__all__ = [
    "DEMO_MARKER",
    "DEMO_PASSWORD",
    "DEMO_USERS",
    "Demo",
    "demo_loaded",
    "load_demo",
    "print_logins",
]


def demo_loaded() -> bool:
    return bool(OrgUnitVersion.objects.filter(organ_code=DEMO_MARKER).exists())


def load_demo(*, stdout: Any) -> Demo:
    """Build the demo (call inside a transaction, once: see ``demo_loaded``)."""
    areas.import_if_available(stdout)
    demo = Demo(staffing=Staffing(posts=ensure_positions()))
    build_2005(demo)
    build_2008_to_2024(demo)
    build_mergers_2025(demo)
    build_reform_2025(demo)
    create_users(demo)
    return demo


def print_logins(stdout: Any) -> None:
    stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for user in DEMO_USERS:
        role = "Người dân" if user.role is None else str(Role(user.role).label)
        stdout.write(f"  {user.username:<20} {role:<30} {user.unit_label}")
