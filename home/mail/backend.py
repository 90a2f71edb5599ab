"""``EMAIL_BACKEND``: queues every email for durable delivery instead of sending it."""

import logging

from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError

from home.mail import deliveries

logger = logging.getLogger(__name__)


class QueuedEmailBackend(BaseEmailBackend):
    """Seals each email and queues its delivery (home.mail.deliveries) in the caller's
    transaction; the real transport (``OPENLY_EMAIL_TRANSPORT``) sends it later, with retries.
    Sending never fails over the mail server, so neither does the request that sends. Each
    queued message gets ``openly_delivery_id``, the id ``delivery_state`` answers for."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                message.openly_delivery_id = deliveries.queue(message)
            except DatabaseError as error:
                if not self.fail_silently:
                    raise
                logger.warning("An email could not be queued (%s).", type(error).__name__)
                continue
            queued += 1
        return queued
