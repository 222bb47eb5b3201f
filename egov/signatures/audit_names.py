from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

KEY_REGISTER = register("signatures.key.register", _("Đăng ký khóa ký số"))
SIGN_AS_SIGNER = register("signatures.sign.signer", _("Ký số văn bản (người có thẩm quyền)"))
SEAL_AS_ORGANISATION = register("signatures.sign.organisation", _("Ký số của cơ quan"))
VERIFY_INCOMING = register("signatures.verify.incoming", _("Kiểm tra chữ ký số văn bản đến"))
SCAN_READ = register("signatures.scan.read", _("Nhận dạng văn bản quét (OCR)"))
SCAN_REGISTER = register("signatures.scan.register", _("Vào sổ văn bản quét theo gợi ý"))
SEAL_COPY = register("signatures.sign.copy", _("Ký số bản sao điện tử"))
