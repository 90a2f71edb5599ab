"""URLs for the events' calendar and feed files.

Wagtail's page URLs end in a slash and allow no dots, so `/<lang>/events/feed.ics` and
`/<lang>/events/<slug>/event.ics` never reach its serve view. This pattern catches
addresses ending in a known feed file name and hands them to Wagtail's ordinary page
routing; the pages' RoutablePageMixin routes (`feed.ics`, `event.ics`, …) answer them, so
privacy, drafts and translations work as for any page.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

FILE_NAMES = r"(?:feed\.ics|feed\.rss|feed\.atom|event\.ics)"


def serve_page_file(request, path):
    """Serve a page's file route through Wagtail's page routing."""
    return wagtail_views.serve(request, path)


urlpatterns = [
    re_path(
        rf"^(?P<path>(?:[\w\-]+/)*{FILE_NAMES})$",
        serve_page_file,
        name="events_page_file",
    ),
]
