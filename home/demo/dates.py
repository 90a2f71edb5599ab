"""The demo's calendar, reckoned from the day the demo is loaded, so the site never ages:
the next Mental Health Week is always ahead and the editions before it are in the archive.

Mental Health Week is the Monday-to-Sunday week that holds World Mental Health Day
(10 October). Demo data files give dates relative to it or to today, as small tables:
``{ from = "week", days = -147 }`` is 147 days before the next week starts. Anchors:
``today``; ``week`` and ``week_end``, the first and last day of the next week;
``last_week``, the first day of the edition before it.
"""

import datetime
from dataclasses import dataclass

WORLD_MENTAL_HEALTH_DAY = (10, 10)  # month, day


def week_of(year):
    """(first day, last day) of the Mental Health Week of ``year``."""
    day = datetime.date(year, *WORLD_MENTAL_HEALTH_DAY)
    start = day - datetime.timedelta(days=day.weekday())
    return start, start + datetime.timedelta(days=6)


@dataclass(frozen=True)
class DemoDates:
    """Dates of the demo as seen on ``today``."""

    today: datetime.date

    @property
    def year(self):
        """The year of the next Mental Health Week: the first that starts after today (a
        week already under way counts as neither next nor past)."""
        year = self.today.year
        while week_of(year)[0] <= self.today:
            year += 1
        return year

    @property
    def week(self):
        """(first day, last day) of the next Mental Health Week."""
        return week_of(self.year)

    def past_editions(self, count):
        """The ``count`` editions before the next week that have ended by today, latest
        first, as (year, first day, last day)."""
        editions = []
        year = self.year - 1
        while len(editions) < count:
            start, end = week_of(year)
            if end < self.today:
                editions.append((year, start, end))
            year -= 1
        return editions

    def anchor(self, name):
        anchors = {
            "today": self.today,
            "week": self.week[0],
            "week_end": self.week[1],
            "last_week": self.past_editions(1)[0][1],
        }
        return anchors[name]

    def resolve(self, value):
        """A date from a data file: a date as it is, or a relative one (see above)."""
        if isinstance(value, dict):
            return self.anchor(value["from"]) + datetime.timedelta(days=value.get("days", 0))
        return value

    def text(self, text, **years):
        """``text`` with ``{year}`` (the next week's year) and ``{last_year}`` filled in, and
        any other ``{name}`` given as ``years``; other braces are left alone."""
        words = {"year": self.year, "last_year": self.past_editions(1)[0][0], **years}
        for name, value in words.items():
            text = text.replace(f"{{{name}}}", str(value))
        return text

    def strings(self, strings, **years):
        """A translation table (source → translation) with ``text`` applied to both sides."""
        return {self.text(k, **years): self.text(v, **years) for k, v in strings.items()}
