from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

PLAN_CREATE = register("inspections.plan.create", _("Lập kế hoạch kiểm tra"))
PLAN_CHANGE = register("inspections.plan.change", _("Sửa kế hoạch kiểm tra"))
PLAN_APPROVE = register("inspections.plan.approve", _("Phê duyệt kế hoạch kiểm tra"))
INSPECTION_TRANSITION = register(
    "inspections.inspection.transition", _("Chuyển trạng thái cuộc kiểm tra")
)
ITEM_RECORD = register("inspections.item.record", _("Ghi kết quả nội dung kiểm tra"))
ITEM_ADD = register("inspections.item.add", _("Thêm nội dung kiểm tra"))
EVIDENCE_ADD = register("inspections.evidence.add", _("Đính kèm minh chứng kiểm tra"))
FINDING_RECORD = register("inspections.finding.record", _("Ghi nhận tồn tại, hạn chế"))
FINDING_REPORT_FIX = register("inspections.finding.report_fix", _("Báo cáo khắc phục tồn tại"))
FINDING_ACCEPT = register("inspections.finding.accept", _("Chấp nhận kết quả khắc phục"))
FINDING_REOPEN = register("inspections.finding.reopen", _("Yêu cầu khắc phục lại"))
TEMPLATE_SAVE = register("inspections.template.save", _("Sửa mẫu nội dung kiểm tra"))
