from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

DAY_OVERRIDE_SET = register("workcalendar.override.set", _("Điều chỉnh ngày làm việc"))
DAY_OVERRIDE_REMOVE = register("workcalendar.override.remove", _("Bỏ điều chỉnh ngày làm việc"))
