from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

TARGET_SET = register("monitoring.target.set", _("Đặt mục tiêu chỉ tiêu giám sát"))
METHOD_SAVE = register("monitoring.ranking_method.save", _("Lưu phương pháp xếp hạng"))
RANKING_RUN = register("monitoring.ranking.run", _("Tính xếp hạng cơ quan"))
PLAN_SAVE = register("monitoring.it_plan.save", _("Lưu kế hoạch ứng dụng CNTT"))
PLAN_TRANSITION = register(
    "monitoring.it_plan.transition", _("Trình, phê duyệt hoặc trả lại kế hoạch ứng dụng CNTT")
)
PLAN_RESULTS = register("monitoring.it_plan.results", _("Cập nhật kết quả kế hoạch ứng dụng CNTT"))
IT_STAFF_ASSIGN = register("monitoring.it_staff.assign", _("Bố trí cán bộ CNTT"))
IT_STAFF_END = register("monitoring.it_staff.end", _("Kết thúc bố trí cán bộ CNTT"))
TRAINING_RECORD = register("monitoring.training.record", _("Ghi nhận lớp tập huấn CNTT"))
EVIDENCE_ADD = register("monitoring.evidence.add", _("Đính kèm tài liệu minh chứng"))
