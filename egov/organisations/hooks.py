"""Where later parts follow the staff register without the registry importing them.

The mail part registers here when its app is ready; the staff actions call these inside
their transaction, so whatever a listener writes (a pending mailbox change, say) commits or
rolls back with the staff event itself. A listener raising aborts the staff action: it must
only raise for a broken invariant, never for a peer that is down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

#: ``(person, actor=, effective_date=)`` after a person is hired.
HireListener = Callable[..., None]
#: ``(hires, actor=)`` with ``hires`` a list of ``(person, effective_date)``: the set-based
#: form, called once per :func:`hiring_in_bulk` block (and with one hire outside one).
HiresListener = Callable[..., None]
#: ``(person, actor=, old_unit=, effective_date=)`` after a transfer or a change of post.
TransferListener = Callable[..., None]
#: ``(person, actor=, kind=, effective_date=)`` after a leave, retirement or resignation.
LeaveListener = Callable[..., None]
#: ``(person, actor=, effective_date=)`` after a return from leave.
ReturnListener = Callable[..., None]

_hire: list[HireListener] = []
_hires: list[HiresListener] = []
_bulk: ContextVar[list[tuple[Any, dt.date]] | None] = ContextVar("egov_bulk_hires", default=None)
_transfer: list[TransferListener] = []
_leave: list[LeaveListener] = []
_return: list[ReturnListener] = []


def on_hire(listener: HireListener) -> None:
    if listener not in _hire:
        _hire.append(listener)


def on_hires(listener: HiresListener) -> None:
    if listener not in _hires:
        _hires.append(listener)


def on_transfer(listener: TransferListener) -> None:
    if listener not in _transfer:
        _transfer.append(listener)


def on_leave(listener: LeaveListener) -> None:
    if listener not in _leave:
        _leave.append(listener)


def on_return(listener: ReturnListener) -> None:
    if listener not in _return:
        _return.append(listener)


def hired(person: Any, *, actor: Any, effective_date: dt.date) -> None:
    for listener in _hire:
        listener(person, actor=actor, effective_date=effective_date)
    pending = _bulk.get()
    if pending is not None:
        pending.append((person, effective_date))
        return
    for many in _hires:
        many([(person, effective_date)], actor=actor)


@contextmanager
def hiring_in_bulk(*, actor: Any) -> Iterator[None]:
    """Hires inside the block reach the set-based listeners once, together, when it ends
    without an exception (a staff import: one mailbox batch instead of one per row). Use it
    inside the transaction that hires."""
    pending: list[tuple[Any, dt.date]] = []
    token = _bulk.set(pending)
    try:
        yield
    finally:
        _bulk.reset(token)
    if pending:
        for many in _hires:
            many(pending, actor=actor)


def transferred(person: Any, *, actor: Any, old_unit: Any, effective_date: dt.date) -> None:
    for listener in _transfer:
        listener(person, actor=actor, old_unit=old_unit, effective_date=effective_date)


def left(person: Any, *, actor: Any, kind: str, effective_date: dt.date) -> None:
    for listener in _leave:
        listener(person, actor=actor, kind=kind, effective_date=effective_date)


def returned(person: Any, *, actor: Any, effective_date: dt.date) -> None:
    for listener in _return:
        listener(person, actor=actor, effective_date=effective_date)
