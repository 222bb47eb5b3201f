from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

MAILBOX_REQUEST = register("mail.mailbox.request", _("Đề nghị thay đổi hộp thư"))
MAILBOX_APPLY = register("mail.mailbox.apply", _("Thực hiện thay đổi hộp thư"))
MAILBOX_REJECT = register("mail.mailbox.reject", _("Từ chối thay đổi hộp thư"))
MAILBOX_PASSWORD = register("mail.mailbox.password", _("Đặt mật khẩu hộp thư"))
ALIAS_CREATE = register("mail.alias.create", _("Tạo nhóm thư của cơ quan"))
DOCUMENT_MAIL = register("mail.document.send", _("Gửi văn bản qua thư điện tử"))
ASSIGNMENT_NOTICE = register("mail.assignment.notice", _("Gửi thông báo giao việc qua thư"))
ANSWER_SEND = register("mail.answer.send", _("Trả lời thư của người dân"))
INBOUND_IMPORT = register("mail.inbound.import", _("Nhập thư từ hộp thư cơ quan"))
INBOUND_REGISTER = register("mail.inbound.register", _("Vào sổ văn bản đến từ thư"))
INBOUND_DISMISS = register("mail.inbound.dismiss", _("Bỏ qua thư nhận"))
INBOUND_RETRY = register("mail.inbound.retry", _("Nhập lại thư bị lỗi"))
MAIL_COMMAND = register("mail.command.apply", _("Cập nhật công việc theo thư trả lời"))
MAILBOX_ARCHIVE = register("mail.mailbox.archive", _("Lưu trữ nội dung hộp thư trước khi thu hồi"))
PUBLIC_CONTACT = register("mail.mailbox.public", _("Công khai địa chỉ đầu mối"))
INBOUND_TO_FEEDBACK = register(
    "mail.inbound.to_feedback", _("Chuyển thư của người dân thành phản ánh, kiến nghị")
)
