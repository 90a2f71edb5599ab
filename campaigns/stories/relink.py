""" "Ask for your link again": a contributor who lost their private status link enters the
email address they gave, and every open story held for it gets a new link by email. The old
link stops working. Nothing tells the person asking whether the address is known, and the
address is never logged."""

from django.db import transaction

from campaigns.stories import notifications
from campaigns.stories.constants import ContributorState
from campaigns.stories.models.contributor import ContributorRecord
from campaigns.stories.tokens import new_status_token


def records_for_email(email):
    """The records a new link may be sent for: those holding ``email`` (any case), except
    withdrawn ones (their address is erased at once; this is a second guard)."""
    if not email:
        return ContributorRecord.objects.none()
    return ContributorRecord.objects.filter(email__iexact=email.strip()).exclude(
        state=ContributorState.WITHDRAWN
    )


def send_new_links(email, status_url_for):
    """Give each record held for ``email`` a new status token and email its link
    (``status_url_for(token)`` makes the absolute URL). The token and its email are saved
    together: either the old link still works and no email is queued, or the new one is
    queued. Returns how many links were sent, for tests only: callers must not show it."""
    sent = 0
    for record_id in records_for_email(email).values_list("pk", flat=True):
        with transaction.atomic():
            record = (
                ContributorRecord.objects.select_for_update()
                .exclude(state=ContributorState.WITHDRAWN)
                .filter(pk=record_id)
                .first()
            )
            if record is None or not record.email:
                continue
            token = new_status_token()
            record.set_token(token)
            record.save(update_fields=["token_hash", "token_expires_at", "updated_at"])
            delivered = notifications.send_new_status_link(
                record.email, status_url_for(token), record.language
            )
            if delivered is None:
                # Not even queued: keep the old link working rather than leave none.
                transaction.set_rollback(True)
                continue
        sent += 1
    return sent
