from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

INBOX_REGISTER = register("exchange.inbox.register", _("Tiếp nhận văn bản điện tử vào sổ"))
INBOX_REFUSE = register("exchange.inbox.refuse", _("Từ chối tiếp nhận văn bản điện tử"))
OUTBOX_RESEND = register("exchange.outbox.resend", _("Gửi lại gói tin liên thông"))
PEER_SAVE = register("exchange.peer.save", _("Cập nhật hệ thống liên thông"))
ORGAN_REGISTER = register("exchange.organ.register", _("Đăng ký cơ quan trên trục liên thông"))
DIRECTORY_SYNC = register("exchange.directory.sync", _("Đồng bộ danh bạ cơ quan liên thông"))
