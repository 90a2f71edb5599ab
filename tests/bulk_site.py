"""A whole public site built in bulk, for the query budgets and the page benchmark: a
home page with the demo's listings (its own Site, HOST), the get-help and about pages, the
section index pages, partner organisations with their pages, the taxonomy, a French home
page, and as many campaigns, resources, stories and events as asked for (tests.bulk)."""

import datetime
import itertools

from django.conf import settings
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Site

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    PledgeSignature,
    ResourceIndexPage,
    ResourcePage,
)
from campaigns.stories.models import StoryIndexPage, StoryPage
from events.models import EventIndexPage, EventPage
from home.cocreation.models import PartnerOrganisation
from home.models import Audience, GetHelpPage, HomePage, StandardPage, Topic
from home.partners.models import PartnerIndexPage, PartnerPage
from tests.bulk import bulk_link, bulk_pages
from tests.events.bulk import bulk_create_events

HOST = "pages.bench"
# Organisations each own a share of every content type; the first has its page measured.
ORGANISATIONS = 6
SIGNATURES = 300
TOPICS = ["stigma", "anxiety", "depression", "workplace", "young-people", "suicide-prevention"]
AUDIENCES = ["young-people", "employers", "families", "teachers"]
FORMATS = ["article", "guide", "toolkit", "video", "easy-read", "fact-sheet"]
PARAGRAPH = "<p>Talking about mental health helps. Here is what we learnt, and where to go.</p>"


def _term(model, slug):
    """A published source-language topic or audience (earlier benchmarks may have it)."""
    term, _created = model.objects.get_or_create(
        slug=slug, locale=Locale.get_default(), defaults={"name": slug.title()}
    )
    return term


