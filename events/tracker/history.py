"""Reading the history of status changes of the actions a page of the tracker shows."""

from django.db.models import Q

from events.tracker.models.index import ActionStatusChange


def histories(actions):
    """{(key, locale id): [ActionStatusChange, oldest first]} for ``actions`` (one query,
    none without actions)."""
    pairs = {(action.key, action.locale_id) for action in actions}
    if not pairs:
        return {}
    wanted = Q()
    for key, locale_id in pairs:
        wanted |= Q(key=key, locale_id=locale_id)
    found = {}
    for change in ActionStatusChange.objects.filter(wanted).order_by("changed_at", "pk"):
        found.setdefault((change.key, change.locale_id), []).append(change)
    return found
