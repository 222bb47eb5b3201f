"""One step makes an information site for every agency of the registry: a Wagtail Site at
the agency's hostname, its page tree of required sections, its editors' and approvers'
groups with page and image permissions on that tree only, and the moderation workflow.
Running it again adds what is missing and changes nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from egov.audit.service import record
from egov.lib.dates import local_today
from egov.lib.errors import PermissionDenied
from egov.lib.text import fold
from egov.organisations import access as org_access
from egov.organisations.choices import Role
from egov.organisations.models import OrgUnit, RoleAssignment
from egov.portal import models as m
from egov.portal.choices import Section
from egov.portal.constants import SITE_UNIT_KINDS

#: (section, page class, slug); the order is the site's menu order (seed 003 mục I).
SECTION_PAGES: list[tuple[str, type[Any], str]] = [
    (Section.INTRODUCTION, m.IntroductionPage, "gioi-thieu"),
    (Section.ORGANISATION, m.OrganisationPage, "to-chuc"),
    (Section.FUNCTIONS, m.FunctionsPage, "chuc-nang-nhiem-vu"),
    (Section.PROCEDURES, m.ProceduresPage, "thu-tuc-hanh-chinh"),
    (Section.SCHEDULE, m.ScheduleIndexPage, "lich-cong-tac"),
    (Section.NEWS, m.NewsIndexPage, "tin-tuc"),
    (Section.FIGURES, m.FiguresPage, "kinh-te-xa-hoi"),
    (Section.DOCUMENTS, m.DocumentCountsPage, "cong-van-di-den"),
    (Section.CONTACT, m.ContactPage, "lien-he"),
]

#: Abbreviations every commune or council shares: never a site's name on their own.
GENERIC_ABBREVIATIONS = {"UBND", "HĐND", "HDND", "VP"}

#: Sections an editor has to fill before they can go live.
DRAFT_SECTIONS = {Section.INTRODUCTION, Section.FUNCTIONS}

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
APPROVER_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


@dataclass
class ProvisionResult:
    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)


def portal_hostname() -> str:
    return str(settings.EGOV_PORTAL_HOST)


def agency_hostname(unit: OrgUnit, slug: str) -> str:
    return unit.website_host or str(settings.EGOV_AGENCY_HOST_PATTERN).format(slug=slug)


def _slugs(units: list[OrgUnit]) -> dict[int, str]:
    """A short, unique, stable slug per unit: its abbreviation when no other unit has it,
    else its short name without diacritics."""
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.abbreviation.upper()] = counts.get(unit.abbreviation.upper(), 0) + 1
    slugs: dict[int, str] = {}
    taken: set[str] = set()
    for unit in units:
        abbreviation = unit.abbreviation.upper()
        unique = counts[abbreviation] == 1 and abbreviation not in GENERIC_ABBREVIATIONS
        candidate = slugify(fold(unit.abbreviation)) if unique else ""
        if not candidate:
            candidate = slugify(fold(unit.short_name or unit.name))[:50].strip("-")
        if candidate in taken or not candidate:
            candidate = f"{candidate or 'co-quan'}-{unit.pk}"
        taken.add(candidate)
        slugs[unit.pk] = candidate
    return slugs


def _ensure_wagtail_roots() -> None:
    """The locale, root page and root collection Wagtail's migrations make (a database
    emptied by a flush has none)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(
                title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)
            )
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(instance=Collection(name="Root"))


def ensure_portal() -> m.PortalHomePage:
    """The portal's home page and Site (the default site), Wagtail's welcome page gone."""
    portal = m.PortalHomePage.objects.first()
    if portal is None:
        _ensure_wagtail_roots()
        root = Page.get_first_root_node()
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()
        root = Page.objects.get(pk=root.pk)
        portal = root.add_child(
            instance=m.PortalHomePage(
                title=str(settings.WAGTAIL_SITE_NAME), slug="cong-thong-tin", live=True
            )
        )
        portal.add_child(
            instance=m.NewsIndexPage(title=_("Tin tức - Phổ biến pháp luật"), slug="tin-tuc")
        )
        portal.add_child(
            instance=m.ScheduleIndexPage(
                title=_("Lịch công tác của lãnh đạo tỉnh"), slug="lich-cong-tac"
            )
        )
    Site.objects.update_or_create(
        hostname=portal_hostname(),
        port=80,
        defaults={"root_page": portal, "is_default_site": True, "site_name": portal.title},
    )
    return cast(m.PortalHomePage, portal)


