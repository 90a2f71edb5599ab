"""The contributor's short private session: what the status link is exchanged for.

The private status link (…/stories/status/<token>/) is used once per visit: its first request
puts the story's record in the browser's Django session for ``STATUS_SESSION_SECONDS``
(a few hours) and redirects to the token-free status page (…/stories/status/), which reads
it from there. So the token does not stay in the address bar, the browser's history, a
Referer, or the access logs of any request after the first one. The session holds one story
at a time; when it has expired the contributor opens their link again (it works any number
of times).
"""

import time

from campaigns.stories.conf import story_settings
from campaigns.stories.models.contributor import ContributorRecord

SESSION_KEY = "openly_story_status"


def open_for(request, record):
    """Let this browser see ``record``'s status page for the next few hours, instead of any
    story it saw before."""
    seconds = story_settings.STATUS_SESSION_SECONDS
    # A new session key: a session cookie planted in this browser before cannot ride along.
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"record": record.pk, "until": int(time.time()) + seconds}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        # The cookie and the stored session end with the entry. A signed-in editor's
        # session keeps its own lifetime; the entry's "until" still ends the story's part.
        request.session.set_expiry(seconds)


def record_for(request):
    """The record this browser's session may see, or None (never opened, expired, or the
    record is gone or its link has expired)."""
    entry = request.session.get(SESSION_KEY)
    if not isinstance(entry, dict):
        return None
    record_id, until = entry.get("record"), entry.get("until")
    if not isinstance(record_id, int) or not isinstance(until, int) or until < time.time():
        request.session.pop(SESSION_KEY, None)
        return None
    record = ContributorRecord.objects.select_related("page").filter(pk=record_id).first()
    if record is None or record.token_has_expired:
        request.session.pop(SESSION_KEY, None)
        return None
    return record
