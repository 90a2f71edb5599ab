"""Three admin reports, held to the title rule of campaigns.stories.privacy.

They show stored titles without asking the page permission policy (see
campaigns.stories.admin_privacy) and offer no hook:

- "Site history" shows each audit entry's label, the page's title when the entry was written.
  Entries of deleted pages are listed to everyone who may add or edit at the root, and a
  published story's early entries keep the title it was sent in with.
- "Page types usage" names the most recently edited page of each type, whoever may see it.
- wagtail-localize's "Translations" lists every translation with its source's title (as it
  was when last synchronised) and its target's, to every admin user.

Admin URL hooks are added after Wagtail's own reports, so the project's URL configuration
routes those two reports' paths to these subclasses first (``urlpatterns`` below, included
before the admin's). wagtail-localize's paths come from an admin URL hook: an earlier hook
(``translation_report_urls``, registered with order=-1) routes them. The original URL names
still build the same paths.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import PageLogEntry
from wagtail_localize.views.report import TranslationsReportView

from campaigns.stories import privacy


class PrivateSiteHistoryView(LogEntriesView):
    """Site history without the entries whose label names a story the user may not see."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is PageLogEntry:
            queryset = privacy.visible_log_entries(queryset, self.request.user)
        return queryset


class PrivatePageTypesUsageView(PageTypesUsageReportView):
    """Page types usage naming a story as "last edited" only to who may see its title."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        for item in page_types:
            if item.last_edited_page is not None:
                item.last_edited_page = privacy.masked(item.last_edited_page, self.request.user)
        return page_types


class PrivateTranslationsReportView(TranslationsReportView):
    """Translations without the stories (in every language) with a title the user may not
    see: the rows name the source and the target."""

    def get_queryset(self):
        queryset = super().get_queryset()
        hidden = privacy.hidden_stories(self.request.user)
        if hidden is None:
            return queryset
        return queryset.exclude(source__object_id__in=hidden.values("translation_key"))


def translation_report_urls():
    """wagtail-localize's "Translations" report paths (under the admin's "localize/")."""
    return [
        path(
            "localize/reports/translations/",
            PrivateTranslationsReportView.as_view(),
            name="openly_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            PrivateTranslationsReportView.as_view(results_only=True),
            name="openly_translations_report_results",
        ),
    ]


def _admin_view(view):
    # What Wagtail's admin URL configuration wraps each of its views in.
    return never_cache(require_admin_access(view))


# Mounted at the admin's "reports/" path, before the admin's own URLs (site/urls.py).
urlpatterns = [
    path("site-history/", _admin_view(PrivateSiteHistoryView.as_view())),
    path(
        "site-history/results/",
        _admin_view(PrivateSiteHistoryView.as_view(results_only=True)),
    ),
    path("page-types-usage/", _admin_view(PrivatePageTypesUsageView.as_view())),
    path(
        "page-types-usage/results/",
        _admin_view(PrivatePageTypesUsageView.as_view(results_only=True)),
    ),
]
