"""Forms of the outgoing screens and the search page. Forms only parse input and offer the
choices a user may make; the actions decide (their refusals come back through
``add_action_error`` and show in the GOV.UK error summary, linked to the field)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from egov.documents import access, queries, queries_search
from egov.documents import constants as c
from egov.documents.actions.issuing import RecipientSpec
from egov.documents.actions.outgoing import agency_of
from egov.documents.choices import (
    IncomingStatus,
    OutgoingStatus,
    RecipientKind,
    RecipientStatus,
    ReviewDecision,
    Secrecy,
    Urgency,
)
from egov.documents.fields import MultipleFileField
from egov.documents.models import DocumentType, IncomingDocument, OutgoingDocument, Recipient
from egov.lib.errors import ActionError
from egov.organisations.forms import ErrorSummaryMixin, UnitChoiceField
from egov.organisations.models import OrgUnit

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

#: How many reviewers the drafter may line up before the signer.
REVIEWER_SLOTS = 3

#: What the file inputs offer in the browser's picker (the server checks the bytes anyway).


def _date_field(label: Any, *, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _("Ngày không hợp lệ; hãy nhập đủ ngày, tháng, năm, ví dụ 01/07/2025.")
        },
    )


def _reason_field(label: Any, required_message: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": required_message},
    )


class ActionErrorFieldsMixin(ErrorSummaryMixin):
    """Maps the field names an action reports onto this form's inputs."""

    action_fields: dict[str, str] = {}

    def add_action_error(self, error: ActionError) -> None:
        form: Any = self
        field = self.action_fields.get(error.field or "", error.field)
        form.add_error(field if field in form.fields else None, error)


# --- Files ---------------------------------------------------------------------------------


def _lines_field(label: Any, help_text: Any, *, rows: int = 2) -> forms.CharField:
    """An optional text area read one entry per line."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


def _files_field() -> MultipleFileField:
    return MultipleFileField(
        label=_("Tệp dự thảo"),
        # Formatted when rendered, in the reader's language (not once, at import).
        help_text=lazy(
            lambda: (
                gettext(
                    "Chọn một hoặc nhiều tệp; tệp đầu tiên là văn bản chính. Nhận PDF, DOC, DOCX, "
                    "ODT, XLS, XLSX, PNG, JPEG, TIFF; mỗi tệp tối đa %(mb)s MB."
                )
                % {"mb": c.MAX_FILE_BYTES // (1024 * 1024)}
            ),
            str,
        )(),
        error_messages={"required": _("Hãy đính kèm tệp dự thảo.")},
    )


# --- New draft -----------------------------------------------------------------------------


class IncomingChoiceField(forms.ModelChoiceField[IncomingDocument]):
    """Offers the incoming documents the user is handling; accepts any they may see."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.accepted: Any = IncomingDocument.objects.none()

    def label_from_instance(self, obj: IncomingDocument) -> str:
        number = obj.number_and_notation or gettext("không số")
        return gettext("Số đến %(arrival)s/%(year)s — %(number)s — %(subject)s") % {
            "arrival": obj.arrival_number,
            "year": obj.year,
            "number": number,
            "subject": obj.subject[:100],
        }

    def to_python(self, value: Any) -> IncomingDocument | None:
        if value in self.empty_values:
            return None
        try:
            document: IncomingDocument = self.accepted.get(pk=int(value))
        except (ValueError, TypeError, IncomingDocument.DoesNotExist) as exc:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from exc
        return document


