from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

PAGE_PUBLISHED = register("portal.page_published", _("Đăng trang thông tin"))
PAGE_UNPUBLISHED = register("portal.page_unpublished", _("Gỡ trang thông tin"))
SITES_PROVISIONED = register("portal.sites_provisioned", _("Lập trang thông tin cho các cơ quan"))
EDITORS_SYNCED = register("portal.editors_synced", _("Cập nhật nhóm biên tập viên"))
