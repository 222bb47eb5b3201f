"""Where later parts plug into the e-office's actions without the e-office importing them.

The exchange part registers here when its app is ready; the e-office calls these inside the
action's transaction, so whatever a listener writes (an outbox row, say) commits or rolls
back with the change itself. A listener must not fail for reasons of its own: an error
raised here aborts the action, which is what we want for a broken invariant and never for a
peer that is down (that is the outbox's job).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

#: ``(document, recipients)`` after an outgoing document is issued (recipients just created).
IssueListener = Callable[[Any, Sequence[Any]], None]
#: ``(document, reason)`` after an issued document is recalled.
RecallListener = Callable[[Any, str], None]
#: ``(document, added recipients, removed recipients, reason)`` after the distribution of an
#: issued document changes (the edXML update, BussinessDocType 2).
DistributionListener = Callable[[Any, Sequence[Any], Sequence[Any], str], None]
#: ``(document, old status, new status)`` after an incoming document's status changes.
IncomingStatusListener = Callable[[Any, str, str], None]
#: ``(document, attachments)`` after files are attached to an incoming document, whatever the
#: channel (upload, exchange, mail): the signatures part verifies the signed PDFs here.
IncomingFilesListener = Callable[[Any, Sequence[Any]], None]

_issue: list[IssueListener] = []
_recall: list[RecallListener] = []
#: ``(document)`` → whether an issued document must wait before it leaves electronically:
#: the signatures part holds one its signer signed until the organisation's signature is on
#: it (Nghị định 30 Điều 5: both signatures make it valid).
DispatchGate = Callable[[Any], bool]
#: ``(document)`` when what held an issued document is done: it may leave now.
ReleaseListener = Callable[[Any], None]
_gates: list[DispatchGate] = []
_release: list[ReleaseListener] = []
_distribution: list[DistributionListener] = []
_incoming_status: list[IncomingStatusListener] = []
_incoming_files: list[IncomingFilesListener] = []


def on_issue(listener: IssueListener) -> None:
    if listener not in _issue:
        _issue.append(listener)


def on_recall(listener: RecallListener) -> None:
    if listener not in _recall:
        _recall.append(listener)


def on_dispatch_gate(gate: DispatchGate) -> None:
    if gate not in _gates:
        _gates.append(gate)


def on_release(listener: ReleaseListener) -> None:
    if listener not in _release:
        _release.append(listener)


def dispatch_held(document: Any) -> bool:
    return any(gate(document) for gate in _gates)


def released(document: Any) -> None:
    for listener in _release:
        listener(document)


def on_distribution(listener: DistributionListener) -> None:
    if listener not in _distribution:
        _distribution.append(listener)


def on_incoming_status(listener: IncomingStatusListener) -> None:
    if listener not in _incoming_status:
        _incoming_status.append(listener)


def on_incoming_files(listener: IncomingFilesListener) -> None:
    if listener not in _incoming_files:
        _incoming_files.append(listener)


def issued(document: Any, recipients: Sequence[Any]) -> None:
    for listener in _issue:
        listener(document, recipients)


def recalled(document: Any, reason: str) -> None:
    for listener in _recall:
        listener(document, reason)


def distribution_updated(
    document: Any, added: Sequence[Any], removed: Sequence[Any], reason: str
) -> None:
    for listener in _distribution:
        listener(document, added, removed, reason)


def incoming_status_changed(document: Any, old: str, new: str) -> None:
    for listener in _incoming_status:
        listener(document, old, new)


#: ``(request, kind, document)`` → HTML (rendered by the provider's own template, so escaped
#: there) or "": sections later parts add to a document's page ("incoming" or "outgoing"),
#: such as the case files the document sits in.
DocumentPanelProvider = Callable[[Any, str, Any], str]

_document_panels: list[DocumentPanelProvider] = []


def on_document_panel(provider: DocumentPanelProvider) -> None:
    if provider not in _document_panels:
        _document_panels.append(provider)


def document_panels(request: Any, kind: str, document: Any) -> list[str]:
    return [html for provider in _document_panels if (html := provider(request, kind, document))]


def incoming_files_added(document: Any, attachments: Sequence[Any]) -> None:
    for listener in _incoming_files:
        listener(document, attachments)


#: ``(assignment)`` after work is given to someone (presented to a leader, assigned, passed
#: on), inside the action's transaction: the mail part sends a notice the assignee can answer.
AssignListener = Callable[[Any], None]

_assigned: list[AssignListener] = []


def on_assign(listener: AssignListener) -> None:
    if listener not in _assigned:
        _assigned.append(listener)


def assigned(assignment: Any) -> None:
    for listener in _assigned:
        listener(assignment)


@dataclass(frozen=True)
class RowBadge:
    """A badge a later part adds to rows of the incoming list: shown on a row where
    ``condition()`` (a boolean expression over ``IncomingDocument`` rows, such as an
    ``Exists`` subquery) holds. The list annotates its page with it, so a badge costs no
    query of its own; the list renders ``label`` itself (escaped) with ``badge--<modifier>``."""

    name: str
    condition: Callable[[], Any]
    label: Any
    modifier: str


_incoming_row_badges: list[RowBadge] = []


def on_incoming_row_badge(badge: RowBadge) -> None:
    if all(b.name != badge.name for b in _incoming_row_badges):
        _incoming_row_badges.append(badge)


def incoming_row_badges() -> list[RowBadge]:
    return list(_incoming_row_badges)


@dataclass(frozen=True)
class RegistrationPrefill:
    """What a later part brings to the incoming registration form: values to pre-fill
    (``initial``), a note shown as the hint of each pre-filled field (``notes``, e.g. "suggested
    from the scan, confidence 92 %"), a banner above the form (HTML rendered by the provider's
    own template, so escaped there), and ``register``, called as ``register_incoming`` is
    (``actor=``, ``uploads=`` and the form's keyword arguments) to register the document with
    whatever files the provider holds (the signatures part: a scan and its OCR copy)."""

    initial: dict[str, Any]
    notes: dict[str, str]
    banner: str
    register: Callable[..., Any]


#: ``(request)`` → a ``RegistrationPrefill`` or None (the request is not about this provider).
RegistrationPrefillProvider = Callable[[Any], RegistrationPrefill | None]

_registration_prefills: list[RegistrationPrefillProvider] = []


def on_registration_prefill(provider: RegistrationPrefillProvider) -> None:
    if provider not in _registration_prefills:
        _registration_prefills.append(provider)


def registration_prefill(request: Any) -> RegistrationPrefill | None:
    for provider in _registration_prefills:
        if (prefill := provider(request)) is not None:
            return prefill
    return None
