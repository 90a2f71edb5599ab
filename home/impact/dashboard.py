"""The dashboard for one request: every registered series counted for the reader's
selection (one aggregate query per series, kept in the cache within a content generation
and for the day), shaped into charts, tables and CSV rows in the reader's language."""

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django_countries import countries

from home import registry
from home.cache import cached_chrome
from home.impact import charts
from home.impact.series import count_series, month_range

# Countries drawn as their own bar; the rest are summed into one (the table lists all).
TOP_COUNTRIES = 8
OTHER = "~other"


def figures_for(series, selection):
    """The series' figures for ``selection``, from the cache when counted already."""
    return cached_chrome(
        "impact", (series.key, *selection.cache_parts), lambda: count_series(series, selection)
    )


def registered_series():
    return registry.impact_series.values()


def find_series(key):
    return registry.impact_series.get(key)


def country_name(code, series):
    if not code:
        return str(series.no_country)
    if code == OTHER:
        return _("Other countries")
    return str(countries.name(code)) or code


@dataclass
class SeriesView:
    """One series for one reader: its figures shaped for the templates."""

    series: object
    selection: object
    figures: object

    @property
    def key(self):
        return self.series.key

    @property
    def parts(self):
        return self.series.part_choices

    @property
    def split(self):
        return len(self.parts) > 1

    @cached_property
    def periods(self):
        by_period = self.figures.by_period()
        current = self.selection.today.replace(day=1)
        if self.selection.yearly:
            current = current.replace(month=1)
        first = self.selection.start or min(by_period, default=current)
        last = max([current, *by_period])
        return month_range(min(first, current), last, self.selection.yearly)

    def _row(self, counts):
        values = [counts.get(value, 0) for value, _label in self.parts]
        return {"counts": [charts.number(n) for n in values], "total": charts.number(sum(values))}

    @cached_property
    def totals(self):
        """[(label, formatted count)] of each part over the whole selection."""
        return [(label, charts.number(self.figures.total(value))) for value, label in self.parts]

    @property
    def total(self):
        return self.figures.total()

    @cached_property
    def time_rows(self):
        by_period = self.figures.by_period()
        return [
            {
                "period": charts.period_label(period, self.selection.yearly),
                **self._row(by_period.get(period, {})),
            }
            for period in self.periods
        ]

    @cached_property
    def country_counts(self):
        """[(name, {part: n})], most first, then by name."""
        rows = [
            (country_name(code, self.series), dict(counts))
            for code, counts in self.figures.by_country().items()
        ]
        return sorted(rows, key=lambda row: (-sum(row[1].values()), row[0]))

    @cached_property
    def country_rows(self):
        return [{"name": name, **self._row(counts)} for name, counts in self.country_counts]

    @property
    def show_countries(self):
        """A chart by country says something only when several places are counted."""
        return self.series.country_field is not None and not self.selection.country

    @cached_property
    def time_chart(self):
        rtl = get_language_bidi()
        chart = charts.time_chart(
            self.periods, self.figures.by_period(), self.parts, self.selection.yearly, rtl
        )
        chart["description"] = charts.describe_time(
            self.periods, self.figures.by_period(), self.selection.yearly
        )
        return chart

    @cached_property
    def country_chart(self):
        rows = self.country_counts
        if len(rows) > TOP_COUNTRIES + 1:
            other = {}
            for _name, counts in rows[TOP_COUNTRIES:]:
                for part, n in counts.items():
                    other[part] = other.get(part, 0) + n
            rows = [*rows[:TOP_COUNTRIES], (country_name(OTHER, self.series), other)]
        chart = charts.country_chart(rows, self.parts, get_language_bidi())
        chart["description"] = charts.describe_countries(rows, len(self.country_counts))
        return chart

    def csv_rows(self):
        """[(period, country code, country name, count per part…, total)], by period and
        country code."""
        merged = {}
        for (period, code, part), n in self.figures.cells.items():
            merged.setdefault((period, code), {})[part] = n
        fmt = "%Y" if self.selection.yearly else "%Y-%m"
        rows = []
        for (period, code), counts in sorted(merged.items()):
            values = [counts.get(value, 0) for value, _label in self.parts]
            name = country_name(code, self.series)
            rows.append((period.strftime(fmt), code, name, *values, sum(values)))
        return rows


def dashboard(selection, keys=None):
    """A SeriesView for each registered series (or those of ``keys``)."""
    return [
        SeriesView(series, selection, figures_for(series, selection))
        for series in registered_series()
        if keys is None or series.key in keys
    ]
