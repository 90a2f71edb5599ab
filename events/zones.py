"""Time zones as editors pick them, and wall-clock times as they type them.

Zone names: the time-zone database keeps old names (Europe/Kiev, Europe/Belfast, US/Eastern)
as links so that stored data keeps working, but it lists in ``zone.tab`` the names meant for
people to choose from ("This table is intended as an aid for users, to help them select
timezones"). The menu offers those; an old name still stored on an event is read as its
current one, following the database's own links (``tzdata.zi``). Both files are read from
where ``zoneinfo`` reads its zones (the system's database first, then the tzdata package),
so the menu and the zones always come from the same release.

Wall-clock times: on the night the clocks go forward a range of local times never happens
(in Kyiv, 03:00–04:00 on 28 March 2027); on the night they go back a range happens twice.
Python's ``fold`` tells the two apart (PEP 495); ``read_wall_clock`` says which case a typed
time is in and describes the change, so the editor's form can refuse a time that does not
exist and ask which one is meant when it happens twice.
"""

import datetime
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, available_timezones

UTC = datetime.UTC
# Zones editors may choose beyond the listed ones: UTC, for online events with no home.
UNLISTED_OFFERED = {"UTC"}


def _database_file(name):
    """The text of one of the time-zone database's index files, or "" when none is found."""
    for folder in TZPATH:
        path = Path(folder) / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ""


@cache
def listed_zones():
    """The zone names the database lists for people to choose from (``zone.tab``)."""
    names = set()
    for line in _database_file("zone.tab").splitlines():
        if line and not line.startswith("#"):
            columns = line.split("\t")
            if len(columns) >= 3:
                names.add(columns[2])
    return frozenset(names & available_timezones())


@cache
def links():
    """Every alias the database keeps, mapped to the name it stands for."""
    aliases = {}
    for line in _database_file("tzdata.zi").splitlines():
        if line.startswith("L "):
            _link, target, name = line.split()[:3]
            aliases[name] = target
    return aliases


def current_name(name):
    """The name people should see for zone ``name``: the listed name an old alias stands
    for (Europe/Kiev → Europe/Kyiv), else ``name`` itself."""
    seen = set()
    while name not in listed_zones() and name in links() and name not in seen:
        seen.add(name)
        name = links()[name]
    return name


def offered_zones(keep=lambda name: True):
    """The listed zone names ``keep`` accepts, plus UTC, in alphabetical order."""
    return sorted({name for name in listed_zones() if keep(name)} | UNLISTED_OFFERED)


# -- wall-clock times ---------------------------------------------------------------------


@dataclass(frozen=True)
class ClockChange:
    """A change of the clocks of ``zone`` at ``instant`` (UTC): the local clocks jumped from
    ``from_time`` to ``to_time``. Forward, the times between never happen; back, they happen
    twice."""

    zone: ZoneInfo
    instant: datetime.datetime

    @property
    def before(self):
        """The last second before the change, in the zone (its offset and abbreviation)."""
        return (self.instant - datetime.timedelta(seconds=1)).astimezone(self.zone)

    @property
    def after(self):
        """The change itself, in the zone (the new offset and abbreviation)."""
        return self.instant.astimezone(self.zone)

    @property
    def forward(self):
        return self.after.utcoffset() > self.before.utcoffset()

    @property
    def from_time(self):
        """What the clocks read when they changed, e.g. 03:00 in Kyiv in spring."""
        return self.instant.replace(tzinfo=None) + self.before.utcoffset()

    @property
    def to_time(self):
        """What they read right after, e.g. 04:00 in Kyiv in spring."""
        return self.instant.replace(tzinfo=None) + self.after.utcoffset()


@dataclass(frozen=True)
class WallClock:
    """A time as typed (``wall``, naive) read in ``zone``."""

    wall: datetime.datetime
    zone: ZoneInfo
    change: ClockChange | None = None

    @property
    def missing(self):
        """Whether the clocks skip this time (it never happens there)."""
        return self.change is not None and self.change.forward

    @property
    def repeated(self):
        """Whether this time happens twice (the clocks go back over it)."""
        return self.change is not None and not self.change.forward

    def aware(self, fold=0):
        """The time as an aware datetime in UTC (``fold`` picks the occurrence of a repeated
        time). Not for missing times, which have no true instant. In UTC because Python
        compares a repeated local time with ``==`` as unequal to every other instant
        (PEP 495)."""
        if self.missing:
            raise ValueError("This local time does not exist.")
        return self.wall.replace(tzinfo=self.zone, fold=fold).astimezone(UTC)


def read_wall_clock(wall, zone):
    """Read the naive datetime ``wall`` as a time on the clocks of ``zone``."""
    wall = wall.replace(tzinfo=None, fold=0)
    first = wall.replace(tzinfo=zone, fold=0).utcoffset()
    second = wall.replace(tzinfo=zone, fold=1).utcoffset()
    if first == second:
        return WallClock(wall, zone)
    return WallClock(wall, zone, _change_near(wall, zone, first, second))


def _change_near(wall, zone, first, second):
    """The clock change that makes ``wall`` missing or repeated. With fold 0 ``wall`` is
    read with the offset in force before the change (``first``), with fold 1 with the one
    after (``second``), so the change happened between ``wall - max`` and ``wall - min``
    (UTC); halve that interval down to the second."""
    low = (wall - max(first, second)).replace(tzinfo=UTC)
    high = (wall - min(first, second)).replace(tzinfo=UTC)
    while high - low > datetime.timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == first:
            low = middle
        else:
            high = middle
    return ClockChange(zone, high.replace(microsecond=0))


def utc_offset(value):
    """The UTC offset of an aware datetime as readers know it: "UTC+03:00"."""
    offset = value.utcoffset()
    sign = "-" if offset < datetime.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def changes_on_day(value, zone):
    """Whether the clocks of ``zone`` change on the local day of the aware ``value``."""
    day = value.astimezone(zone).date()
    midnight = datetime.datetime.combine(day, datetime.time())
    start = midnight.replace(tzinfo=zone)
    end = (midnight + datetime.timedelta(days=1)).replace(tzinfo=zone)
    return start.astimezone(zone).utcoffset() != end.astimezone(zone).utcoffset()
