"""What an app contributes to the impact dashboard, and how its figures are counted.

An ``ImpactSeries`` names a queryset of the public rows it counts (approved signatures,
live and public pages counted once across their translations, …), the field that dates
each row, the field that places it in a country and, optionally, a field that splits it
into parts (done / open). ``count_series`` turns it into ``Figures`` with ONE aggregate
query grouped by period, country and part: the number of queries never depends on how
many rows there are, and no row's own data ever leaves the database.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncMonth, TruncYear
from django.utils.translation import gettext_lazy as _

TOTAL = "total"


@dataclass(frozen=True)
class ImpactSeries:
    """One kind of figure on the dashboard.

    ``rows`` returns the queryset of what is counted (only public things: the series
    decides what public means for its rows). ``date_field`` and ``country_field`` are
    lookups on those rows (``country_field`` may be None). ``parts`` splits the count by
    ``part_field``: ((value, label), …) in the order they are stacked; with no parts each
    row counts once under the series' own label. ``no_country`` names rows without a
    country (e.g. online events)."""

    key: str
    label: str
    description: str
    rows: object
    date_field: str
    country_field: str | None = None
    part_field: str | None = None
    parts: tuple = ()
    no_country: str = _("No country given")

    @property
    def part_choices(self):
        """((value, label), …) of the stacked parts; one part when not split."""
        return self.parts or ((TOTAL, self.label),)


def first_of_translations(queryset, date_field="first_published_at"):
    """Pages of ``queryset`` that have no earlier translation in it: a story translated
    into four languages counts once, dated by its first publication (a subquery, so still
    one query)."""
    earlier = queryset.model.objects.filter(
        translation_key=OuterRef("translation_key"),
        pk__in=queryset.values("pk"),
        **{f"{date_field}__lt": OuterRef(date_field)},
    )
    same_time_lower = queryset.model.objects.filter(
        translation_key=OuterRef("translation_key"),
        pk__in=queryset.values("pk"),
        pk__lt=OuterRef("pk"),
        **{date_field: OuterRef(date_field)},
    )
    return queryset.exclude(Exists(earlier)).exclude(Exists(same_time_lower))


@dataclass
class Figures:
    """The counts of one series for one selection: ``cells`` maps (period start, country
    code or "", part value) to a count. Plain data, so it can be cached."""

    key: str
    yearly: bool
    cells: dict = field(default_factory=dict)

    def total(self, part=None):
        return sum(n for (_p, _c, p), n in self.cells.items() if part in (None, p))

    def by_period(self):
        """{period start: {part: count}}."""
        found = defaultdict(lambda: defaultdict(int))
        for (period, _country, part), n in self.cells.items():
            found[period][part] += n
        return found

    def by_country(self):
        """{country code or "": {part: count}}."""
        found = defaultdict(lambda: defaultdict(int))
        for (_period, country, part), n in self.cells.items():
            found[country][part] += n
        return found


def _as_date(value):
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def count_series(series, selection):
    """The ``Figures`` of ``series`` for ``selection`` (home.impact.selection.Selection):
    one aggregate query. Periods before the selection's start are left out."""
    rows = series.rows()
    if selection.country:
        if series.country_field is None:
            return Figures(series.key, selection.yearly)
        rows = rows.filter(**{series.country_field: selection.country})
    truncate = TruncYear if selection.yearly else TruncMonth
    names = ["period"]
    names.append(series.country_field or "period")
    if series.part_field:
        names.append(series.part_field)
    grouped = (
        rows.annotate(period=truncate(series.date_field))
        .exclude(period=None)
        .order_by()
        .values(*dict.fromkeys(names))
        .annotate(n=Count("pk", distinct=True))
    )
    figures = Figures(series.key, selection.yearly)
    known_parts = {value for value, _label in series.part_choices}
    start = selection.start
    for row in grouped:
        period = _as_date(row["period"])
        if start is not None and period < start:
            continue
        country = str(row.get(series.country_field) or "") if series.country_field else ""
        part = row.get(series.part_field, TOTAL) if series.part_field else TOTAL
        if part not in known_parts:
            continue
        key = (period, country, part)
        figures.cells[key] = figures.cells.get(key, 0) + row["n"]
    return figures


def month_range(first: date, last: date, yearly=False):
    """Every period start from ``first`` to ``last`` (months, or years)."""
    periods = []
    current = first.replace(month=1, day=1) if yearly else first.replace(day=1)
    while current <= last:
        periods.append(current)
        if yearly:
            current = current.replace(year=current.year + 1)
        elif current.month == 12:
            current = current.replace(year=current.year + 1, month=1)
        else:
            current = current.replace(month=current.month + 1)
    return periods
