from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

INDICATOR_SAVE = register("reporting.indicator.save", _("Lưu chỉ tiêu KT-XH"))
FORM_SAVE = register("reporting.form.save", _("Lưu biểu mẫu KT-XH"))
RULE_SAVE = register("reporting.rule.save", _("Lưu quy tắc kiểm tra số liệu"))
PLAN_SET = register("reporting.plan.set", _("Giao kế hoạch năm của chỉ tiêu"))
VALUE_SAVE = register("reporting.value.save", _("Nhập số liệu một ô"))
VALUES_UPLOAD = register("reporting.values.upload", _("Tải lên số liệu biểu mẫu từ Excel"))
VALUES_IMPORT = register("reporting.values.import", _("Nhập số liệu từ tệp trao đổi"))
COMMENT_ADD = register("reporting.comment.add", _("Ghi chú ô số liệu"))
SUBMISSION_SUBMIT = register("reporting.submission.submit", _("Gửi báo cáo KT-XH"))
SUBMISSION_ACCEPT = register("reporting.submission.accept", _("Tiếp nhận báo cáo KT-XH"))
SUBMISSION_RETURN = register("reporting.submission.return", _("Trả lại báo cáo KT-XH"))
SUBMISSION_APPROVE = register("reporting.submission.approve", _("Duyệt báo cáo KT-XH"))
SUBMISSION_UNLOCK = register("reporting.submission.unlock", _("Mở khóa báo cáo KT-XH"))
AGGREGATES_REBUILD = register("reporting.aggregates.rebuild", _("Tính lại số tổng hợp KT-XH"))
SUBMISSION_OPEN = register("reporting.submission.open", _("Mở báo cáo KT-XH để nhập"))
REMINDERS_SEND = register("reporting.reminders.send", _("Nhắc hạn gửi báo cáo KT-XH"))
RULE_REMOVE = register("reporting.rule.remove", _("Bỏ quy tắc kiểm tra số liệu"))
PLANS_SAVE = register("reporting.plans.save", _("Lưu kế hoạch năm nhiều ô (bảng, tệp Excel)"))
FORM_LAYOUT = register("reporting.form.layout", _("Sửa bố cục biểu mẫu KT-XH"))
