"""Fixed values of edXML (QCVN 102:2016/BTTTT) as seen in the reference and the SDK samples."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Final
from zoneinfo import ZoneInfo

EDXML_NS: Final = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
XMLDSIG_NS: Final = "http://www.w3.org/2000/09/xmldsig#"
XLINK_NS: Final = "http://www.w3.org/1999/xlink"

#: The prefix the SDK uses inside the envelope (``edXML:MessageHeader``).
EDXML_PREFIX: Final = "edXML"

#: Dates and timestamps in edXML are local civil time of Vietnam, written without an offset.
VIETNAM_TZ: Final = ZoneInfo("Asia/Ho_Chi_Minh")

#: The forms the builder writes (the SDK's).
DATE_FORMAT: Final = "%Y/%m/%d"
TIMESTAMP_FORMAT: Final = "%Y/%m/%d %H:%M:%S"

MANIFEST_VERSION: Final = "1.0"


class Priority(IntEnum):
    """OtherInfo/Priority (độ khẩn), per edoc.json."""

    NORMAL = 0  # thường
    URGENT = 1  # khẩn
    VERY_URGENT = 2  # thượng khẩn
    EXPRESS = 3  # hỏa tốc
    EXPRESS_TIMED = 4  # hỏa tốc hẹn giờ


class SteeringType(IntEnum):
    """MessageHeader/SteeringType, per edoc.json (samples also carry 0, read as a quirk)."""

    NOT_STEERING = 1  # không phải chỉ đạo
    STEERING = 2  # chỉ đạo
    STEERING_REPORT = 3  # báo cáo chỉ đạo


class BussinessDocType(IntEnum):
    """TraceHeaderList/Bussiness/BussinessDocType (edXML spells it with a double s)."""

    NEW = 0  # văn bản mới
    REVOKE = 1  # thu hồi
    UPDATE = 2  # cập nhật
    REPLACE = 3  # thay thế


class ReceiverType(IntEnum):
    """BussinessDocumentInfo/ReceiverList/Receiver/ReceiverType of an update (type 2)."""

    REMOVED = 0  # đơn vị bị bỏ khỏi danh sách nhận
    ADDED = 1  # đơn vị mới được thêm vào danh sách nhận


class DocumentTypeKind(IntEnum):
    """DocumentType/Type: the hub validator allows only 1 and 2."""

    ADMINISTRATIVE = 1
    LEGAL_NORMATIVE = 2


class StatusCode(StrEnum):
    """Status/StatusCode of an acknowledgement (reference §2.3, status.json)."""

    ARRIVED = "01"  # đã đến
    REJECTED = "02"  # từ chối tiếp nhận
    ACCEPTED = "03"  # đã tiếp nhận
    AWAITING_ASSIGNMENT = "04"  # đã đến, đang chờ phân công
    IN_PROGRESS = "05"  # đã phân công, đang xử lý
    DONE = "06"  # đã xử lý xong
    REVOKED = "13"  # thu hồi văn bản
    RECALL_AGREED = "15"  # đồng ý thu hồi / cập nhật
    RECALL_REFUSED = "16"  # từ chối thu hồi / cập nhật


#: Status codes whose Description must say why (a refusal without a reason helps nobody).
STATUS_CODES_NEEDING_REASON: Final = frozenset({StatusCode.REJECTED, StatusCode.RECALL_REFUSED})

#: Maximum lengths in characters (after NFC normalisation), reference §2.5 and Phụ lục VI.
MAX_LENGTH: Final[dict[str, int]] = {
    "OrganId": 35,
    "OrganName": 200,
    "OrganizationInCharge": 200,
    "OrganAdd": 250,
    "Email": 100,
    "Telephone": 20,
    "Fax": 20,
    "Website": 100,
    "CodeNumber": 11,
    "CodeNotation": 30,
    "Place": 50,
    "TypeName": 100,
    "Subject": 500,
    "Content": 500,
    "Competence": 100,
    "Position": 100,
    "FullName": 50,
    "SphereOfPromulgation": 100,
    "TyperNotation": 10,
    "Appendix": 250,
    "ToPlace": 150,
    "AttachmentName": 200,
    "DocumentId": 200,
    "Code": 100,
    "ContentId": 200,
    "ContentType": 100,
}

#: A new-format organ code is at most this long (dev note in reference §2.4).
MAX_ORGAN_CODE_LENGTH: Final = 35

#: libxml2 refuses a text node longer than this unless XML_PARSE_HUGE is set, which we never do;
#: an attachment's base64 text must fit in it.
LIBXML2_MAX_TEXT_LENGTH: Final = 10_000_000

#: Timestamps may run ahead of our clock by this much (clock skew between agencies).
TIMESTAMP_FUTURE_TOLERANCE_SECONDS: Final = 600

#: Nothing in edXML predates the standard's forerunners; older timestamps are typos.
EARLIEST_YEAR: Final = 1990
