"""Legal normative documents of the province, with the national database's metadata."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from egov.gazette import constants as c
from egov.gazette.choices import DocState, DocType, LegalField, RelationKind, Validity


class LegalDocument(models.Model):
    """A legal normative document (văn bản quy phạm pháp luật) of a local issuing body, with
    the metadata of vbpl.vn ("Thuộc tính"), its full text and its signed PDF.

    Entered as a draft by the issuing body's clerks or the gazette's editors; visible to the
    public once published (:func:`egov.gazette.actions.documents.publish_document`). Its
    validity on a day is computed from its dates and the relations pointing at it
    (:mod:`egov.gazette.validity`) unless an override with its reason says otherwise."""

    issuer = models.ForeignKey(
        "organisations.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan ban hành"),
    )
    issuer_name = models.CharField(_("tên cơ quan ban hành"), max_length=c.NAME_MAX)
    doc_type = models.CharField(_("loại văn bản"), max_length=20, choices=DocType.choices)
    code = models.CharField(_("số ký hiệu"), max_length=c.CODE_MAX)
    code_key = models.CharField(max_length=c.CODE_MAX, editable=False)
    number = models.PositiveIntegerField(_("số"))
    year = models.PositiveSmallIntegerField(_("năm ban hành"))
    title = models.TextField(_("trích yếu"), max_length=c.TITLE_MAX)
    signer_title = models.CharField(_("chức danh người ký"), max_length=c.NAME_MAX)
    signer_name = models.CharField(_("người ký"), max_length=c.NAME_MAX)
    issue_date = models.DateField(_("ngày ban hành"))
    effective_date = models.DateField(_("ngày có hiệu lực"))
    expiry_date = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    fields = ArrayField(
        models.CharField(max_length=30, choices=LegalField.choices),
        verbose_name=_("lĩnh vực"),
        default=list,
        blank=True,
    )
    scope = models.CharField(_("phạm vi"), max_length=c.SCOPE_MAX, blank=True)
    applicability = models.TextField(_("thông tin áp dụng"), blank=True)
    source = models.CharField(_("nguồn thu thập"), max_length=c.NAME_MAX, blank=True)
    body_text = models.TextField(_("toàn văn"), blank=True)
    signed_pdf = models.ForeignKey(
        "documents.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("văn bản gốc (PDF có chữ ký)"),
    )
    pdf_name = models.CharField(max_length=255, blank=True)
    signature_outcome = models.CharField(max_length=20, blank=True)
    signature_summary = models.TextField(blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=DocState.choices, default=DocState.DRAFT
    )
    published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True)
    override_status = models.CharField(
        _("tình trạng hiệu lực xác định thủ công"),
        max_length=20,
        choices=Validity.choices,
        blank=True,
    )
    override_from = models.DateField(null=True, blank=True)
    override_reason = models.TextField(blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    override_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    #: The folded (no diacritics, lower case) text of the metadata and the full text.
    search_text = models.TextField(editable=False, default="")
    search_vector = models.GeneratedField(
        expression=SearchVector("search_text", config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("văn bản quy phạm pháp luật")
        verbose_name_plural = _("văn bản quy phạm pháp luật")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "code_key"], name="gazette_code_unique_per_issuer_year"
            ),
            models.CheckConstraint(
                condition=Q(effective_date__gte=F("issue_date")),
                name="gazette_effective_not_before_issue",
            ),
            models.CheckConstraint(
                condition=Q(expiry_date__isnull=True) | Q(expiry_date__gt=F("effective_date")),
                name="gazette_expiry_after_effect",
            ),
            models.CheckConstraint(
                condition=Q(override_status="") | Q(override_from__isnull=False),
                name="gazette_override_has_start",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="gazette_search"),
            GinIndex(OpClass(F("code_key"), name="gin_trgm_ops"), name="gazette_code_trgm"),
            GinIndex(fields=["fields"], name="gazette_fields"),
            models.Index(fields=["state", "-issue_date"], name="gazette_state_issued"),
            models.Index(fields=["effective_date"], name="gazette_effective"),
            models.Index(fields=["expiry_date"], name="gazette_expiry"),
            models.Index(fields=["updated_at"], name="gazette_updated"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_published(self) -> bool:
        return self.state == DocState.PUBLISHED


class Relation(models.Model):
    """A typed, directed relation: ``source`` ``kind`` ``target`` ("A sửa đổi B"). The target
    is a document of this database, or, for grounds and guidance, a document named by text
    (a law, a decree) that the province's database does not hold."""

    source = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="relations")
    target = models.ForeignKey(
        LegalDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incoming_relations",
    )
    target_label = models.CharField(_("văn bản ngoài cơ sở dữ liệu"), max_length=500, blank=True)
    kind = models.CharField(_("quan hệ"), max_length=20, choices=RelationKind.choices)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    #: Copies of the source's publication and effective date, kept by the actions that
    #: change them: the validity of every row of a list is read from this table alone.
    source_published = models.BooleanField(default=False)
    source_effective = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quan hệ giữa văn bản")
        verbose_name_plural = _("quan hệ giữa văn bản")
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=F("target")), name="gazette_relation_not_to_itself"
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=False) | ~Q(target_label=""),
                name="gazette_relation_has_target",
            ),
            models.UniqueConstraint(
                fields=["source", "target", "kind"],
                condition=Q(target__isnull=False),
                name="gazette_relation_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["target", "kind", "source_effective"],
                condition=Q(source_published=True),
                name="gazette_relation_acting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_id} {self.kind} {self.target_id or self.target_label}"


class DocumentTransition(models.Model):
    """One change of a document's state or of its validity override (from, to, who, when,
    why): the document's history page is read from these rows."""

    document = models.ForeignKey(
        LegalDocument, on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(max_length=30, blank=True)
    to_state = models.CharField(max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.from_state} → {self.to_state}"
