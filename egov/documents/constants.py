"""Limits and defaults of the e-office."""

from egov.documents.choices import Urgency

#: Largest file accepted for one attachment (the issue's 200 MB upload must be refused).
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Largest request body the upload views read before refusing (files plus form fields).
MAX_UPLOAD_REQUEST_BYTES = MAX_FILE_BYTES + 1024 * 1024

#: Field lengths from Phụ lục VI of Nghị định 30/2020 (and edXML).
SUBJECT_MAX = 500
CODE_NUMBER_MAX = 11
CODE_NOTATION_MAX = 30
ORGAN_NAME_MAX = 200
SIGNER_POSITION_MAX = 100
SIGNER_NAME_MAX = 50
DESCRIPTION_MAX = 500
TO_PLACES_MAX = 1000

#: How much extracted text is kept for search per file.
MAX_EXTRACTED_CHARS = 200_000

#: Documents count as "due soon" this many working days before their deadline.
DUE_SOON_WORKING_DAYS = 2

#: Urgent documents sort first in every queue: the higher, the sooner.
URGENT_LEVELS = (Urgency.URGENT, Urgency.VERY_URGENT, Urgency.FLASH)

#: Share (%) of documents sent and received electronically each agency must reach (Chỉ thị
#: 07/CT-UBND of 04/08/2009, seed 004: "đạt 50% văn bản điện tử trong tổng số văn bản gửi
#: nhận"); the leaders' dashboard compares the period's share with it.
ELECTRONIC_SHARE_TARGET = 50
