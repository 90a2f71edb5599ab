"""schema.org Event data for search engines, as a JSON-LD script."""

import json

from django.utils import timezone
from django.utils.safestring import mark_safe

from events.choices import EventFormat, EventStatus
from home.site_address import absolute

SCHEMA = "https://schema.org/"
STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
}
ATTENDANCE = {
    EventFormat.IN_PERSON: "OfflineEventAttendanceMode",
    EventFormat.ONLINE: "OnlineEventAttendanceMode",
    EventFormat.HYBRID: "MixedEventAttendanceMode",
}
# Keep the JSON from closing the script element or opening HTML.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_data(page, request):
    """The schema.org Event for ``page`` as a dict."""
    url = page.get_full_url(request)
    sessions = page.ordered_sessions
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "eventStatus": SCHEMA + STATUS.get(page.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE.get(page.format, ATTENDANCE["in_person"]),
    }
    if page.card_summary:
        data["description"] = page.card_summary
    if sessions:

        def iso(value):
            local = timezone.localtime(value, page.zone)
            return local.date().isoformat() if page.all_day else local.isoformat()

        data["startDate"] = iso(sessions[0].start)
        data["endDate"] = iso(max(s.end for s in sessions))
        if len(sessions) > 1:
            data["subEvent"] = [
                {
                    "@type": "Event",
                    "name": f"{page.title}: {s.title}" if s.title else page.title,
                    "startDate": iso(s.start),
                    "endDate": iso(s.end),
                }
                for s in sessions
            ]
    locations = []
    if page.has_venue and page.venue_name:
        place = {
            "@type": "Place",
            "name": page.venue_name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": " ".join(page.address.split()),
                "addressLocality": page.city,
                "addressCountry": page.country.code if page.country else "",
            },
        }
        if page.latitude is not None and page.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(page.latitude),
                "longitude": float(page.longitude),
            }
        locations.append(place)
    if page.is_online:
        # The joining link only when it is public; otherwise the page that explains how.
        public = page.online_link_visibility == "public" and page.online_url
        locations.append({"@type": "VirtualLocation", "url": page.online_url if public else url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if page.organisation_id:
        organiser = page.organisation
        data["organizer"] = {"@type": "Organization", "name": organiser.name}
        if organiser.website:
            data["organizer"]["url"] = organiser.website
    offer = {"@type": "Offer", "url": page.registration_url or url}
    if page.is_free:
        offer.update({"price": 0, "priceCurrency": "EUR"})
    elif page.price:
        offer["description"] = page.price
    data["offers"] = offer
    if page.languages:
        data["inLanguage"] = page.languages
    if page.image_id:
        data["image"] = absolute(page.image.get_rendition("fill-1200x630-c100").url, request)
    return data


def event_json_ld(page, request):
    """The JSON-LD for ``page``, safe to place inside a <script> element."""
    return mark_safe(json.dumps(event_data(page, request), ensure_ascii=False).translate(_ESCAPES))  # noqa: S308
