"""Who we exchange with: other installations (peers) and the agencies they serve (organs)."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


class Peer(models.Model):
    """Another installation. On a member, the hub it sends through; on the hub, each member
    that connects to it. A peer proves who it is with a bearer token (we keep its SHA-256)
    and signs its packages with a certificate chaining to a trusted root."""

    name = models.CharField(_("tên"), max_length=200)
    code = models.SlugField(_("mã hệ thống"), max_length=50, unique=True)
    base_url = models.URLField(_("địa chỉ"), blank=True)
    is_hub = models.BooleanField(_("là trục liên thông"), default=False)
    # What we present to it (only on a member, for its hub): from the environment in production.
    outbound_token = models.CharField(max_length=200, blank=True)
    # What it presents to us.
    inbound_token_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hệ thống liên thông")
        verbose_name_plural = _("hệ thống liên thông")
        constraints = [
            models.UniqueConstraint(
                fields=["is_hub"], condition=models.Q(is_hub=True), name="exchange_one_hub"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class Organ(models.Model):
    """An agency reachable through the exchange, by its organ code (mã định danh). Our own
    agencies are organisation units with an organ code and need no row here; a row is an
    agency of another installation: on the hub, registered by the member that serves it; on
    a member, synchronised from the hub's directory."""

    code = models.CharField(_("mã định danh"), max_length=35, unique=True)
    name = models.CharField(_("tên cơ quan"), max_length=255)
    parent_code = models.CharField(_("mã cơ quan cấp trên"), max_length=35, blank=True)
    email = models.EmailField(blank=True)
    peer = models.ForeignKey(
        Peer, null=True, blank=True, on_delete=models.PROTECT, related_name="organs"
    )
    active = models.BooleanField(_("đang kết nối"), default=True)
    # History: agencies merge, split and are renamed (2025); a code is never reused silently.
    valid_from = models.DateField(_("kết nối từ"), null=True, blank=True)
    valid_to = models.DateField(_("ngừng từ"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("thay bằng cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cơ quan liên thông")
        verbose_name_plural = _("cơ quan liên thông")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def successor(self) -> Organ:
        """The agency that carries this one's work today (itself if it is still active):
        follows ``replaced_by`` through successive reorganisations."""
        current, seen = self, {self.pk}
        while not current.active and current.replaced_by is not None:
            current = current.replaced_by
            if current.pk in seen:  # a cycle entered by hand: stop where we are
                break
            seen.add(current.pk)
        return current