class World:
    """The site measured: a home page with the demo's listings, the section index pages,
    organisations, taxonomy, and the content added in bulk."""

    def __init__(self):

        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.images = [
            Image.objects.create(title=f"Bench picture {n}", file=get_test_image_file())
            for n in range(3)
        ]
        self.topics = [_term(Topic, slug) for slug in TOPICS]
        self.audiences = [_term(Audience, slug) for slug in AUDIENCES]
        PartnerOrganisation.objects.bulk_create(
            PartnerOrganisation(
                name=f"Bench partner {n}",
                slug=f"bench-partner-{n}",
                country="FR",
                website="https://partner.example.org",
                logo=self.images[n % len(self.images)],
            )
            for n in range(ORGANISATIONS)
        )
        self.organisations = list(
            PartnerOrganisation.objects.filter(slug__startswith="bench-partner-").order_by("slug")
        )
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Openly bench",
                slug="bench-home",
                hero_heading="Let's talk openly about mental health",
                hero_text="Campaigns, stories and events.",
                hero_image=self.images[0],
                hero_image_alt="People talking",
                hero_cta_label="Find support now",
                sections=[
                    ("listing", {"heading": heading, "kind": kind, "count": count})
                    for heading, kind, count in (
                        ("Featured campaign", "featured_campaign", 1),
                        ("Upcoming events", "upcoming_events", 3),
                        ("Latest stories", "latest_stories", 3),
                        ("Resources to read", "featured_resources", 3),
                    )
                ],
            )
        )
        Site.objects.create(hostname=HOST, port=80, root_page=home, site_name="Bench")
        get_help = home.add_child(
            instance=GetHelpPage(title="Get help now", slug="get-help", intro=PARAGRAPH)
        )
        home.hero_cta_page = get_help
        home.save()
        home.add_child(
            instance=StandardPage(
                title="About", slug="about", body=[("paragraph", PARAGRAPH)], show_in_menus=True
            )
        )
        self.campaigns = home.add_child(
            instance=CampaignIndexPage(title="Campaigns", slug="campaigns", show_in_menus=True)
        )
        self.resources = home.add_child(
            instance=ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True)
        )
        self.stories = home.add_child(
            instance=StoryIndexPage(title="Stories", slug="stories", show_in_menus=True)
        )
        self.events = home.add_child(
            instance=EventIndexPage(
                title="Events",
                slug="events",
                show_in_menus=True,
                week_start=self.today,
                week_end=self.today + datetime.timedelta(days=6),
            )
        )
        partners = home.add_child(
            instance=PartnerIndexPage(title="Our partners", slug="partners", show_in_menus=True)
        )
        bulk_pages(
            partners,
            PartnerPage,
            len(self.organisations),
            lambda number: {
                "title": self.organisations[number - 1].name,
                "slug": self.organisations[number - 1].slug,
                "organisation": self.organisations[number - 1],
                "summary": "A partner of the coalition.",
            },
        )
        self.partner_page = PartnerPage.objects.get(organisation=self.organisations[0])
        french = home.copy_for_translation(Locale.objects.get(language_code="fr"))
        french.save_revision().publish()
        self.campaign = self.resource = self.story = self.event = None

    def add(self, count):
        """Add ``count`` campaigns, resources, stories and events."""

        def owner(number):
            # The first organisation (whose page is measured) owns the first of each type.
            return self.organisations[(number - 1) % len(self.organisations)]

        def image(number):
            return self.images[number % len(self.images)]

        def campaign(number):
            # Ended, running and upcoming campaigns from the first five on.
            start = self.today + datetime.timedelta(days=number * 7 % 90 - 60)
            return {
                "title": f"Mental Health Week campaign {number}",
                "slug": f"campaign-{number}",
                "summary": "Talking openly about mental health at work, at school and at home.",
                "start_date": start,
                "end_date": start + datetime.timedelta(days=30 + number % 60),
                "organisation": owner(number),
                "hero_image": image(number),
                "hero_image_alt": "People talking",
                "body": [("paragraph", PARAGRAPH)],
                "pledge_statement": "I pledge to talk openly." if number % 10 == 1 else "",
            }

        campaigns = bulk_pages(self.campaigns, CampaignPage, count, campaign, now=self.now)
        self._tag(campaigns)
        bulk_link(campaigns, "partners", self.organisations, per_page=2)

        def resource(number):
            return {
                "title": f"Understanding mental health, part {number}",
                "slug": f"resource-{number}",
                "summary": "What it is, how it feels and where to find help.",
                "format": FORMATS[number % len(FORMATS)],
                "organisation": owner(number),
                "image": image(number),
                "image_alt": "A calm picture",
                "body": [("paragraph", PARAGRAPH)],
                "reviewed_by_name": "Dr Ana Novak",
                "reading_time": 3,
            }

        resources = bulk_pages(self.resources, ResourcePage, count, resource, now=self.now)
        self._tag(resources)
        story_campaigns = list(CampaignPage.objects.child_of(self.campaigns).order_by("path")[:5])

        def story(number):
            return {
                "title": f"What helped me, story {number}",
                "slug": f"story-{number}",
                "display_name": "Mira",
                "body": PARAGRAPH * 3,
                "image": image(number),
                "image_alt": "A quiet street",
                "country": "FR",
                "campaign": story_campaigns[number % 5] if number % 3 == 0 else None,
            }

        stories = bulk_pages(self.stories, StoryPage, count, story, now=self.now)
        bulk_link(stories, "topics", self.topics, per_page=2)
        shares = [count // len(self.organisations)] * len(self.organisations)
        shares[0] += count - sum(shares)
        for organisation, share in zip(self.organisations, shares, strict=True):
            bulk_create_events(
                self.events, share, organisation, self.topics, now=self.now, past_every=10
            )
        if self.campaign is None:
            campaigns = CampaignPage.objects.child_of(self.campaigns)
            self.campaign = campaigns.exclude(pledge_statement="").order_by("path")[0]
            self.resource = ResourcePage.objects.child_of(self.resources).order_by("path")[0]
            self.story = StoryPage.objects.child_of(self.stories).order_by("path")[0]
            self.event = EventPage.objects.child_of(self.events).order_by("path")[0]
            countries = itertools.cycle(["FR", "DE", "GR", "UA", "IT"])
            PledgeSignature.objects.bulk_create(
                PledgeSignature(
                    campaign=self.campaign,
                    name=f"Signer {n}",
                    country=next(countries),
                    status="approved",
                )
                for n in range(SIGNATURES)
            )

    def urls(self):
        """(label, address) of every public page type of the site."""
        topic, audience, organisation = TOPICS[0], AUDIENCES[0], self.organisations[0].slug
        return [
            ("home", "/en/"),
            ("get-help page", "/en/get-help/"),
            ("standard page", "/en/about/"),
            ("campaign index", "/en/campaigns/"),
            ("campaign index, page 3", "/en/campaigns/?page=3"),
            (
                "campaign index, 2 filters",
                f"/en/campaigns/?topic={topic}&organisation={organisation}",
            ),
            ("campaign page (pledge)", self.campaign.url),
            ("resource index", "/en/resources/"),
            ("resource index, page 3", "/en/resources/?page=3"),
            (
                "resource index, 3 filters",
                f"/en/resources/?topic={topic}&format=guide&audience={audience}",
            ),
            ("resource page", self.resource.url),
            ("story index", "/en/stories/"),
            ("story index, topic", f"/en/stories/?topic={topic}"),
            ("story page", self.story.url),
            ("share-your-story form", "/en/stories/share/"),
            ("event index", "/en/events/"),
            ("event index, page 3", "/en/events/?page=3"),
            ("event index, 3 filters", f"/en/events/?country=FR&format=in_person&topic={topic}"),
            # More filters than are worth caching: counted on each request.
            (
                "event index, 5 filters",
                f"/en/events/?country=FR&format=in_person&topic={topic}&free=on&language=en",
            ),
            ("past events", "/en/events/past/"),
            ("event page", self.event.url),
            ("partner index", "/en/partners/"),
            ("partner page", self.partner_page.url),
            ("search results", "/en/search/?q=conversation"),
            ("events feed.ics", "/en/events/feed.ics"),
            ("events feed.rss", "/en/events/feed.rss"),
            ("events feed.atom", "/en/events/feed.atom"),
            ("resources feed (RSS)", "/en/resources/feed/"),
            ("resources feed (Atom)", "/en/resources/feed/atom/"),
            ("stories feed (RSS)", "/en/stories/feed/"),
            ("404 page", "/en/no-such-page/"),
            ("not translated (fr)", f"/fr/campaigns/{self.campaign.slug}/"),
            ("sitemap.xml (index)", "/sitemap.xml"),
        ]

    def _tag(self, pages):
        bulk_link(pages, "topics", self.topics, per_page=2)
        bulk_link(pages, "audiences", self.audiences)
