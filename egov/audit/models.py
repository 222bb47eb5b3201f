"""The append-only, hash-chained audit log."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.audit import registry

GENESIS_HASH = "0" * 64


class AuditEvent(models.Model):
    """One write in the platform: who did what to which object, when, from where, with the
    values before and after. Rows are never updated or deleted (a database trigger refuses it);
    each row carries the hash of the previous one, so removing or editing a row breaks the
    chain, which ``manage.py audit_verify`` detects."""

    at = models.DateTimeField(_("thời điểm"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("tài khoản"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=100, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    #: The organisation unit the object belongs to, for scoping; a plain id, since the audit
    #: app sits below the organisation registry.
    unit_id = models.BigIntegerField(_("đơn vị"), null=True, blank=True, db_index=True)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)
    request_id = models.CharField(max_length=32, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("sự kiện kiểm toán")
        verbose_name_plural = _("nhật ký kiểm toán")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["actor", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor_label} {self.action} {self.object_repr}"

    @property
    def action_label(self) -> str:
        """The registered human label of the action (the code if it is no longer registered)."""
        return registry.label_for(self.action)

    def payload(self) -> dict[str, Any]:
        """The fields covered by the hash, in a stable form."""
        return {
            "at": self.at.isoformat(),
            "actor_id": self.actor_id,
            "actor_label": self.actor_label,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_repr": self.object_repr,
            "unit_id": self.unit_id,
            "before": self.before,
            "after": self.after,
            "note": self.note,
            "ip_address": self.ip_address,
        }

    def compute_hash(self) -> str:
        canonical = json.dumps(
            self.payload(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        return hashlib.sha256((self.prev_hash + canonical).encode("utf-8")).hexdigest()
