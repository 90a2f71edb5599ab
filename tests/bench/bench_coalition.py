"""The coalition's follow-up pages with 50, 500 and 5,000 items of each kind: commitment
plans (three actions each) signed for one campaign, tracked actions from workshop reports,
practices (one country case study each) and working groups. Queries and render times of
each index (plain, filtered, paged), of one page of each type and of the tracker's feed.

The content is built in bulk (tests.bulk and the test suites' bulk builders) inside a
transaction that is rolled back at the end, so the modules after this one see the
database as it was. (The runner imports this module once Django is set up.)
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction

from tests.bench.site import english_home
from tests.campaigns.commitment_fixtures import bulk_plans, organisations_in
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CommitmentIndexPageFactory,
)
from tests.campaigns.practice_factories import PracticeIndexPageFactory, bulk_practices
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.tracker_helpers import ActionTrackerPageFactory, bulk_actions
from tests.events.working_group_factories import WorkingGroupIndexPageFactory, bulk_groups
from tests.factories import TopicFactory

SIZES = (50, 500, 5000)
COUNTRIES = ("FR", "IE", "DE", "UA", "PL", "IT")


class Coalition:
    """The pages measured: the indexes, one campaign with a pledge organisations sign,
    and content added in bulk (``add``)."""

    def __init__(self):
        home = english_home()
        self.campaign = CampaignPageFactory(
            parent=CampaignIndexPageFactory(parent=home, slug="campaigns"),
            title="Prevention Concordat for Better Mental Health",
            slug="prevention-concordat",
            pledge_statement="We adopt the Prevention Concordat for Better Mental Health.",
        )
        self.commitments = CommitmentIndexPageFactory(parent=home)
        self.practices = PracticeIndexPageFactory(parent=home)
        self.groups = WorkingGroupIndexPageFactory(parent=home)
        ActionTrackerPageFactory(parent=home)
        events = EventIndexPageFactory(parent=home, slug="events")
        self.workshop = EventPageFactory(parent=events, title="Stakeholder workshop")
        self.organisations = organisations_in(*COUNTRIES)
        self.topic = TopicFactory(name="Stigma", slug="stigma")
        self.built = 0
        self.plan = self.practice = self.group = None

    def add(self, count):
        """``count`` more plans, tracked actions, practices and working groups."""
        plans = bulk_plans(self.commitments, self.campaign, count, self.organisations)
        bulk_actions(self.workshop, count, self.organisations[0], start=self.built)
        practices = bulk_practices(self.practices, count, self.topic, self.organisations[0])
        groups = bulk_groups(self.groups, count, self.topic, self.organisations[0])
        if self.plan is None:
            self.plan, self.practice, self.group = plans[0], practices[0], groups[0]
        self.built += count

    def urls(self):
        """(label, address) of every page measured."""
        return [
            ("commitment index", "/en/commitments/"),
            ("commitment index, page 3", "/en/commitments/?page=3"),
            ("commitment index, 2 filters", "/en/commitments/?country=FR&progress=overdue"),
            ("commitment plan", self.plan.url),
            ("campaign page (signatories)", self.campaign.url),
            ("action tracker", "/en/actions/"),
            ("action tracker, page 3", "/en/actions/?page=3"),
            (
                "action tracker, 4 filters",
                "/en/actions/?topic=stigma&country=FR&due=overdue&status=planned",
            ),
            ("action tracker, text search", "/en/actions/?q=bulk"),
            ("action tracker feed.ics", "/en/actions/feed.ics?status=in_progress"),
            ("practice index", "/en/practices/"),
            ("practice index, 2 filters", "/en/practices/?country=UA&stage=planning"),
            ("practice page", self.practice.url),
            ("working-group index", "/en/working-groups/"),
            ("working-group index, 2 filters", "/en/working-groups/?kind=task_force&status=active"),
            ("working-group page", self.group.url),
        ]


def run(bench):
    # A page that is missing would log a warning on every request measured.
    requests_log = logging.getLogger("django.request")
    level = requests_log.level
    requests_log.setLevel(logging.ERROR)
    try:
        with transaction.atomic():
            started = time.perf_counter()
            coalition = Coalition()
            bench.note(f"site set up in {time.perf_counter() - started:.1f}s")
            for size in SIZES:
                started = time.perf_counter()
                coalition.add(size - coalition.built)
                bench.note(
                    f"{size:,} plans, tracked actions, practices and working groups: built in "
                    f"{time.perf_counter() - started:.1f}s"
                )
                for label, url in coalition.urls():
                    bench.measure(label, url, items=size)
            transaction.set_rollback(True)
    finally:
        requests_log.setLevel(level)
        # Cached chrome and listings name rows that are rolled back.
        cache.clear()
