from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

PROCEDURE_IMPORT = register("onestop.procedure.import", _("Nhập danh mục thủ tục hành chính"))
DOSSIER_SUBMIT = register("onestop.dossier.submit", _("Nộp hồ sơ trực tuyến"))
DOSSIER_RECEIVE = register("onestop.dossier.receive", _("Tiếp nhận hồ sơ"))
DOSSIER_HAND_OVER = register("onestop.dossier.hand_over", _("Chuyển xử lý hồ sơ"))
DOSSIER_REQUEST_ADDITIONAL = register(
    "onestop.dossier.request_additional", _("Yêu cầu bổ sung hồ sơ")
)
DOSSIER_SUPPLY = register("onestop.dossier.supply", _("Bổ sung hồ sơ"))
DOSSIER_REQUEST_FEES = register("onestop.dossier.request_fees", _("Yêu cầu nộp phí, lệ phí"))
DOSSIER_FEES_PAID = register("onestop.dossier.fees_paid", _("Xác nhận đã nộp phí, lệ phí"))
DOSSIER_APOLOGISE = register("onestop.dossier.apologise", _("Xin lỗi, hẹn lại ngày trả"))
DOSSIER_REFUSE = register("onestop.dossier.refuse", _("Từ chối hồ sơ"))
DOSSIER_WITHDRAW = register("onestop.dossier.withdraw", _("Rút hồ sơ"))
DOSSIER_RETURN = register("onestop.dossier.return", _("Trả kết quả"))
DOSSIER_RATE = register("onestop.dossier.rate", _("Đánh giá mức độ hài lòng"))
DEADLINE_WARN = register("onestop.deadline.warn", _("Cảnh báo hồ sơ sắp đến hạn"))
