"""RSS and Atom feeds of the event listing (Django's feed generator, no extra package)."""

from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.site_address import absolute


def _when(event):
    session = event.next_session() or event.first_session
    if session is None:
        return ""
    start = timezone.localtime(session.start, event.zone)
    if event.all_day:
        return formats.date_format(start, "DATE_FORMAT")
    return _("%(date)s, %(zone)s time") % {
        "date": formats.date_format(start, "DATETIME_FORMAT"),
        "zone": event.zone_label,
    }


def _joining_link(event, now):
    """The joining link as the event page shows it now (its calendar entry carries it too)."""
    if event.joining_link_visible(now):
        return _("Join online: %(link)s") % {"link": event.online_url}
    return ""


def feed_response(request, index_page, events, atom=False):
    """The listing's events, soonest first, as RSS 2.0 or Atom 1.0."""
    feed_class = Atom1Feed if atom else Rss201rev2Feed
    feed = feed_class(
        title=index_page.title,
        link=index_page.get_full_url(request),
        description=index_page.card_summary or _("Upcoming Mental Health Week events"),
        language=get_language(),
        feed_url=absolute(request.get_full_path(), request),
    )
    now = timezone.now()
    for event in events:
        parts = [_when(event), event.location_text, event.card_summary, _joining_link(event, now)]
        if event.is_cancelled:
            parts.insert(0, _("Cancelled."))
        elif event.is_postponed:
            parts.insert(0, _("Postponed."))
        url = event.get_full_url(request)
        feed.add_item(
            title=event.title,
            link=url,
            description=" · ".join(part for part in parts if part),
            unique_id=url,
            pubdate=event.first_published_at,
            updateddate=event.last_published_at,
            author_name=event.organisation.name if event.organisation_id else None,
        )
    content_type = "application/atom+xml" if atom else "application/rss+xml"
    response = HttpResponse(content_type=f"{content_type}; charset=utf-8")
    feed.write(response, "utf-8")
    return response
