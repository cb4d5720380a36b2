"""What every way out of the outbox shares: the transport protocol and its failure.

The dispatcher (`dispatch`) drives transports; e-mail, webhook and service-request
transports implement `Transport`. May import `desktop.models` and `notices` only.
"""

from __future__ import annotations

from typing import Any, Protocol

from desktop.models import Notification, User
from desktop.workflow.notify.notices import Rendered


class DeliveryError(Exception):
    """A notice could not be delivered this time."""


class Transport(Protocol):
    """Sends one notice; may return what the receiver answered.

    A transport that also has `delivered(notification, answer, *, now)` gets that answer
    back in the transaction that marks the row sent (the SR transport stores the external ID).
    """

    def send(self, notification: Notification, recipient: User, rendered: Rendered) -> Any: ...
