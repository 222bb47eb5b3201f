from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

TARGET_SET = register("monitoring.target.set", _("Đặt mục tiêu chỉ tiêu giám sát"))
METHOD_SAVE = register("monitoring.ranking_method.save", _("Lưu phương pháp xếp hạng"))
RANKING_RUN = register("monitoring.ranking.run", _("Tính xếp hạng cơ quan"))
