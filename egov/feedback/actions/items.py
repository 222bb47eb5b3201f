"""Receiving comments and questions: from the portal's form, from Open311 clients, from
citizens' e-mail. An anonymous visitor's item waits for the code sent to their e-mail
(``unverified``) and reaches the agency only once the code is entered; a logged-in citizen's,
a trusted client's and an e-mail's go straight to the agency chosen by the category's rule.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.feedback import audit_names, queries
from egov.feedback import constants as c
from egov.feedback.actions import abuse
from egov.feedback.actions._common import (
    actor_or_none,
    digest,
    lock,
    mail_after_commit,
    site_url,
    transition,
)
from egov.feedback.choices import Channel, Kind, State
from egov.feedback.models import Attachment, Category, Item
from egov.lib.errors import ActionError
from egov.lib.text import clean, nfc


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass
class Submitted:
    item: Item
    #: The private link's secret, shown once (the database keeps its hash only).
    tracking_token: str
    #: The e-mail code, when one was sent (tests read it here).
    code: str = ""
    files: list[str] = field(default_factory=list)


def tracking_path(token: str) -> str:
    return f"/phan-anh/theo-doi/{token}/"


def sniff(data: bytes) -> str:
    """The type the bytes are, whatever the name says."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    return ""


def check_uploads(uploads: list[Upload]) -> list[tuple[Upload, str]]:
    if len(uploads) > c.MAX_ATTACHMENTS:
        raise ActionError(
            _("Chỉ được đính kèm tối đa %(n)s tệp.") % {"n": c.MAX_ATTACHMENTS},
            code="too_many_files",
            field="attachments",
        )
    checked = []
    for upload in uploads:
        if len(upload.data) > c.MAX_ATTACHMENT_BYTES:
            raise ActionError(
                _("Tệp “%(name)s” lớn hơn %(mb)s MB.")
                % {"name": upload.name, "mb": c.MAX_ATTACHMENT_BYTES // (1024 * 1024)},
                code="file_too_large",
                field="attachments",
            )
        kind = sniff(upload.data)
        extensions = c.ALLOWED_TYPES.get(kind, ())
        if not kind or not upload.name.lower().endswith(extensions):
            raise ActionError(
                _("Tệp “%(name)s” không đúng định dạng; chỉ nhận ảnh JPG, PNG hoặc tệp PDF.")
                % {"name": upload.name},
                code="file_type",
                field="attachments",
            )
        checked.append((upload, kind))
    return checked


def _location(lat: Any, long: Any) -> tuple[Decimal | None, Decimal | None]:
    if lat in (None, "") and long in (None, ""):
        return None, None
    try:
        la, lo = Decimal(str(lat)), Decimal(str(long))
    except (InvalidOperation, ValueError):
        la = lo = Decimal("999")
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        raise ActionError(
            _("Vị trí không hợp lệ: cần cả vĩ độ (−90 đến 90) và kinh độ (−180 đến 180)."),
            code="location_invalid",
            field="lat",
        )
    return la.quantize(Decimal("0.000001")), lo.quantize(Decimal("0.000001"))


def _check_text(title: str, text: str) -> None:
    if not title:
        raise ActionError(_("Hãy nhập tiêu đề."), code="title_required", field="title")
    if len(title) > c.TITLE_MAX:
        raise ActionError(
            _("Tiêu đề dài tối đa %(n)s ký tự.") % {"n": c.TITLE_MAX},
            code="title_too_long",
            field="title",
        )
    if not text:
        raise ActionError(_("Hãy nhập nội dung."), code="text_required", field="text")
    if len(text) < c.TEXT_MIN:
        raise ActionError(
            _("Nội dung quá ngắn; hãy viết ít nhất %(n)s ký tự.") % {"n": c.TEXT_MIN},
            code="text_too_short",
            field="text",
        )
    if len(text) > c.TEXT_MAX:
        raise ActionError(
            _("Nội dung dài tối đa %(n)s ký tự (hiện có %(len)s).")
            % {"n": c.TEXT_MAX, "len": len(text)},
            code="text_too_long",
            field="text",
        )


def _check_email(email: str, *, required: bool) -> str:
    email = email.strip().lower()
    if not email:
        if required:
            raise ActionError(
                _("Hãy nhập địa chỉ thư điện tử để nhận mã xác minh và câu trả lời."),
                code="email_required",
                field="email",
            )
        return ""
    try:
        validate_email(email)
    except ValidationError:
        raise ActionError(
            _("Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@example.com."),
            code="email_invalid",
            field="email",
        ) from None
    return email


def _receive(item: Item, *, actor: Any, action: str, from_state: str, note: str = "") -> None:
    """Start the clock and put the item on its agency's queue."""
    before = from_state
    item.state = State.RECEIVED
    item.received_at = timezone.now()
    item.due_date = queries.due_date_for(item.category, item.received_at)
    item.code_hash = ""
    item.save(update_fields=["state", "received_at", "due_date", "code_hash"])
    transition(
        item,
        action=action,
        actor=actor,
        from_state=before,
        to_state=State.RECEIVED,
        to_agency=item.agency,
        note=note,
    )
    mail_after_commit(
        _("Đã tiếp nhận phản ánh %(code)s") % {"code": item.code},
        _("Phản ánh, kiến nghị “%(title)s” đã được chuyển đến %(agency)s. Hạn trả lời: %(due)s.\n")
        % {"title": item.title, "agency": item.agency.name, "due": f"{item.due_date:%d/%m/%Y}"},
        [item.asker_email],
    )


@transaction.atomic
def submit_item(
    *,
    kind: str,
    category: Category,
    title: str,
    text: str,
    name: str = "",
    email: str = "",
    phone: str = "",
    show_name: bool = False,
    address: str = "",
    area: str = "",
    lat: Any = None,
    long: Any = None,
    uploads: list[Upload] | None = None,
    user: Any = None,
    channel: str = Channel.WEB,
    trusted: bool = False,
    ip: str = "",
) -> Submitted:
    """Receive an item. ``user`` (a logged-in citizen) or ``trusted`` (an Open311 client
    with a key) puts it on the agency's queue at once; otherwise an e-mail is required and
    a six-digit code is sent to it. Refuses: an unknown kind, an inactive category, an
    empty, too short or too long title or text, a bad e-mail, a location out of range,
    more than three files, a file too large or of another type than JPG/PNG/PDF, and a
    sender over the rate limit (per IP and per e-mail). Nothing is saved on a refusal."""
    if kind not in Kind.values:
        raise ActionError(
            _("Hãy chọn loại: phản ánh hay câu hỏi."), code="kind_invalid", field="kind"
        )
    if not category.active:
        raise ActionError(
            _("Lĩnh vực này không còn tiếp nhận."), code="category_inactive", field="category"
        )
    title, text = clean(title), nfc(text).strip()
    _check_text(title, text)
    logged_in = getattr(user, "is_authenticated", False)
    if logged_in and not email:
        email = getattr(user, "email", "") or ""
        name = name or getattr(user, "full_name", "") or ""
    email = _check_email(email, required=not (logged_in or trusted))
    name, phone, area = clean(name)[: c.NAME_MAX], clean(phone)[: c.PHONE_MAX], clean(area)[:100]
    if show_name and not name:
        raise ActionError(
            _("Hãy nhập họ tên nếu đồng ý công khai họ tên."), code="name_required", field="name"
        )
    lat_value, long_value = _location(lat, long)
    checked = check_uploads(uploads or [])
    abuse.check_rate(ip=ip, email=email)
    token = secrets.token_urlsafe(24)
    code = f"{secrets.randbelow(1_000_000):06d}"
    direct = bool(logged_in or trusted)
    item = Item.objects.create(
        kind=kind,
        channel=channel,
        state=State.UNVERIFIED,
        category=category,
        agency=category.agency,
        title=title,
        text=text,
        address=clean(address)[: c.ADDRESS_MAX],
        area=area,
        lat=lat_value,
        long=long_value,
        asker_name=name,
        asker_email=email,
        asker_phone=phone,
        asker_user=user if logged_in else None,
        show_name=show_name,
        tracking_hash=digest(token),
        code_hash="" if direct else digest(f"{code}"),
        code_expires_at=None
        if direct
        else timezone.now() + dt.timedelta(minutes=c.CODE_TTL_MINUTES),
    )
    names = []
    for upload, content_type in checked:
        sha = hashlib.sha256(upload.data).hexdigest()
        path = f"feedback/{sha[:2]}/{sha}"
        if not default_storage.exists(path):
            path = default_storage.save(path, ContentFile(upload.data))
        Attachment.objects.create(
            item=item,
            file=path,
            name=clean(upload.name)[:200],
            content_type=content_type,
            size=len(upload.data),
            sha256=sha,
        )
        names.append(upload.name)
    item.search_key = queries.search_key(item)
    item.save(update_fields=["search_key"])
    abuse.count(ip=ip, email=email)
    if direct:
        _receive(item, actor=user, action="submit", from_state="", note=category.name)
    else:
        transition(item, action="submit", actor=user, from_state="", to_state=item.state)
        mail_after_commit(
            _("Mã xác minh phản ánh: %(code)s") % {"code": code},
            _(
                "Mã xác minh của bạn là %(code)s (có hiệu lực %(minutes)s phút).\n"
                "Theo dõi phản ánh tại: %(link)s\n"
            )
            % {
                "code": code,
                "minutes": c.CODE_TTL_MINUTES,
                "link": site_url(tracking_path(token)),
            },
            [email],
        )
    record(
        action=audit_names.ITEM_SUBMIT,
        actor=actor_or_none(user),
        obj=item,
        unit_id=item.agency_id,
        after={
            "kind": kind,
            "channel": channel,
            "category": category.code,
            "state": item.state,
            "files": names,
        },
    )
    return Submitted(item, token, "" if direct else code, names)


def verify_item(*, item: Item, code: str) -> Item:
    """The asker enters the code sent to their e-mail: the item goes to its agency.
    Refuses a wrong code (five tries; a wrong try is counted even though it is refused),
    an expired one, an item already verified."""
    wrong = False
    with transaction.atomic():
        item = lock(item)
        if item.state != State.UNVERIFIED:
            raise ActionError(_("Phản ánh này đã được xác minh."), code="already_verified")
        if item.code_attempts >= c.CODE_MAX_ATTEMPTS:
            raise ActionError(
                _("Đã nhập sai mã quá %(n)s lần. Hãy gửi lại phản ánh.")
                % {"n": c.CODE_MAX_ATTEMPTS},
                code="too_many_attempts",
                field="code",
            )
        if item.code_expires_at is None or item.code_expires_at < timezone.now():
            raise ActionError(
                _("Mã xác minh đã hết hạn. Hãy gửi lại phản ánh."),
                code="code_expired",
                field="code",
            )
        if not secrets.compare_digest(digest(code.strip()), item.code_hash):
            Item.objects.filter(pk=item.pk).update(code_attempts=F("code_attempts") + 1)
            wrong = True
        else:
            _receive(
                item,
                actor=None,
                action="verify",
                from_state=State.UNVERIFIED,
                note=item.category.name,
            )
            record(
                action=audit_names.ITEM_VERIFY,
                actor=None,
                obj=item,
                unit_id=item.agency_id,
                after={"state": item.state, "due_date": item.due_date},
            )
    if wrong:
        raise ActionError(_("Mã xác minh không đúng."), code="code_wrong", field="code")
    return item


def receive_from_mail(
    *,
    source_ref: str,
    agency: Any,
    category: Category,
    from_address: str,
    from_name: str,
    subject: str,
    body: str,
) -> Item | None:
    """An e-mail from a citizen to an agency's official mailbox becomes an item of that
    agency (a reply to it reaches the sender). None when the message was taken already or
    its text is empty. Runs inside the caller's transaction."""
    if Item.objects.filter(source_ref=source_ref).exists():
        return None
    text = nfc(body).strip()[: c.TEXT_MAX]
    title = clean(subject)[: c.TITLE_MAX] or _("Thư của người dân")
    if not text:
        return None
    token = secrets.token_urlsafe(24)
    item = Item.objects.create(
        kind=Kind.COMMENT,
        channel=Channel.MAIL,
        state=State.UNVERIFIED,
        category=category,
        agency=agency,
        title=title,
        text=text,
        asker_name=clean(from_name)[: c.NAME_MAX],
        asker_email=from_address.strip().lower()[:254],
        tracking_hash=digest(token),
        source_ref=source_ref[:250],
    )
    item.search_key = queries.search_key(item)
    item.save(update_fields=["search_key"])
    _receive(item, actor=None, action="mail", from_state="", note=_("Nhận qua thư điện tử"))
    mail_after_commit(
        _("Theo dõi phản ánh %(code)s") % {"code": item.code},
        _("Theo dõi phản ánh của bạn tại: %(link)s\n") % {"link": site_url(tracking_path(token))},
        [item.asker_email],
    )
    record(
        action=audit_names.ITEM_FROM_MAIL,
        actor=None,
        obj=item,
        unit_id=item.agency_id,
        after={"source": source_ref, "state": item.state},
    )
    return item
