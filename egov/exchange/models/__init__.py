from egov.exchange.models.directory import Organ, Peer
from egov.exchange.models.queue import HubMailbox, InboxMessage, OutboxMessage

__all__ = ["HubMailbox", "InboxMessage", "Organ", "OutboxMessage", "Peer"]
