"""The geometry of the dashboard's charts, drawn by the project's own SVG templates
(templates/components/impact_*_chart.html): bars over time and bars by country.

Why not a charting library: pygal, the obvious one, writes its styles as an inline
<style> element (refused by the site's Content-Security-Policy without a nonce in every
chart), links a script from a CDN unless told not to, knows no right-to-left layout and
formats numbers and months in its own way. Two kinds of bar chart are a few dozen lines.

Coordinates are in the SVG's own units (the chart scales to its container). In
right-to-left languages the x axis is mirrored (time runs from the right, bars grow
leftwards) and the SVG's ``direction`` is rtl, so ``text-anchor="start"`` means the side
a reader starts from in both directions.
"""

import math
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

WIDTH = 360
TIME_HEIGHT = 220
TOP, BOTTOM, AXIS, END = 14, 40, 40, 10
ROW = 40
MAX_TICK_LABELS = 6
# Fills by part: the first part solid, the second striped (told apart without colour).
FILLS = ("brand", "accent")


def number(value):
    """``value`` as the reader's language writes numbers."""
    return formats.number_format(value, force_grouping=True)


def period_label(period, yearly, long=True):
    if yearly:
        return formats.date_format(period, "Y")
    return formats.date_format(period, "YEAR_MONTH_FORMAT" if long else "M")


def nice_ceiling(value):
    """The smallest of 1, 2, 5 × 10ⁿ at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


@dataclass
class Mirror:
    """Places x coordinates for the reading direction."""

    rtl: bool

    def x(self, value, width=0):
        """The left edge of a shape that starts ``value`` units from the reading start."""
        return round(WIDTH - value - width, 2) if self.rtl else round(value, 2)


def _segments(mirror, parts, counts, scale, along, across, thickness, horizontal):
    """Stacked rectangles of one bar: [{x, y, width, height, fill, part}]."""
    shapes, offset = [], 0.0
    for index, (value, _label) in enumerate(parts):
        size = counts.get(value, 0) * scale
        if size <= 0:
            continue
        if horizontal:
            shape = {
                "x": mirror.x(along + offset, size),
                "y": across,
                "width": round(size, 2),
                "height": thickness,
            }
        else:
            shape = {
                "x": mirror.x(along, thickness),
                "y": round(across - offset - size, 2),
                "width": thickness,
                "height": round(size, 2),
            }
        shape["fill"] = FILLS[index % len(FILLS)]
        shapes.append(shape)
        offset += size
    return shapes


def time_chart(periods, counts, parts, yearly, rtl=False):
    """Stacked bars, one per period. ``counts`` is {period: {part: n}}."""
    mirror = Mirror(rtl)
    totals = [sum(counts.get(period, {}).values()) for period in periods]
    top = nice_ceiling(max(totals, default=0))
    plot_height = TIME_HEIGHT - TOP - BOTTOM
    base = TIME_HEIGHT - BOTTOM
    scale = plot_height / top
    slot = (WIDTH - AXIS - END) / max(len(periods), 1)
    thickness = round(max(slot * 0.7, 1), 2)
    step = max(1, math.ceil(len(periods) / MAX_TICK_LABELS))
    bars, labels, shown_year = [], [], None
    for index, period in enumerate(periods):
        along = AXIS + index * slot + (slot - thickness) / 2
        bars.extend(
            _segments(mirror, parts, counts.get(period, {}), scale, along, base, thickness, False)
        )
        if index % step == 0:
            year = "" if yearly or period.year == shown_year else formats.date_format(period, "Y")
            shown_year = period.year
            labels.append(
                {
                    "x": mirror.x(along + thickness / 2),
                    "first": period_label(period, yearly, long=False),
                    "second": year,
                }
            )
    ticks = [
        {"y": round(base - value * scale, 2), "label": number(value)}
        for value in (0, top // 2 if top % 2 == 0 else None, top)
        if value is not None
    ]
    return {
        "width": WIDTH,
        "height": TIME_HEIGHT,
        "bars": bars,
        "labels": labels,
        "label_y": base + 16,
        "label_y2": base + 32,
        "ticks": ticks,
        "tick_x": mirror.x(AXIS - 6),
        "grid_x1": mirror.x(AXIS),
        "grid_x2": mirror.x(WIDTH - END),
        "direction": "rtl" if rtl else "ltr",
    }


def country_chart(rows, parts, rtl=False):
    """Stacked horizontal bars, one per country: ``rows`` is [(name, {part: n})]."""
    mirror = Mirror(rtl)
    totals = [sum(counts.values()) for _name, counts in rows]
    top = max(totals, default=0) or 1
    room = WIDTH - 8 - 64
    scale = room / top
    items = []
    for index, ((name, counts), total) in enumerate(zip(rows, totals, strict=True)):
        y = index * ROW
        bars = _segments(mirror, parts, counts, scale, 8, y + 18, 14, True)
        items.append(
            {
                "name": name,
                "name_x": mirror.x(8),
                "name_y": y + 13,
                "bars": bars,
                "value": number(total),
                "value_x": mirror.x(8 + total * scale + 6),
                "value_y": y + 30,
            }
        )
    return {
        "width": WIDTH,
        "height": max(len(rows), 1) * ROW,
        "rows": items,
        "direction": "rtl" if rtl else "ltr",
    }


def describe_time(periods, counts, yearly):
    """The time chart's text description: the total and the busiest period."""
    totals = {period: sum(counts.get(period, {}).values()) for period in periods}
    total = sum(totals.values())
    if not total:
        return _("Nothing counted in this period.")
    busiest = max(periods, key=lambda period: (totals[period], period))
    return _("Total: %(total)s, %(first)s to %(last)s. Most: %(busiest)s (%(count)s).") % {
        "total": number(total),
        "first": period_label(periods[0], yearly),
        "last": period_label(periods[-1], yearly),
        "busiest": period_label(busiest, yearly),
        "count": number(totals[busiest]),
    }


def describe_countries(rows, places):
    """The country chart's text description: how many places, and the first one."""
    if not rows:
        return _("Nothing counted in this period.")
    name, counts = rows[0]
    return _("%(number)s countries or places. Most: %(name)s (%(count)s).") % {
        "number": number(places),
        "name": name,
        "count": number(sum(counts.values())),
    }
