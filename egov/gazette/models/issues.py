"""Gazette issues (số công báo) and the documents each carries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.gazette.choices import IssueState
from egov.gazette.models.documents import LegalDocument


class GazetteIssue(models.Model):
    """One issue of the province's gazette (Công báo tỉnh): its number in the year, its date
    and the published documents it carries, in order, with their pages."""

    publisher = models.ForeignKey(
        "organisations.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan xuất bản"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số công báo"))
    date = models.DateField(_("ngày phát hành"))
    state = models.CharField(max_length=20, choices=IssueState.choices, default=IssueState.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    pdf = models.ForeignKey(
        "documents.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("số công báo")
        verbose_name_plural = _("số công báo")
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "year", "number"], name="gazette_issue_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.year}"


class GazetteEntry(models.Model):
    """A document in an issue. A document appears in one issue only."""

    issue = models.ForeignKey(GazetteIssue, on_delete=models.CASCADE, related_name="entries")
    document = models.OneToOneField(
        LegalDocument, on_delete=models.PROTECT, related_name="gazette_entry"
    )
    position = models.PositiveSmallIntegerField(default=0)
    page_from = models.PositiveIntegerField(null=True, blank=True)
    page_to = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.issue} · {self.document_id}"


class IssueTransition(models.Model):
    """One change of an issue's state."""

    issue = models.ForeignKey(GazetteIssue, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.issue_id}: {self.from_state} → {self.to_state}"
