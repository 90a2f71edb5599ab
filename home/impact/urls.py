"""The impact dashboard's CSV files, /<lang>/impact/<series>.csv.

Wagtail's page URLs end in a slash and allow no dots (see events/urls.py, which does the
same for feed files): this pattern hands addresses ending in ``<name>.csv`` to Wagtail's
page routing, where the dashboard page's own route answers them, so drafts, private
sections, translations and the page cache work as for the page itself."""

from django.urls import re_path
from wagtail import views as wagtail_views


def serve_page_file(request, path):
    """Serve a page's CSV route through Wagtail's page routing."""
    return wagtail_views.serve(request, path)


urlpatterns = [
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*[a-z0-9\-]{1,40}\.csv)$",
        serve_page_file,
        name="impact_page_file",
    ),
]
