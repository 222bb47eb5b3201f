"""Who may use which key and sign what. Built on the e-office's predicates (the clerk and
leader scopes of ``egov.documents.access``) and the organisation policy."""

from __future__ import annotations

from typing import Any

from egov.documents import access as doc_access
from egov.documents.choices import OutgoingStatus
from egov.documents.models import OutgoingDocument
from egov.organisations import access as org_access
from egov.organisations.models import OrgUnit

get_outgoing_for_user = doc_access.get_outgoing_for_user
get_incoming_for_user = doc_access.get_incoming_for_user


def may_sign_as_signer(user: Any, document: OutgoingDocument) -> bool:
    """The signer the drafter chose, once they approved the text, before it is issued."""
    return (
        document.status == OutgoingStatus.APPROVED
        and document.signer_id is not None
        and document.signer_id == getattr(user, "pk", None)
    )


def may_seal(user: Any, document: OutgoingDocument) -> bool:
    """A clerk of the issuing agency, once the document has its number."""
    return document.status == OutgoingStatus.ISSUED and doc_access.is_clerk_of(user, document.unit)


def may_manage_unit_key(user: Any, unit: OrgUnit) -> bool:
    """The organisation's key is registered by an administrator of the unit or its clerk."""
    return org_access.can_manage_unit(user, unit) or doc_access.is_clerk_of(user, unit)
