"""The demo's calendar reckoned from the day it is loaded, and its generated pictures and
partner logos: distinct, deterministic, legible."""

import datetime
import io
from itertools import combinations

import pytest
from PIL import Image, ImageChops, ImageStat

from events import demo_content as events_demo
from home.demo import demo_content as home_demo
from home.demo import pictures
from home.demo.dates import DemoDates, week_of
from home.demo.loading import read_data

D = datetime.date


@pytest.mark.parametrize(
    ("today", "year", "last_years"),
    [
        (D(2026, 11, 30), 2027, [2026, 2025]),
        (D(2027, 3, 14), 2027, [2026, 2025]),
        # On the week's first day and during it, the next week is next year's; the week
        # under way is neither next nor past.
        (D(2027, 10, 4), 2028, [2026, 2025]),
        (D(2031, 10, 8), 2032, [2030, 2029]),
        (D(2031, 10, 13), 2032, [2031, 2030]),
    ],
)
def test_the_next_week_is_always_ahead(today, year, last_years):
    dates = DemoDates(today)
    assert dates.year == year
    start, end = dates.week
    assert today < start and start.weekday() == 0 and (end - start).days == 6
    assert start <= D(year, 10, 10) <= end  # World Mental Health Day falls in it
    editions = dates.past_editions(2)
    assert [edition[0] for edition in editions] == last_years
    assert all(edition_end < today for _year, _start, edition_end in editions)


def test_relative_dates_and_texts():
    dates = DemoDates(D(2027, 3, 14))
    assert dates.resolve({"from": "today", "days": -30}) == D(2027, 2, 12)
    assert dates.resolve({"from": "week", "days": -147}) == week_of(2027)[0] - datetime.timedelta(
        147
    )
    assert dates.resolve(D(2020, 1, 1)) == D(2020, 1, 1)
    assert dates.text("Mental Health Week {year} ({last_year})") == "Mental Health Week 2027 (2026)"
    assert dates.text("{year} {other}", year=2020) == "2020 {other}"
    assert dates.strings({"Week {year}": "Semaine {year}"}) == {"Week 2027": "Semaine 2027"}


def _image(data):
    return Image.open(io.BytesIO(data)).convert("RGB")


def _difference(first, second):
    """Mean absolute difference of two same-sized pictures, 0 to 255."""
    return sum(ImageStat.Stat(ImageChops.difference(first, second)).mean) / 3


def demo_partners():
    """(name, slug) of every partner organisation the demo creates."""
    partners = read_data(home_demo.__file__)["partners"]
    partners += read_data(events_demo.__file__)["extra_partners"]
    return [(p["name"], p["slug"]) for p in partners]


def test_partner_logos_are_distinct_legible_and_deterministic():
    partners = demo_partners()
    assert len(partners) >= 10
    logos = {slug: _image(pictures.logo(name, slug)) for name, slug in partners}
    for (first, a), (second, b) in combinations(logos.items(), 2):
        assert _difference(a, b) > 20, f"{first} and {second} look alike"
    looks = {
        (pictures.initials(name), pictures.logo_shape(slug), pictures.logo_colours(slug)[0])
        for name, slug in partners
    }
    assert len(looks) == len(partners)
    for name, slug in partners:
        background, text, _accent = pictures.logo_colours(slug)
        assert pictures.contrast(background, text) >= 4.5, name
        # The initials are drawn in that colour on that background.
        image = logos[slug]
        centre = image.crop((100, 140, 300, 260))
        colours = {colour for _count, colour in centre.getcolors(200 * 120)}
        assert background in colours and text in colours, name
    assert pictures.logo("Open Minds Coalition", "open-minds") == pictures.logo(
        "Open Minds Coalition", "open-minds"
    )
    assert pictures.initials("Talk It Through Ireland") == "TTI"
    assert pictures.initials("Stimme e.V.") == "SE"


def test_pictures_vary_in_motif_and_colour():
    titles = [f"Event: event number {number}" for number in range(40)]
    assert {pictures.motif_of(title) for title in titles} == set(pictures.MOTIFS)
    images = [_image(pictures.picture(title, (240, 160))) for title in titles[:12]]
    for a, b in combinations(images, 2):
        assert _difference(a, b) > 5
    assert pictures.picture("Home hero", (120, 80)) == pictures.picture("Home hero", (120, 80))


def test_contrast_formula():
    assert pictures.contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert pictures.contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
