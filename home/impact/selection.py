"""What a reader picked in the dashboard's filter form (a plain GET form): a country and
a time range. Anything unknown falls back to the defaults, so no address answers 500."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

PERIODS = {
    # value: (months back, counted by year?)
    "12": (12, False),
    "36": (36, False),
    "all": (None, True),
}
DEFAULT_PERIOD = "36"


def period_choices():
    return [
        ("12", _("The last 12 months, by month")),
        ("36", _("The last 3 years, by month")),
        ("all", _("Since the start, by year")),
    ]


def months_back(today, months):
    """The first day of the month ``months - 1`` months before ``today``'s month."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Selection:
    """A country code ("" for all) and a period (a key of PERIODS), for ``today``."""

    country: str = ""
    period: str = DEFAULT_PERIOD
    today: date | None = None

    @classmethod
    def from_query(cls, query, today=None):
        country = str(query.get("country", "")).strip().upper()
        if country not in dict(countries):
            country = ""
        period = str(query.get("period", DEFAULT_PERIOD))
        if period not in PERIODS:
            period = DEFAULT_PERIOD
        return cls(country, period, today or timezone.localdate())

    @property
    def yearly(self):
        return PERIODS[self.period][1]

    @property
    def start(self):
        """The first period shown, or None for everything."""
        months = PERIODS[self.period][0]
        return None if months is None else months_back(self.today, months)

    @property
    def cache_parts(self):
        return (self.country or "-", self.period, self.today.isoformat())

    @property
    def is_default(self):
        return not self.country and self.period == DEFAULT_PERIOD

    def query(self):
        """The selection as query-string parameters (for the CSV links)."""
        params = {}
        if self.country:
            params["country"] = self.country
        if self.period != DEFAULT_PERIOD:
            params["period"] = self.period
        return params
