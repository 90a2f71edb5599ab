"""The impact dashboard's page, /<lang>/impact/: an introduction written by the
coordinators above the charts of every registered series, with a CSV of each at
/<lang>/impact/<series>.csv. A page in the tree like the other section index pages, so it
is translated, moderated, cached and invalidated like them."""

from urllib.parse import urlencode

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from home.impact.csv_export import csv_response
from home.impact.dashboard import SeriesView, dashboard, figures_for, find_series
from home.impact.selection import Selection, period_choices
from home.models.bases import IndexPage, rich_intro_field


class ImpactPage(RoutablePageMixin, IndexPage):
    """The impact dashboard: what the coalition achieved over time and by country, in
    figures only (pledges, commitments, stories, events, actions). The figures come from
    the published content; editors write only the introduction."""

    intro = rich_intro_field(
        _(
            "A short introduction above the charts, e.g. what the coalition set out to do "
            "and where the figures come from."
        )
    )

    subpage_types = []
    template = "pages/impact_page.html"

    class Meta:
        verbose_name = _("impact dashboard")
        verbose_name_plural = _("impact dashboards")

    def listing_context(self, request, **kwargs):
        selection = Selection.from_query(request.GET)
        names = sorted(((code, str(name)) for code, name in countries), key=lambda c: c[1])
        return {
            "selection": selection,
            "series_views": dashboard(selection),
            "country_choices": names,
            "period_choices": period_choices(),
            "csv_query": urlencode(selection.query()),
        }

    @path("")
    def dashboard_view(self, request):
        return self.render(request)

    @re_path(r"^(?P<key>[a-z0-9-]{1,40})\.csv/?$", name="series_csv")
    def series_csv(self, request, key):
        """One series' figures for the same selection as the page."""
        series = find_series(key)
        if series is None:
            raise Http404
        selection = Selection.from_query(request.GET)
        return csv_response(SeriesView(series, selection, figures_for(series, selection)))