def _permissions(app_label: str, codenames: list[str]) -> list[Permission]:
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def _group(name: str, page: Any, codenames: list[str], collection: Collection) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
    for permission in _permissions("wagtailcore", codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for permission in _permissions("wagtailimages", IMAGE_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
    return group


def editors_group_name(slug: str) -> str:
    return f"Biên tập trang {slug}"


def approvers_group_name(slug: str) -> str:
    return f"Duyệt tin trang {slug}"


def _site_for(unit: OrgUnit, slug: str, portal: m.PortalHomePage, today: dt.date) -> Any:
    home = portal.add_child(
        instance=m.AgencyHomePage(
            title=unit.name, slug=slug, unit=unit, created_on=today, live=True
        )
    )
    for section, page_class, page_slug in SECTION_PAGES:
        home.add_child(
            instance=page_class(
                title=str(Section(section).label),
                slug=page_slug,
                live=section not in DRAFT_SECTIONS,
            )
        )
    return home


def _secure(home: Any, slug: str) -> None:
    root_collection = Collection.get_first_root_node()
    collection = Collection.objects.filter(name=home.unit.name[:255]).first()
    if collection is None:
        collection = root_collection.add_child(instance=Collection(name=home.unit.name[:255]))
    editors = _group(editors_group_name(slug), home, EDITOR_PAGE_PERMISSIONS, collection)
    approvers = _group(approvers_group_name(slug), home, APPROVER_PAGE_PERMISSIONS, collection)
    del editors
    if not WorkflowPage.objects.filter(page=home).exists():
        workflow = Workflow.objects.create(name=f"Duyệt tin {slug}"[:255])
        task = GroupApprovalTask.objects.create(name=f"Lãnh đạo duyệt — {slug}"[:255])
        task.groups.set([approvers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=home)


@transaction.atomic
def provision_sites(*, actor: Any, skip_access_check: bool = False) -> ProvisionResult:
    """Make the portal and one site per current agency of the registry (SITE_UNIT_KINDS),
    then bring the editors' groups in line with the roles. Idempotent.

    Preconditions: ``actor`` is a system administrator (or ``skip_access_check``)."""
    if not skip_access_check and not org_access.is_system_admin(actor):
        raise PermissionDenied
    today = local_today()
    portal = ensure_portal()
    units = list(OrgUnit.objects.filter(kind__in=SITE_UNIT_KINDS, valid_to__isnull=True))
    homes = {home.unit_id: home for home in m.AgencyHomePage.objects.all()}
    slugs = _slugs(units)
    result = ProvisionResult()
    for unit in units:
        home = homes.get(unit.pk)
        if home is None:
            home = _site_for(unit, slugs[unit.pk], portal, today)
            result.created.append(home.slug)
        else:
            result.existing.append(home.slug)
        _secure(home, home.slug)
        Site.objects.update_or_create(
            root_page=home,
            defaults={
                "hostname": agency_hostname(unit, home.slug),
                "port": 80,
                "site_name": unit.name,
            },
        )
    sync_editor_groups(actor=actor, skip_access_check=True)
    record(
        action="portal.sites_provisioned",
        actor=actor,
        object_type="portal.site",
        note=f"created={len(result.created)} existing={len(result.existing)}",
    )
    from egov.portal.actions.publishing import bump_cache_generation

    bump_cache_generation()
    return result


def _home_for_path(homes: list[Any], path: str) -> Any:
    best = None
    for home in homes:
        if path.startswith(home.unit.path) and (
            best is None or len(home.unit.path) > len(best.unit.path)
        ):
            best = home
    return best


@transaction.atomic
def sync_editor_groups(*, actor: Any, skip_access_check: bool = False) -> int:
    """Put every holder of a portal-editor role in the editors' group of the agency whose
    site covers the role's unit, every agency leader in its approvers' group, and take
    out anyone who no longer holds such a role. Returns the number of memberships."""
    if not skip_access_check and not org_access.is_system_admin(actor):
        raise PermissionDenied
    today = local_today()
    homes = list(m.AgencyHomePage.objects.select_related("unit"))
    groups = {g.name: g for g in Group.objects.filter(name__regex=r"^(Biên tập|Duyệt tin) trang ")}
    wanted: dict[int, set[int]] = {g.pk: set() for g in groups.values()}
    assignments = (
        RoleAssignment.objects.filter(
            role__in=[Role.PORTAL_EDITOR, Role.LEADER], valid_from__lte=today
        )
        .exclude(valid_to__lte=today)
        .select_related("unit")
    )
    for assignment in assignments:
        home = _home_for_path(homes, assignment.unit.path)
        if home is None:
            continue
        name = (
            editors_group_name(home.slug)
            if assignment.role == Role.PORTAL_EDITOR
            else approvers_group_name(home.slug)
        )
        if name in groups:
            wanted[groups[name].pk].add(assignment.user_id)
    total = 0
    for group in groups.values():
        members = set(group.user_set.values_list("pk", flat=True))
        target = wanted[group.pk]
        if members - target:
            group.user_set.remove(*(members - target))
        if target - members:
            group.user_set.add(*(target - members))
        total += len(target)
    return total
