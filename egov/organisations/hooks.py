"""Where later parts follow the staff register without the registry importing them.

The mail part registers here when its app is ready; the staff actions call these inside
their transaction, so whatever a listener writes (a pending mailbox change, say) commits or
rolls back with the staff event itself. A listener raising aborts the staff action: it must
only raise for a broken invariant, never for a peer that is down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

#: ``(person, actor=, effective_date=)`` after a person is hired.
HireListener = Callable[..., None]
#: ``(person, actor=, old_unit=, effective_date=)`` after a transfer or a change of post.
TransferListener = Callable[..., None]
#: ``(person, actor=, kind=, effective_date=)`` after a leave, retirement or resignation.
LeaveListener = Callable[..., None]
#: ``(person, actor=, effective_date=)`` after a return from leave.
ReturnListener = Callable[..., None]

_hire: list[HireListener] = []
_transfer: list[TransferListener] = []
_leave: list[LeaveListener] = []
_return: list[ReturnListener] = []


def on_hire(listener: HireListener) -> None:
    if listener not in _hire:
        _hire.append(listener)


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


def transferred(person: Any, *, actor: Any, old_unit: Any, effective_date: dt.date) -> None:
    for listener in _transfer:
        listener(person, actor=actor, old_unit=old_unit, effective_date=effective_date)


def left(person: Any, *, actor: Any, kind: str, effective_date: dt.date) -> None:
    for listener in _leave:
        listener(person, actor=actor, kind=kind, effective_date=effective_date)


def returned(person: Any, *, actor: Any, effective_date: dt.date) -> None:
    for listener in _return:
        listener(person, actor=actor, effective_date=effective_date)
