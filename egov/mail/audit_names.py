from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

MAILBOX_REQUEST = register("mail.mailbox.request", _("Đề nghị thay đổi hộp thư"))
MAILBOX_APPLY = register("mail.mailbox.apply", _("Thực hiện thay đổi hộp thư"))
MAILBOX_REJECT = register("mail.mailbox.reject", _("Từ chối thay đổi hộp thư"))
MAILBOX_PASSWORD = register("mail.mailbox.password", _("Đặt mật khẩu hộp thư"))
ALIAS_CREATE = register("mail.alias.create", _("Tạo nhóm thư của cơ quan"))
