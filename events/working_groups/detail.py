"""Context for a working group's page, assembled from ready pieces. Takes the page as an
argument and imports no model, so the page model imports it at the top."""

from home.linked_pages import localized_map, localized_pages
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
    workshop = page.from_workshop if page.from_workshop_id else None
    events = [meeting.event for meeting in meetings if meeting.event_id]
    resources = [output.resource for output in outputs if output.resource_id]
    # One lookup of the translations for the workshop, the meetings and the outputs.
    shown = localized_map([workshop, *events, *resources], page.locale)
    return {
        "topic_labels": Vocabulary(page.locale).topic_names(topics),
        "workshop": shown.get(workshop.pk) if workshop else None,
        "meetings": localized_pages(events, page.locale, shown),
        "outputs": localized_pages(resources, page.locale, shown),
        "members": list(page.members.all()),
        "actions": list(actions),
    }
