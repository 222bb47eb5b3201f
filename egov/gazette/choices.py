"""Vocabularies of the gazette: the types of local legal normative documents, their state,
validity statuses, relation kinds and fields (lĩnh vực), as the national database vbpl.vn
names them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocType(models.TextChoices):
    """The local types of legal normative documents (Luật Ban hành văn bản QPPL 2025,
    two-tier local government since 1 July 2025)."""

    NQ_HDND_TINH = "nq_hdnd_tinh", _("Nghị quyết của HĐND tỉnh")
    QD_UBND_TINH = "qd_ubnd_tinh", _("Quyết định của UBND tỉnh")
    NQ_HDND_XA = "nq_hdnd_xa", _("Nghị quyết của HĐND xã")
    QD_UBND_XA = "qd_ubnd_xa", _("Quyết định của UBND xã")


class DocState(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    PUBLISHED = "published", _("Đã đăng")


class Validity(models.TextChoices):
    """Tình trạng hiệu lực, in the order vbpl.vn lists them."""

    NOT_YET = "not_yet", _("Chưa có hiệu lực")
    IN_FORCE = "in_force", _("Còn hiệu lực")
    PARTLY_EXPIRED = "partly_expired", _("Hết hiệu lực một phần")
    EXPIRED = "expired", _("Hết hiệu lực toàn bộ")
    SUSPENDED = "suspended", _("Ngưng hiệu lực")


#: Statuses under which a document applies (wholly or in part) on a day.
APPLYING = frozenset({Validity.IN_FORCE, Validity.PARTLY_EXPIRED})


class RelationKind(models.TextChoices):
    """What the source document does to the target ("A sửa đổi B": source A, target B)."""

    BASED_ON = "based_on", _("Căn cứ")
    GUIDES = "guides", _("Hướng dẫn")
    AMENDS = "amends", _("Sửa đổi, bổ sung")
    REPLACES = "replaces", _("Thay thế")
    REPEALS = "repeals", _("Bãi bỏ toàn bộ")
    REPEALS_PART = "repeals_part", _("Bãi bỏ một phần")
    SUSPENDS = "suspends", _("Ngưng hiệu lực")


#: How a relation reads from its target's side ("B bị A sửa đổi").
INVERSE_LABELS = {
    RelationKind.BASED_ON: _("Là căn cứ của"),
    RelationKind.GUIDES: _("Được hướng dẫn bởi"),
    RelationKind.AMENDS: _("Bị sửa đổi, bổ sung bởi"),
    RelationKind.REPLACES: _("Bị thay thế bởi"),
    RelationKind.REPEALS: _("Bị bãi bỏ bởi"),
    RelationKind.REPEALS_PART: _("Bị bãi bỏ một phần bởi"),
    RelationKind.SUSPENDS: _("Bị ngưng hiệu lực bởi"),
}

#: Relations that end the whole target when the source takes effect.
ENDING = frozenset({RelationKind.REPLACES, RelationKind.REPEALS})
#: Relations that end part of the target.
PARTLY_ENDING = frozenset({RelationKind.AMENDS, RelationKind.REPEALS_PART})
#: Relations that may point at a document outside the province's database (a law, a decree),
#: named by text only.
EXTERNAL_ALLOWED = frozenset({RelationKind.BASED_ON, RelationKind.GUIDES})


class LegalField(models.TextChoices):
    """Lĩnh vực: the fields vbpl.vn files local documents under (a subset)."""

    ADMINISTRATION = "administration", _("Bộ máy hành chính")
    FINANCE = "finance", _("Tài chính nhà nước")
    FEES = "fees", _("Phí, lệ phí")
    LAND = "land", _("Đất đai")
    CONSTRUCTION = "construction", _("Xây dựng, đô thị")
    TRANSPORT = "transport", _("Giao thông, vận tải")
    ENVIRONMENT = "environment", _("Tài nguyên, môi trường")
    AGRICULTURE = "agriculture", _("Nông nghiệp, nông thôn")
    EDUCATION = "education", _("Giáo dục")
    HEALTH = "health", _("Y tế")
    CULTURE = "culture", _("Văn hóa, thể thao, du lịch")
    LABOUR = "labour", _("Lao động, tiền lương, bảo hiểm")
    SOCIAL = "social", _("Chính sách xã hội")
    INVESTMENT = "investment", _("Đầu tư, doanh nghiệp")
    TECHNOLOGY = "technology", _("Khoa học, công nghệ, thông tin")
    SECURITY = "security", _("An ninh, trật tự")


class IssueState(models.TextChoices):
    DRAFT = "draft", _("Đang biên tập")
    PUBLISHED = "published", _("Đã phát hành")
