from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

PLAN_IMPORT = register("records.plan.import", _("Nhập danh mục hồ sơ"))
FILE_OPEN = register("records.file.open", _("Mở hồ sơ"))
FILE_UPDATE = register("records.file.update", _("Sửa thông tin hồ sơ"))
FILE_ADD_DOCUMENT = register("records.file.add_document", _("Đưa văn bản vào hồ sơ"))
FILE_REMOVE_DOCUMENT = register("records.file.remove_document", _("Bỏ văn bản khỏi hồ sơ"))
FILE_CLOSE = register("records.file.close", _("Kết thúc hồ sơ"))
FILE_REOPEN = register("records.file.reopen", _("Mở lại hồ sơ"))
FILE_DELETE = register("records.file.delete", _("Xóa hồ sơ"))
FILE_HAND_OVER = register("records.file.hand_over", _("Nộp lưu hồ sơ"))
FILE_EXPORT = register("records.file.export", _("Xuất hồ sơ"))
HANDOVER_REMIND = register("records.handover.remind", _("Nhắc hạn nộp lưu hồ sơ"))
REPORT_PRINT = register("records.report.print", _("In sổ, báo cáo"))
LOAN_LEND = register("records.loan.lend", _("Cho sử dụng bản lưu"))
LOAN_RETURN = register("records.loan.return", _("Nhận lại bản lưu"))
SLIP_PRINT = register("records.slip.print", _("In phiếu giải quyết văn bản đến"))
