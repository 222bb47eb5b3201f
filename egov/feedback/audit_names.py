from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

CATEGORY_SAVE = register("feedback.category.save", _("Lưu lĩnh vực và cơ quan tiếp nhận phản ánh"))
ITEM_SUBMIT = register("feedback.item.submit", _("Gửi phản ánh, kiến nghị"))
ITEM_VERIFY = register("feedback.item.verify", _("Xác minh thư điện tử của người gửi phản ánh"))
ITEM_REROUTE = register("feedback.item.reroute", _("Chuyển phản ánh sang cơ quan khác"))
ITEM_DRAFT = register("feedback.item.draft", _("Soạn trả lời phản ánh"))
ITEM_SUBMIT_REVIEW = register("feedback.item.submit_review", _("Trình lãnh đạo duyệt trả lời"))
ITEM_APPROVE = register("feedback.item.approve", _("Duyệt và công bố trả lời phản ánh"))
ITEM_RETURN = register("feedback.item.return", _("Trả lại dự thảo trả lời phản ánh"))
ITEM_CLOSE = register("feedback.item.close", _("Không xử lý phản ánh"))
ITEM_FROM_MAIL = register("feedback.item.from_mail", _("Nhận phản ánh qua thư điện tử"))
ITEM_MAIL_ANSWER = register("feedback.item.mail_answer", _("Gửi trả lời phản ánh qua thư"))
API_CLIENT_CREATE = register("feedback.api_client.create", _("Cấp khóa Open311"))
