"""Context for the event page, assembled from ready pieces. Takes the page as an argument
and imports no model, so the page model imports it at the top."""

from django.utils import timezone

from events.jsonld import event_json_ld


def event_detail_context(page, request):
    """Sessions, speakers, topics and audiences, the report's action points, structured
    data and the link back to the listing."""
    now = timezone.now()
    topics, audiences = page.localized_terms(preview=getattr(request, "is_preview", False))
    return {
        "sessions": page.ordered_sessions,
        "next_session": page.next_session(now),
        "is_past": page.is_past(now),
        "show_joining_link": page.joining_link_visible(now),
        "speakers": list(page.speakers.select_related("photo")),
        "topics": topics,
        "audiences": audiences,
        "action_points": page.report_action_points,
        "json_ld": event_json_ld(page, request),
        "index_page": page.get_parent(),
    }
