"""URLs: the admin and documents at fixed paths; every public page under a language prefix."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.http_cache import public_view
from home.media import serve_media
from home.public_form_views import form_tokens
from home.sitemaps import section_sitemap, sitemap_index
from home.social_cards.views import social_card

urlpatterns = [
    # Two of Wagtail's reports, held to the stories' title rule: first, so they answer at the
    # reports' own paths (campaigns/stories/admin_reports.py says why no hook serves).
    path("admin/reports/", include("campaigns.stories.admin_reports")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", public_view(sitemap_index), name="sitemap"),
    path("sitemap-<str:section>.xml", public_view(section_sitemap), name="sitemap_section"),
    # The read-only API (home/api): public fields of live, public pages; no language prefix.
    path("api/v2/", include("home.api.urls")),
    path("forms/token/", form_tokens, name="form_tokens"),
    path("robots.txt", public_view(home_views.RobotsView.as_view()), name="robots_txt"),
    path("site.webmanifest", public_view(home_views.ManifestView.as_view()), name="manifest"),
    path("favicon.ico", public_view(home_views.favicon), name="favicon"),
    path("social-cards/<int:page_id>.png", social_card, name="social_card"),
]

if settings.OPENLY_SERVE_MEDIA:
    # Images on local disk, in production too (home/media.py says why); off with object
    # storage, or when the reverse proxy serves them (OPENLY_SERVE_MEDIA=0).
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media")
    )

urlpatterns += i18n_patterns(
    path("search/", public_view(home_views.SearchView.as_view()), name="search"),
    path("", include("events.urls")),  # events: /<lang>/events/feed.ics and event.ics
    # Pages partner sites may frame (home/embeds), before any page can take the address.
    path("embed/", include("home.embeds.urls")),
    path("", include("home.impact.urls")),  # /<lang>/impact/<series>.csv
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
# A locked or unreachable database gets a readable 503 instead of the plain 500 page.
handler500 = "home.database_faults.server_error"