class DraftForm(ActionErrorFieldsMixin, forms.Form):
    """A new draft (văn bản đi), version 1 with its files; or, with ``replaces``, the draft
    of a document that replaces or corrects an issued one."""

    action_fields = {"replaces": "", "files": "draft_files"}

    drafting_unit = UnitChoiceField(
        label=_("Đơn vị soạn thảo"),
        queryset=OrgUnit.objects.none(),
        error_messages={
            "required": _("Chọn đơn vị soạn thảo."),
            "invalid_choice": _("Bạn không công tác tại đơn vị đã chọn."),
        },
    )
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.filter(active=True),
        empty_label=_("— Chọn loại văn bản —"),
        error_messages={
            "required": _("Chọn loại văn bản."),
            "invalid_choice": _("Loại văn bản đã chọn không còn được dùng."),
        },
    )
    is_legal = forms.BooleanField(label=_("Là văn bản quy phạm pháp luật"), required=False)
    subject = forms.CharField(
        label=_("Trích yếu nội dung"),
        max_length=c.SUBJECT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Trích yếu không được để trống."),
            "max_length": _("Trích yếu tối đa %(limit_value)d ký tự (đang có %(show_value)d)."),
        },
    )
    urgency = forms.TypedChoiceField(
        label=_("Độ khẩn"), choices=Urgency.choices, coerce=int, initial=Urgency.NORMAL
    )
    secrecy = forms.TypedChoiceField(
        label=_("Độ mật"), choices=Secrecy.choices, coerce=int, initial=Secrecy.NONE
    )
    due_date = _date_field(
        _("Hạn trả lời"), help_text=_("Để trống nếu văn bản không yêu cầu nơi nhận trả lời.")
    )
    in_reply_to = IncomingChoiceField(
        label=_("Trả lời văn bản đến"),
        queryset=IncomingDocument.objects.none(),
        required=False,
        empty_label=_("— Không trả lời văn bản đến nào —"),
        help_text=_("Những văn bản đến bạn đang xử lý."),
        error_messages={"invalid_choice": _("Không tìm thấy văn bản đến đã chọn.")},
    )
    draft_files = _files_field()
    change_reason = _reason_field(
        _("Lý do thay thế, đính chính"), _("Hãy ghi lý do thay thế, đính chính.")
    )

    def __init__(
        self,
        *args: Any,
        actor: Any,
        replaces: OutgoingDocument | None = None,
        reply_to: IncomingDocument | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.replaces = replaces
        units = queries_search.drafting_units_for(actor)
        if replaces is not None:
            units = [u for u in units if agency_of(u).pk == replaces.unit_id]
        self.units = units
        unit_field: Any = self.fields["drafting_unit"]
        unit_field.queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units]).order_by("path")
        if len(units) == 1:
            unit_field.empty_label = None
        else:
            unit_field.empty_label = _("— Chọn đơn vị —")
        legal_types = DocumentType.objects.filter(active=True, can_be_legal=True)
        #: Types that may be legal-normative: the page hides the checkbox for the others.
        self.legal_type_ids = [t.pk for t in legal_types]
        legal_names = ", ".join(t.name for t in legal_types)
        self.fields["is_legal"].help_text = _(
            "Chỉ với các loại: %(types)s. Văn bản QPPL có sổ và số riêng, ký hiệu có năm."
        ) % {"types": legal_names}
        reply_field: Any = self.fields["in_reply_to"]
        visible = queries.incoming_visible_to(actor)
        reply_field.accepted = visible
        handling = list(
            queries.open_assignments_for(actor)
            .order_by("-document__arrived_at")
            .values_list("document_id", flat=True)[:50]
        )
        if reply_to is not None:
            handling.append(reply_to.pk)
        reply_field.queryset = visible.filter(pk__in=handling).order_by("-arrived_at")
        if replaces is None:
            del self.fields["change_reason"]

    @property
    def is_possible(self) -> bool:
        """Whether the user works anywhere they may draft (for this replacement)."""
        return bool(self.units)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        unit = data.get("drafting_unit")
        secrecy = data.get("secrecy") or 0
        if (
            unit is not None
            and secrecy
            and not access.can_see_secret(self.actor, agency_of(unit), secrecy)
        ):
            self.add_error(
                "secrecy",
                _(
                    "Bạn chưa được cấp quyền tiếp cận văn bản mật ở độ này tại cơ quan; "
                    "hãy chọn độ mật khác hoặc đề nghị cấp quyền."
                ),
            )
        return data


