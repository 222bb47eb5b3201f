from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

DOCUMENT_CREATE = register("gazette.document.create", _("Nhập văn bản quy phạm pháp luật"))
DOCUMENT_UPDATE = register("gazette.document.update", _("Sửa thông tin văn bản QPPL"))
DOCUMENT_ATTACH_PDF = register("gazette.document.attach_pdf", _("Đính kèm văn bản gốc (PDF)"))
DOCUMENT_PUBLISH = register("gazette.document.publish", _("Đăng văn bản QPPL"))
DOCUMENT_OVERRIDE = register(
    "gazette.document.override", _("Xác định thủ công tình trạng hiệu lực")
)
RELATION_ADD = register("gazette.relation.add", _("Ghi quan hệ giữa văn bản"))
RELATION_REMOVE = register("gazette.relation.remove", _("Xóa quan hệ giữa văn bản"))
ISSUE_CREATE = register("gazette.issue.create", _("Tạo số công báo"))
ISSUE_ADD = register("gazette.issue.add", _("Đưa văn bản vào số công báo"))
ISSUE_REMOVE = register("gazette.issue.remove", _("Bỏ văn bản khỏi số công báo"))
ISSUE_PUBLISH = register("gazette.issue.publish", _("Phát hành số công báo"))
IMPORT = register("gazette.import", _("Nhập văn bản QPPL từ tệp"))
