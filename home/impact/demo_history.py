"""A past for the demo's figures, so the dashboard's charts show a trend, not one bar.

Every other loader makes its content on the day the demo is loaded: all signatures and
stories would fall in the current month. This spreads them back (the pages' dates are
moved, nothing is made up about a person) and adds anonymous approved signatures over
the last 18 months in the countries listed in demo_content.toml. Deterministic (the
demo's fixed seed) and idempotent: once the demo has a past it is left alone."""

import datetime
import uuid

from django.db.models import Min
from django.utils import timezone

from campaigns.models import CampaignPage, PledgeSignature
from campaigns.models.pledge import INDIVIDUAL
from campaigns.stories.models import StoryPage

MONTHS = 18


def _months_before(today, months, day):
    index = today.year * 12 + today.month - 1 - months
    moment = datetime.datetime(index // 12, index % 12 + 1, min(day, 28), 11, 0)
    return timezone.make_aware(moment)


def spread(demo, countries):
    """Give the demo's signatures and stories a past (see the module's docstring)."""
    today = demo.dates.today
    first = PledgeSignature.objects.aggregate(first=Min("created_at"))["first"]
    if first is None or first < timezone.now() - datetime.timedelta(days=31):
        return 0
    campaigns = [
        page
        for page in CampaignPage.objects.live().filter(locale__language_code="en")
        if page.has_pledge
    ]
    added = []
    for months in range(MONTHS, 0, -1):
        # Slow growth towards the present, with Mental Health Week months busier.
        count = 1 + (MONTHS - months) // 3 + demo.rng.randint(0, 2)
        moment = _months_before(today, months, 1 + demo.rng.randint(0, 27))
        if moment.month == 10:
            count += 6
        for number in range(count):
            added.append(
                PledgeSignature(
                    campaign=campaigns[(months + number) % len(campaigns)],
                    kind=INDIVIDUAL,
                    name="",
                    country=countries[demo.rng.randrange(len(countries))],
                    status="approved",
                    created_at=moment,
                    idempotency_key=uuid.uuid4(),
                )
            )
    if campaigns:
        moments = [row.created_at for row in added]
        # created_at is set to now on insert; give the rows their months.
        for row, moment in zip(PledgeSignature.objects.bulk_create(added), moments, strict=True):
            PledgeSignature.objects.filter(pk=row.pk).update(created_at=moment)
    _spread_stories(today)
    return len(added) if campaigns else 0


def _spread_stories(today):
    """Each story (with its translations) first published a month or two before the
    next one, the newest last month."""
    keys = list(
        StoryPage.objects.live()
        .filter(locale__language_code="en")
        .order_by("-first_published_at", "-pk")
        .values_list("translation_key", flat=True)
    )
    for number, key in enumerate(keys):
        moment = _months_before(today, 1 + number * 2, 5 + number)
        for offset, page in enumerate(
            StoryPage.objects.filter(translation_key=key).order_by("pk").only("pk")
        ):
            StoryPage.objects.filter(pk=page.pk).update(
                first_published_at=moment + datetime.timedelta(days=offset)
            )
