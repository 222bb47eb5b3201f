from egov.documents.models.catalogue import Clearance, DocumentType, Register, RegisterCounter
from egov.documents.models.copies import DocumentCopy
from egov.documents.models.files import Attachment, StoredFile
from egov.documents.models.incoming import (
    Assignment,
    Comment,
    ExtensionRequest,
    IncomingDocument,
    IncomingTransition,
)
from egov.documents.models.outgoing import (
    DraftVersion,
    OutgoingDocument,
    OutgoingTransition,
    Recipient,
    ReviewStep,
)
from egov.documents.models.tracking import DocumentView, SavedSearch

__all__ = [
    "Assignment",
    "Attachment",
    "Clearance",
    "Comment",
    "DocumentCopy",
    "DocumentType",
    "DocumentView",
    "DraftVersion",
    "ExtensionRequest",
    "IncomingDocument",
    "IncomingTransition",
    "OutgoingDocument",
    "OutgoingTransition",
    "Recipient",
    "Register",
    "RegisterCounter",
    "ReviewStep",
    "SavedSearch",
    "StoredFile",
]
