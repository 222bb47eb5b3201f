"""Problems found in a package, each with a machine code and an English and a Vietnamese message.

Codes follow the hub validator's convention (reference §2.5): a prefix for the kind of problem
and the edXML path of the element, without indices, e.g. ``N.MessageHeader.To`` or
``R.MessageHeader.OtherInfo.Priority``.

- ``N`` missing or required; ``R`` out of range or too long; ``M`` mismatch, duplicate or
  invalid; ``T`` wrong type or format; ``X`` the XML itself (malformed, DTD, namespace, size);
- ``W`` a tolerated defect, reported by the lenient parser as a warning.

Warnings and whole-document problems also name their kind: ``W.DateForm.MessageHeader.DueDate``,
``X.Doctype``, ``X.MalformedXml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from .messages import MessageHeader

# kind: (prefix, English, Vietnamese). Placeholders are named; ``{field}`` and ``{field_vi}``
# are filled from the path.
CATALOGUE: Final[dict[str, tuple[str, str, str]]] = {
    "required": (
        "N",
        "{field} is required.",
        "Thiếu {field_vi} ({field}).",
    ),
    "too_long": (
        "R",
        "{field} has {length} characters; at most {max} are allowed.",
        "{field_vi} ({field}) dài {length} ký tự, tối đa {max} ký tự.",
    ),
    "out_of_range": (
        "R",
        "{field} must be one of {allowed}, not '{value}'.",
        "{field_vi} ({field}) phải là một trong các giá trị {allowed}, không phải '{value}'.",
    ),
    "negative": (
        "R",
        "{field} must not be negative ('{value}').",
        "{field_vi} ({field}) không được âm ('{value}').",
    ),
    "future_date": (
        "R",
        "{field} '{value}' is in the future.",
        "{field_vi} ({field}) '{value}' là ngày trong tương lai.",
    ),
    "timestamp_range": (
        "R",
        "{field} '{value}' is outside the plausible range.",
        "{field_vi} ({field}) '{value}' nằm ngoài khoảng thời gian hợp lý.",
    ),
    "due_before_promulgation": (
        "R",
        "{field} '{value}' is earlier than the promulgation date '{other}'.",
        "{field_vi} ({field}) '{value}' sớm hơn ngày ban hành '{other}'.",
    ),
    "too_large": (
        "R",
        "{field} is {size} bytes; the limit is {max} bytes.",
        "{field_vi} ({field}) có dung lượng {size} byte, vượt giới hạn {max} byte.",
    ),
    "too_many": (
        "R",
        "{field} has {count} entries; at most {max} are allowed.",
        "{field_vi} ({field}) có {count} mục, tối đa {max} mục.",
    ),
    "duplicate": (
        "M",
        "{field} '{value}' appears more than once.",
        "{field_vi} ({field}) '{value}' bị trùng lặp.",
    ),
    "manifest_without_attachment": (
        "M",
        "The manifest names '{value}', but no attachment carries it.",
        "Danh mục tệp (edXMLManifest) có '{value}' nhưng không có tệp đính kèm tương ứng.",
    ),
    "reason_required": (
        "N",
        "{field} must give the reason for status '{value}'.",
        "{field_vi} ({field}) phải nêu lý do cho trạng thái '{value}'.",
    ),
    "not_integer": (
        "T",
        "{field} must be a whole number, not '{value}'.",
        "{field_vi} ({field}) phải là số nguyên, không phải '{value}'.",
    ),
    "not_boolean": (
        "T",
        "{field} must be 0, 1, true or false, not '{value}'.",
        "{field_vi} ({field}) phải là 0, 1, true hoặc false, không phải '{value}'.",
    ),
    "bad_date": (
        "T",
        "{field} '{value}' is not a date (yyyy/MM/dd).",
        "{field_vi} ({field}) '{value}' không phải ngày hợp lệ (yyyy/MM/dd).",
    ),
    "bad_timestamp": (
        "T",
        "{field} '{value}' is not a timestamp (yyyy/MM/dd HH:mm:ss).",
        "{field_vi} ({field}) '{value}' không phải thời điểm hợp lệ (yyyy/MM/dd HH:mm:ss).",
    ),
    "naive_timestamp": (
        "T",
        "{field} must be an aware datetime (with a time zone).",
        "{field_vi} ({field}) phải có múi giờ.",
    ),
    "organ_code": (
        "T",
        "{field} '{value}' is not an organ code (old form 000.00.00.H41 or new form H01.151).",
        "{field_vi} ({field}) '{value}' không phải mã định danh cơ quan "
        "(dạng cũ 000.00.00.H41 hoặc dạng mới H01.151).",
    ),
    "not_numeric": (
        "T",
        "{field} '{value}' must be written in digits.",
        "{field_vi} ({field}) '{value}' phải là chữ số.",
    ),
    "bad_email": (
        "T",
        "{field} '{value}' is not an e-mail address.",
        "{field_vi} ({field}) '{value}' không phải địa chỉ thư điện tử hợp lệ.",
    ),
    "bad_characters": (
        "T",
        "{field} contains characters XML cannot carry (control characters).",
        "{field_vi} ({field}) chứa ký tự điều khiển không hợp lệ trong XML.",
    ),
    "surrounding_space": (
        "T",
        "{field} starts or ends with spaces.",
        "{field_vi} ({field}) có khoảng trắng ở đầu hoặc cuối.",
    ),
    "bad_file_name": (
        "T",
        "{field} '{value}' must be a plain file name (no folders).",
        "{field_vi} ({field}) '{value}' phải là tên tệp, không chứa thư mục.",
    ),
    "content_type": (
        "T",
        "{field} '{value}' is not an accepted file type.",
        "{field_vi} ({field}) '{value}' không thuộc các loại tệp được chấp nhận.",
    ),
    "bad_base64": (
        "T",
        "{field} is not valid base64; the attachment cannot be decoded.",
        "{field_vi} ({field}) không phải base64 hợp lệ; không giải mã được tệp đính kèm.",
    ),
    "bad_zip": (
        "T",
        "{field} '{value}' is a corrupt or truncated ZIP archive.",
        "{field_vi} ({field}) '{value}' là tệp ZIP hỏng hoặc không đầy đủ.",
    ),
    "unsafe_zip": (
        "M",
        "{field} '{value}' holds an entry that is unsafe to extract ({detail}).",
        "{field_vi} ({field}) '{value}' chứa mục không an toàn khi giải nén ({detail}).",
    ),
    "malformed_xml": (
        "X",
        "The package is not well-formed XML: {detail}.",
        "Gói tin không phải XML hợp lệ: {detail}.",
    ),
    "doctype": (
        "X",
        "The package declares a DTD or entities, which edXML never needs; refused unread.",
        "Gói tin khai báo DTD hoặc thực thể (entity), edXML không dùng; từ chối không đọc.",
    ),
    "package_too_large": (
        "X",
        "The package is {size} bytes; the limit is {max} bytes.",
        "Gói tin có dung lượng {size} byte, vượt giới hạn {max} byte.",
    ),
    "wrong_root": (
        "X",
        "The root element is '{value}'; an edXML package starts with edXML in namespace {ns}.",
        "Phần tử gốc là '{value}'; gói edXML phải bắt đầu bằng edXML thuộc không gian tên {ns}.",
    ),
    "wrong_message_kind": (
        "X",
        "This is not {expected} message.",
        "Đây không phải gói tin {expected}.",
    ),
    # Warnings: tolerated defects of real packages.
    "w_leading_garbage": (
        "W",
        "Ignored {size} stray bytes before the XML declaration.",
        "Đã bỏ qua {size} byte thừa trước khai báo XML.",
    ),
    "w_unbound_prefix": (
        "W",
        "The prefix '{value}' is used without being declared; read by its local name.",
        "Tiền tố '{value}' được dùng mà không khai báo; đã đọc theo tên cục bộ.",
    ),
    "w_no_namespace": (
        "W",
        "{field} has no namespace; read as edXML.",
        "{field_vi} ({field}) không có không gian tên; đã đọc như edXML.",
    ),
    "w_signature_namespace": (
        "W",
        "{field} is not in the XML-DSig namespace; read, but it cannot be verified as is.",
        "{field_vi} ({field}) không thuộc không gian tên XML-DSig; đã đọc nhưng không xác "
        "thực được nguyên trạng.",
    ),
    "w_date_form": (
        "W",
        "{field} '{value}' is written as {form}; read as {read}.",
        "{field_vi} ({field}) '{value}' viết theo dạng {form}; đã đọc là {read}.",
    ),
    "w_organ_code": (
        "W",
        "{field} '{value}' is neither an old nor a new organ code; kept as is.",
        "{field_vi} ({field}) '{value}' không theo dạng mã định danh cũ hay mới; giữ nguyên.",
    ),
    "w_not_numeric": (
        "W",
        "{field} '{value}' is not written in digits; kept as is.",
        "{field_vi} ({field}) '{value}' không phải chữ số; giữ nguyên.",
    ),
    "w_format": (
        "W",
        "{field} '{value}' is not in the expected form; kept as is.",
        "{field_vi} ({field}) '{value}' không đúng định dạng; giữ nguyên.",
    ),
    "w_empty_block": (
        "W",
        "{field} is present but empty; ignored.",
        "{field_vi} ({field}) có nhưng rỗng; đã bỏ qua.",
    ),
    "w_default": (
        "W",
        "{field} is missing; taken as '{value}'.",
        "Thiếu {field_vi} ({field}); lấy giá trị mặc định '{value}'.",
    ),
    "w_value": (
        "W",
        "{field} '{value}' is outside the documented values; kept as is.",
        "{field_vi} ({field}) '{value}' nằm ngoài các giá trị quy định; giữ nguyên.",
    ),
    "w_due_before_promulgation": (
        "W",
        "{field} '{value}' is earlier than the promulgation date '{other}'.",
        "{field_vi} ({field}) '{value}' sớm hơn ngày ban hành '{other}'.",
    ),
    "w_missing": (
        "W",
        "{field} is missing.",
        "Thiếu {field_vi} ({field}).",
    ),
    "w_attachment_without_manifest": (
        "W",
        "Attachment '{value}' is not listed in the manifest; kept.",
        "Tệp đính kèm '{value}' không có trong danh mục tệp; vẫn giữ.",
    ),
    "w_manifest_differs": (
        "W",
        "The manifest gives {field} '{other}' for '{value}'; the attachment's own value is kept.",
        "Danh mục tệp ghi {field_vi} ({field}) là '{other}' cho '{value}'; giữ giá trị của tệp.",
    ),
    "w_misplaced": (
        "W",
        "{field} is not where edXML puts it; read from where it is.",
        "{field_vi} ({field}) không nằm đúng vị trí theo edXML; vẫn đọc được.",
    ),
    "w_certificate": (
        "W",
        "{field} cannot be decoded as a certificate.",
        "{field_vi} ({field}) không giải mã được.",
    ),
    "w_file_name": (
        "W",
        "{field} '{value}' contains folder separators.",
        "{field_vi} ({field}) '{value}' chứa dấu phân cách thư mục.",
    ),
    "w_surrounding_space": (
        "W",
        "{field} has surrounding spaces; trimmed.",
        "{field_vi} ({field}) có khoảng trắng ở đầu hoặc cuối; đã cắt bỏ.",
    ),
}

#: Vietnamese names of the fields officials know; other fields are named by their edXML path.
LABELS_VI: Final[dict[str, str]] = {
    "From": "đơn vị gửi",
    "To": "đơn vị nhận",
    "OrganId": "mã định danh cơ quan",
    "OrganName": "tên cơ quan",
    "OrganizationInCharge": "cơ quan chủ quản",
    "OrganAdd": "địa chỉ",
    "Email": "thư điện tử",
    "Telephone": "số điện thoại",
    "Fax": "số fax",
    "Website": "trang thông tin điện tử",
    "DocumentId": "mã văn bản",
    "CodeNumber": "số văn bản",
    "CodeNotation": "ký hiệu văn bản",
    "Code": "số, ký hiệu",
    "Place": "địa danh",
    "PromulgationDate": "ngày ban hành",
    "Type": "loại văn bản",
    "TypeDetail": "chi tiết loại văn bản",
    "TypeName": "tên loại văn bản",
    "Subject": "trích yếu",
    "Content": "nội dung tóm tắt",
    "Competence": "thẩm quyền ký",
    "Position": "chức vụ người ký",
    "FullName": "họ tên người ký",
    "DueDate": "hạn xử lý",
    "ToPlaces": "nơi nhận",
    "Priority": "độ khẩn",
    "SphereOfPromulgation": "phạm vi lưu hành",
    "TyperNotation": "ký hiệu người đánh máy",
    "PromulgationAmount": "số lượng bản phát hành",
    "PageAmount": "số trang",
    "Direction": "hướng",
    "Appendix": "phụ lục",
    "SteeringType": "loại chỉ đạo",
    "ResponseFor": "văn bản được phản hồi",
    "TraceHeader": "vết chuyển",
    "Timestamp": "thời điểm",
    "BussinessDocType": "loại nghiệp vụ",
    "BussinessDocReason": "lý do nghiệp vụ",
    "BussinessDocumentInfo": "thông tin cập nhật",
    "ReplacementInfoList": "danh sách văn bản bị thay thế",
    "ReceiverType": "loại cập nhật đơn vị nhận",
    "Paper": "bản giấy",
    "StaffInfo": "người phụ trách",
    "Department": "đơn vị, phòng ban",
    "Staff": "cán bộ",
    "Mobile": "số di động",
    "Attachment": "tệp đính kèm",
    "AttachmentName": "tên tệp đính kèm",
    "ContentType": "loại tệp",
    "ContentId": "mã tệp",
    "ContentTransferEncoded": "nội dung tệp đính kèm",
    "Description": "mô tả",
    "StatusCode": "mã trạng thái",
    "Signature": "chữ ký số",
    "X509Certificate": "chứng thư số",
}

_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class Problem:
    """One problem: ``code`` for machines, ``path`` to the element, two human messages."""

    code: str
    kind: str
    path: str
    message: str
    message_vi: str

    @property
    def is_warning(self) -> bool:
        return self.code.startswith("W.")

    def __str__(self) -> str:
        return f"{self.code} [{self.path}]: {self.message}"


def problem(kind: str, path: str, **params: Any) -> Problem:
    """Build a problem of a catalogued ``kind`` at ``path`` (``MessageHeader.To[2].OrganId``)."""
    prefix, english, vietnamese = CATALOGUE[kind]
    bare_path = _INDEX.sub("", path)
    leaf = bare_path.rsplit(".", 1)[-1] if bare_path else ""
    values = {"field": path, "field_vi": LABELS_VI.get(leaf, path), **params}
    code = _code(prefix, kind, bare_path)
    return Problem(
        code=code,
        kind=kind,
        path=path,
        message=english.format(**values),
        message_vi=_capitalise(vietnamese.format(**values)),
    )


def _code(prefix: str, kind: str, bare_path: str) -> str:
    """``N.MessageHeader.To`` for errors (the hub's style); warnings and document-level
    problems name their kind as well: ``W.OrganCode.MessageHeader.To.OrganId``, ``X.Doctype``."""
    if prefix in ("W", "X") or not bare_path:
        camel = "".join(part.capitalize() for part in kind.removeprefix("w_").split("_"))
        return ".".join(part for part in (prefix, camel, bare_path) if part)
    return f"{prefix}.{bare_path}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class ValidationFailure(ValueError):  # noqa: N818 - the name callers know from the design brief
    """A package broke the rules; ``problems`` lists every one (not only the first).

    When the parser could still read the message header, ``header`` carries it, so that the
    caller can address its status 02 (rejected) to the sender and name the document;
    ``warnings`` are the defects it had tolerated before giving up.
    """

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        header: MessageHeader | None = None,
        warnings: Iterable[Problem] = (),
    ):
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.header = header
        self.warnings: tuple[Problem, ...] = tuple(warnings)
        super().__init__(self._summary())

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)

    def _summary(self) -> str:
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the edXML package:"]
        lines += [f"- {p}" for p in self.problems]
        return "\n".join(lines)


def dedupe(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems in first-seen order, each (code, path, message) once."""
    seen: set[tuple[str, str, str]] = set()
    kept: list[Problem] = []
    for p in problems:
        key = (p.code, p.path, p.message)
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return tuple(kept)
