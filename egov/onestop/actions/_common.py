"""What every dossier action shares: the transition row, the audit event, the e-mail."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.onestop import access
from egov.onestop.choices import Status
from egov.onestop.models import Dossier, Transition
from egov.organisations.models import OrgUnit

log = logging.getLogger(__name__)


def actor_name(user: Any) -> str:
    if user is None:
        return ""
    return str(getattr(user, "full_name", "") or getattr(user, "username", ""))


def lock(dossier: Dossier) -> Dossier:
    """The dossier re-read under a row lock: concurrent actions on it are serialised and
    each sees the state the previous one left."""
    return Dossier.objects.select_for_update().select_related("procedure").get(pk=dossier.pk)


def require_status(dossier: Dossier, allowed: tuple[str, ...], doing: str) -> None:
    if dossier.status not in allowed:
        raise ActionError(
            _(
                "Không thể %(doing)s: hồ sơ %(code)s đang ở trạng thái “%(status)s”. "
                "Chỉ làm được khi hồ sơ ở trạng thái: %(allowed)s."
            )
            % {
                "doing": doing,
                "code": dossier.code,
                "status": Status(dossier.status).label,
                "allowed": ", ".join(str(Status(s).label) for s in allowed),
            },
            code="out_of_order",
        )


def require_officer_at(actor: Any, unit: OrgUnit | None, dossier: Dossier) -> None:
    if not access.can_act_at(actor, unit):
        raise ActionError(
            _(
                "Anh/chị không phải cán bộ của %(unit)s, đơn vị đang giữ hồ sơ %(code)s, "
                "nên không thực hiện được thao tác này."
            )
            % {"unit": unit.name if unit else "—", "code": dossier.code},
            code="not_holder",
        )


def transition(
    dossier: Dossier,
    *,
    to: str,
    action: str,
    actor: Any,
    note: str = "",
    from_unit: OrgUnit | None = None,
    to_unit: OrgUnit | None = None,
    at: dt.datetime | None = None,
    from_status: str | None = None,
) -> Transition:
    row = Transition.objects.create(
        dossier=dossier,
        from_status=dossier.status if from_status is None else from_status,
        to_status=to,
        action=action,
        actor=actor,
        actor_name=actor_name(actor),
        from_unit=from_unit,
        to_unit=to_unit,
        at=at or timezone.now(),
        note=note,
    )
    dossier.status = to
    return row


def audit(name: str, actor: Any, dossier: Dossier, note: str = "") -> None:
    record(
        action=name,
        actor=actor,
        obj=dossier,
        object_repr=dossier.code,
        unit_id=dossier.receiving_unit_id,
        note=note,
    )


def lookup_url(dossier: Dossier) -> str:
    base = str(settings.SITE_URL)
    path = reverse("onestop_public:lookup_detail", args=[dossier.code])
    return f"{base.rstrip('/')}{path}?k={dossier.lookup_key}"


def notify(dossier: Dossier, subject: str, body: str) -> None:
    """E-mail the applicant after the transaction commits (when they gave an address)."""
    if not dossier.applicant_email:
        return
    recipient = dossier.applicant_email
    text = "\n\n".join(
        [
            body,
            _("Mã hồ sơ: %(code)s") % {"code": dossier.code},
            _("Theo dõi hồ sơ: %(url)s") % {"url": lookup_url(dossier)},
        ]
    )
    full_subject = f"[{dossier.code}] {subject}"

    def _send() -> None:
        try:
            send_mail(full_subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
        except OSError:  # the mail server is down: the dossier's change stands, logged
            log.exception("onestop: notification for %s not sent", dossier.code)

    transaction.on_commit(_send)


def require_officer_of(actor: Any, unit: OrgUnit) -> None:
    if not access.can_act_at(actor, unit):
        raise ActionError(
            _("Anh/chị không phải cán bộ của %(unit)s nên không tiếp nhận hồ sơ tại đây.")
            % {"unit": unit.name},
            code="not_officer_here",
            field="unit",
        )
