from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

TARGET_SET = register("monitoring.target.set", _("Đặt mục tiêu chỉ tiêu giám sát"))
