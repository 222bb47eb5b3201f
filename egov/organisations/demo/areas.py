"""Administrative areas for the demo: imported from ../shared/fixtures when the folder is
there, else the units are created without area links; the list of An Giang's communes then
comes from the ``vietnam-provinces`` package."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from egov.organisations.choices import AreaLevel
from egov.organisations.models import AdminArea
from egov.organisations.reference import import_admin_areas
from egov.organisations.reference.plan import PRE_2025_FROM, REFORM_2025
from egov.organisations.reference.sources import split_type

FIXTURES_DIR = Path(settings.BASE_DIR).parent / "shared" / "fixtures" / "ktxh" / "vn_admin"
OLD_AN_GIANG = "89"
NEW_AN_GIANG = "91"


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    type_name: str
    area: AdminArea | None


def import_if_available(stdout: Any) -> bool:
    """Import the reference when the shared fixtures exist; True if areas are available."""
    if FIXTURES_DIR.is_dir():
        report = import_admin_areas(FIXTURES_DIR)
        stdout.write(
            f"Administrative units: {report.counts['provinces_2025']} provinces, "
            f"{report.counts['communes_2025']} communes (2025)."
        )
    else:
        stdout.write(f"No {FIXTURES_DIR}: units are created without administrative areas.")
    return AdminArea.objects.exists()


def province(code: str, valid_from: Any) -> AdminArea | None:
    return AdminArea.objects.filter(
        level=AreaLevel.PROVINCE, code=code, valid_from=valid_from
    ).first()


def old_district(name: str) -> AdminArea | None:
    return AdminArea.objects.filter(
        level=AreaLevel.DISTRICT,
        parent__code=OLD_AN_GIANG,
        valid_from=PRE_2025_FROM,
        name=name,
    ).first()


def new_communes() -> list[Commune]:
    """An Giang's communes from 1 July 2025, ordered by code."""
    areas = list(
        AdminArea.objects.filter(
            level=AreaLevel.COMMUNE, parent__code=NEW_AN_GIANG, valid_from=REFORM_2025
        ).order_by("code")
    )
    if areas:
        return [Commune(a.code, a.name, a.type_name, a) for a in areas]
    from vietnam_provinces import ProvinceCode, Ward

    communes = [
        Commune(f"{ward.code.value:05d}", *split_type(ward.name), None)
        for ward in Ward.iter_by_province(ProvinceCode(int(NEW_AN_GIANG)))
    ]
    return sorted(communes, key=lambda c: c.code)
