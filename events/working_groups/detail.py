"""Context for a working group's page, assembled from ready pieces. Takes the page as an
argument and imports no model, so the page model imports it at the top."""

from home.linked_pages import localized_pages
from home.listing import Vocabulary
from home.listing.taxonomy import linked_terms


def working_group_detail_context(page, request):
    """The workshop, meetings, outputs, members, actions and topic names of ``page`` in
    the reader's language, in a fixed number of queries however many there are."""
    preview = getattr(request, "is_preview", False)
    topics = linked_terms(page, ("topics",), preview).get("topics", [])
    meetings = page.meetings.all() if preview else page.meetings.select_related("event")
    outputs = page.outputs.all() if preview else page.outputs.select_related("resource")
    actions = page.actions.all() if preview else page.actions.select_related("organisation")
    workshop = localized_pages([page.from_workshop] if page.from_workshop_id else [], page.locale)
    return {
        "topic_labels": Vocabulary(page.locale).topic_names(topics),
        "workshop": workshop[0] if workshop else None,
        "meetings": localized_pages([m.event for m in meetings if m.event_id], page.locale),
        "outputs": localized_pages([o.resource for o in outputs if o.resource_id], page.locale),
        "members": list(page.members.all()),
        "actions": list(actions),
    }
