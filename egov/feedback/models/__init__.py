from egov.feedback.models.items import (
    ApiClient,
    Attachment,
    Category,
    Item,
    RateEvent,
    Review,
    Transition,
)

__all__ = ["ApiClient", "Attachment", "Category", "Item", "RateEvent", "Review", "Transition"]