class VersionForm(ActionErrorFieldsMixin, forms.Form):
    action_fields = {"files": "draft_files"}

    draft_files = _files_field()
    note = forms.CharField(
        label=_("Nội dung thay đổi"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: đã sửa theo ý kiến của lãnh đạo phòng."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "version")
        super().__init__(*args, **kwargs)


# --- Review chain --------------------------------------------------------------------------


class SubmitForm(ActionErrorFieldsMixin, forms.Form):
    """The ordered chain: up to three people give an opinion in turn, then the signer."""

    action_fields = {"reviewers": "reviewer_1"}

    def __init__(
        self, *args: Any, document: OutgoingDocument, last_chain: list[int], **kwargs: Any
    ) -> None:
        kwargs.setdefault("prefix", "submit")
        super().__init__(*args, **kwargs)
        staff = queries_search.reviewer_candidates(document)
        self.labels = dict(staff)
        initial_reviewers = last_chain[:-1]
        for index in range(1, REVIEWER_SLOTS + 1):
            self.fields[f"reviewer_{index}"] = forms.TypedChoiceField(
                label=gettext("Người cho ý kiến thứ %(n)s") % {"n": index},
                choices=[("", gettext("— Không chọn —")), *staff],
                coerce=int,
                required=False,
                empty_value=None,
                initial=initial_reviewers[index - 1] if len(initial_reviewers) >= index else None,
                error_messages={"invalid_choice": _("Người đã chọn không thuộc cơ quan.")},
            )
        self.fields["reviewer_1"].help_text = _(
            "Dự thảo đi lần lượt qua từng người theo thứ tự, rồi đến người ký. "
            "Ví dụ: lãnh đạo phòng, rồi lãnh đạo cơ quan ký."
        )
        signers = queries_search.signer_candidates(document)
        self.signers = {u.pk: u for u in signers}
        self.fields["signer"] = forms.TypedChoiceField(
            label=_("Người ký"),
            choices=[("", gettext("— Chọn người ký —"))]
            + [(u.pk, self.labels.get(u.pk, u.get_full_name())) for u in signers],
            coerce=int,
            empty_value=None,
            initial=last_chain[-1] if last_chain else None,
            help_text=_("Lãnh đạo cơ quan hoặc lãnh đạo đơn vị soạn thảo."),
            error_messages={
                "required": _("Hãy chọn người ký."),
                "invalid_choice": _("Người ký phải là lãnh đạo của cơ quan hoặc đơn vị soạn thảo."),
            },
        )

    def chain_ids(self) -> tuple[list[int], int]:
        reviewers = [
            self.cleaned_data[f"reviewer_{i}"]
            for i in range(1, REVIEWER_SLOTS + 1)
            if self.cleaned_data.get(f"reviewer_{i}")
        ]
        return reviewers, int(self.cleaned_data["signer"])


class ReviewForm(ActionErrorFieldsMixin, forms.Form):
    """The reviewer's turn: approve, return with a comment, or ask someone else first."""

    decision = forms.ChoiceField(
        label=_("Ý kiến của bạn"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Chọn đồng ý, trả lại hoặc xin ý kiến người khác.")},
    )
    comment = forms.CharField(
        label=_("Ý kiến"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi trả lại dự thảo."),
    )

    def __init__(
        self, *args: Any, document: OutgoingDocument, actor: Any, is_signer: bool, **kwargs: Any
    ) -> None:
        kwargs.setdefault("prefix", "review")
        super().__init__(*args, **kwargs)
        approve = _("Đồng ý, duyệt ký ban hành") if is_signer else _("Đồng ý, chuyển bước sau")
        decision: Any = self.fields["decision"]
        decision.choices = [
            (ReviewDecision.APPROVED, approve),
            (ReviewDecision.RETURNED, _("Trả lại người soạn thảo để sửa")),
            (ReviewDecision.FORWARDED, _("Xin ý kiến người khác trước")),
        ]
        others = [
            (pk, label)
            for pk, label in queries_search.reviewer_candidates(document)
            if pk != actor.pk
        ]
        self.fields["forward_to"] = forms.TypedChoiceField(
            label=_("Xin ý kiến của"),
            choices=[("", gettext("— Chọn cán bộ —")), *others],
            coerce=int,
            required=False,
            empty_value=None,
            help_text=_("Chỉ cần khi xin ý kiến người khác; sau họ, dự thảo trở lại bạn."),
            error_messages={
                "invalid_choice": _(
                    "Hãy chọn người khác để xin ý kiến (không phải bạn hay người soạn thảo)."
                )
            },
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        forwarding = data.get("decision") == ReviewDecision.FORWARDED
        if forwarding and not data.get("forward_to") and "forward_to" not in self.errors:
            self.add_error("forward_to", _("Hãy chọn người cần xin ý kiến."))
        return data


# --- Issue, recall, cancel -----------------------------------------------------------------


class UnitCheckboxes(forms.ModelMultipleChoiceField[OrgUnit]):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.name


class IssueForm(ActionErrorFieldsMixin, forms.Form):
    """Where the document goes: units in the system, other organs by their code, e-mail
    addresses, and post. The document type's delivery rule decides electronic or paper."""

    action_fields = {"recipients": "units"}

    units = UnitCheckboxes(
        label=_("Đơn vị trong hệ thống"),
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Đơn vị đã chọn không còn hoạt động.")},
    )
    organs = _lines_field(
        _("Cơ quan khác, theo mã định danh"),
        _("Mỗi dòng một cơ quan: mã định danh rồi tên, ví dụ: 000.00.00.G09 Bộ Nội vụ"),
        rows=3,
    )
    emails = _lines_field(_("Địa chỉ thư điện tử"), _("Mỗi dòng một địa chỉ."))
    posts = _lines_field(
        _("Gửi bản giấy qua bưu chính"), _("Mỗi dòng một nơi nhận: tên và địa chỉ.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "issue")
        super().__init__(*args, **kwargs)
        units: Any = self.fields["units"]
        units.queryset = OrgUnit.objects.current().order_by("path")

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def clean_emails(self) -> list[str]:
        addresses = self._lines(self.cleaned_data.get("emails", ""))
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                wrong.append(address)
        if wrong:
            raise ValidationError(
                _("Địa chỉ thư không hợp lệ: %(list)s.") % {"list": ", ".join(wrong)},
                code="email_invalid",
            )
        return addresses

    def clean_organs(self) -> list[tuple[str, str]]:
        organs = []
        for line in self._lines(self.cleaned_data.get("organs", "")):
            code, _sep, name = line.partition(" ")
            organs.append((code.strip(), name.strip(" ;:-–")))
        return organs

    def clean_posts(self) -> list[str]:
        return self._lines(self.cleaned_data.get("posts", ""))

    def recipient_specs(self) -> list[RecipientSpec]:
        data = self.cleaned_data
        specs = [RecipientSpec(kind=RecipientKind.INTERNAL, unit=u) for u in data["units"]]
        specs += [
            RecipientSpec(kind=RecipientKind.ORGAN, organ_code=code, name=name or code)
            for code, name in data["organs"]
        ]
        specs += [RecipientSpec(kind=RecipientKind.EMAIL, email=e, name=e) for e in data["emails"]]
        specs += [RecipientSpec(kind=RecipientKind.POST, name=name) for name in data["posts"]]
        return specs


class RecipientCheckboxes(forms.ModelMultipleChoiceField[Recipient]):
    def label_from_instance(self, obj: Recipient) -> str:
        return f"{obj.name} ({obj.get_status_display()})"


class DistributionForm(IssueForm):
    """Change where an issued document goes: new recipients as on issuing, recipients to
    withdraw, and why (the edXML update, BussinessDocType 2)."""

    action_fields = {"add": "units", "remove": "remove", "reason": "reason"}

    remove = RecipientCheckboxes(
        label=_("Rút khỏi nơi nhận"),
        queryset=Recipient.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Nơi nhận đã chọn không còn trong danh sách.")},
    )
    reason = _reason_field(_("Lý do cập nhật nơi nhận"), _("Hãy ghi lý do cập nhật nơi nhận."))

    def __init__(self, *args: Any, document: OutgoingDocument, **kwargs: Any) -> None:
        kwargs["prefix"] = "distribution"
        super().__init__(*args, **kwargs)
        remove: Any = self.fields["remove"]
        remove.queryset = document.recipients.exclude(status=RecipientStatus.REMOVED)


class ReasonForm(ErrorSummaryMixin, forms.Form):
    """A reason, for a recall (thu hồi) or for cancelling a draft."""

    def __init__(self, *args: Any, label: Any, required_message: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"] = _reason_field(label, required_message)


def recall_form(*args: Any) -> ReasonForm:
    return ReasonForm(
        *args,
        prefix="recall",
        label=_("Lý do thu hồi"),
        required_message=_("Hãy ghi lý do thu hồi."),
    )


def cancel_form(*args: Any) -> ReasonForm:
    return ReasonForm(
        *args,
        prefix="cancel",
        label=_("Lý do hủy dự thảo"),
        required_message=_("Hãy ghi lý do hủy dự thảo."),
    )


# --- Lists and search ----------------------------------------------------------------------


def _optional_int_choices(choices: list[tuple[int, Any]], empty: Any) -> list[tuple[Any, Any]]:
    return [("", empty), *choices]


class OutgoingFilterForm(forms.Form):
    """Filters of the outgoing list (GET); a value that does not parse is ignored and said."""

    q = forms.CharField(label=_("Tìm trong trích yếu, số, ký hiệu"), required=False, max_length=200)
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.filter(active=True),
        required=False,
        empty_label=_("Tất cả"),
    )
    urgency = forms.TypedChoiceField(
        label=_("Độ khẩn"),
        choices=_optional_int_choices(Urgency.choices, _("Tất cả")),
        coerce=int,
        required=False,
        empty_value=None,
    )
    date_from = _date_field(_("Ban hành từ ngày"))
    date_to = _date_field(_("Đến ngày"))
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[
            ("-updated_at", _("Mới cập nhật")),
            ("-issued_at", _("Mới ban hành")),
            ("number", _("Theo số")),
        ],
    )

    def filters(self) -> tuple[queries.OutgoingFilters, int | None]:
        data = self.cleaned_data if self.is_bound else {}
        document_type = data.get("document_type")
        filters = queries.OutgoingFilters(
            text=data.get("q") or "",
            document_type_id=document_type.pk if document_type else None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or "-updated_at",
        )
        return filters, data.get("urgency")


def _status_choices() -> list[tuple[str, Any]]:
    return [
        ("", _("Tất cả")),
        (str(_("Văn bản đến")), [(s.value, s.label) for s in IncomingStatus]),
        (str(_("Văn bản đi")), [(s.value, s.label) for s in OutgoingStatus]),
    ]


class SearchForm(forms.Form):
    """The search page (GET): one box, then every metadata field, sort and columns."""

    q = forms.CharField(
        label=_("Từ khóa"),
        required=False,
        max_length=200,
        help_text=_(
            "Gõ có dấu hay không dấu đều được, ví dụ “quyet dinh ubnd”. Tìm trong trích yếu, "
            "số, ký hiệu, cơ quan, người ký và nội dung tệp đính kèm."
        ),
    )
    kind = forms.ChoiceField(
        label=_("Loại"), required=False, choices=list(queries_search.KINDS.items())
    )
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.all(),
        required=False,
        empty_label=_("Tất cả"),
    )
    number = forms.CharField(label=_("Số, ký hiệu"), required=False, max_length=60)
    party = forms.CharField(
        label=_("Cơ quan ban hành, nơi nhận"),
        required=False,
        max_length=200,
        help_text=_("Văn bản đến: cơ quan ban hành; văn bản đi: nơi nhận, đơn vị soạn thảo."),
    )
    signer = forms.CharField(label=_("Người ký"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    urgency = forms.TypedChoiceField(
        label=_("Độ khẩn"),
        choices=_optional_int_choices(Urgency.choices, _("Tất cả")),
        coerce=int,
        required=False,
        empty_value=None,
    )
    secrecy = forms.TypedChoiceField(
        label=_("Độ mật"),
        choices=_optional_int_choices(Secrecy.choices, _("Tất cả")),
        coerce=int,
        required=False,
        empty_value=None,
    )
    date_from = _date_field(
        _("Từ ngày"), help_text=_("Ngày đến (văn bản đến) hoặc ngày ban hành (văn bản đi).")
    )
    date_to = _date_field(_("Đến ngày"))
    sort = forms.ChoiceField(
        label=_("Sắp xếp"), required=False, choices=list(queries_search.SORTS.items())
    )
    cols = forms.MultipleChoiceField(
        label=_("Cột hiển thị và xuất ra tệp"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        status: Any = self.fields["status"]
        status.choices = _status_choices()
        kind = self.data.get("kind") if self.is_bound else None
        columns = queries_search.COLUMNS.get(kind or "", queries_search.COLUMNS["incoming"])
        cols: Any = self.fields["cols"]
        cols.choices = [(column.key, column.label) for column in columns]

    def criteria(self) -> queries_search.SearchCriteria:
        data = self.cleaned_data if self.is_bound else {}
        document_type = data.get("document_type")
        kind = data.get("kind") or queries_search.INCOMING
        if kind not in queries_search.KINDS:
            kind = queries_search.INCOMING
        sort = data.get("sort") or ("relevance" if data.get("q") else "newest")
        return queries_search.SearchCriteria(
            text=data.get("q") or "",
            kind=kind,
            document_type_id=document_type.pk if document_type else None,
            urgency=data.get("urgency"),
            secrecy=data.get("secrecy"),
            status=data.get("status") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            number=(data.get("number") or "").strip(),
            party=(data.get("party") or "").strip(),
            signer=(data.get("signer") or "").strip(),
            sort=sort,
        )

    def chosen_columns(self) -> list[str]:
        data = self.cleaned_data if self.is_bound else {}
        return list(data.get("cols") or [])

    def has_criteria(self) -> bool:
        data = self.cleaned_data if self.is_bound else {}
        ignored = {"kind", "sort", "cols"}
        return any(value not in (None, "", []) for key, value in data.items() if key not in ignored)


class SaveSearchForm(ErrorSummaryMixin, forms.Form):
    name = forms.CharField(
        label=_("Tên gợi nhớ"),
        max_length=100,
        error_messages={"required": _("Hãy đặt tên cho điều kiện tìm kiếm.")},
    )
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "save")
        super().__init__(*args, **kwargs)
