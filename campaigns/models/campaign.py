"""Campaign pages and their index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from campaigns.blocks import CampaignBodyBlock
from campaigns.detail import campaign_detail_context
from campaigns.facets import CAMPAIGN_FACETS
from campaigns.pledge import handle_pledge
from home.cocreation.models import OrganisationOwnedMixin
from home.cocreation.public import organisations
from home.listing import (
    FacetedListing,
    Vocabulary,
    count_by,
    paginate,
    term_choices,
)
from home.models import BasePage, SharedPage, validate_alt_text
from home.models.bases import (
    IndexPage,
    alt_text_field,
    audiences_field,
    image_field,
    intro_field,
    topics_field,
)
from home.querysets import PublicPageQuerySet, TaggedQuerySetMixin

UPCOMING = "upcoming"
ACTIVE = "active"
ENDED = "ended"
STATUS_LABELS = {UPCOMING: _("Upcoming"), ACTIVE: _("Active"), ENDED: _("Ended")}
# Listings show running campaigns first, then upcoming ones, then the archive.
STATUS_RANK = {ACTIVE: 0, UPCOMING: 1, ENDED: 2}
STATUS_HEADINGS = {
    STATUS_RANK[ACTIVE]: _("Running now"),
    STATUS_RANK[UPCOMING]: _("Coming up"),
    STATUS_RANK[ENDED]: _("Archive"),
}
CAMPAIGNS_PER_PAGE = 12
# The picture on campaign cards (templates/components/campaign_card.html uses the same).
CARD_IMAGE_SPEC = "fill-640x360"


class CampaignPageQuerySet(TaggedQuerySetMixin, PublicPageQuerySet):
    """Named queries for campaign listings."""

    def active(self, today=None):
        """Campaigns running today (started, and not ended)."""
        today = today or timezone.localdate()
        return self.filter(start_date__lte=today).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )

    def upcoming(self, today=None):
        """Campaigns that have not started yet."""
        return self.filter(start_date__gt=today or timezone.localdate())

    def ended(self, today=None):
        """Campaigns whose end date has passed."""
        return self.filter(end_date__lt=today or timezone.localdate())

    def with_organisations(self, slugs):
        """Campaigns any of the given organisations run, as owner or as a partner."""
        if not slugs:
            return self
        partnered = CampaignPage.objects.filter(partners__slug__in=slugs).values("pk")
        return self.filter(Q(organisation__slug__in=slugs) | Q(pk__in=partnered))

    def organisation_counts(self):
        """{organisation slug: number of campaigns it runs, as owner or partner}: three
        grouped queries (owned, partnered, and both, which would count twice)."""
        queryset = self.order_by()
        owned = count_by(queryset, "organisation__slug")
        partnered = count_by(queryset, "partners__slug")
        both = count_by(queryset.filter(partners=F("organisation")), "organisation__slug")
        slugs = owned.keys() | partnered.keys()
        counts = {
            slug: owned.get(slug, 0) + partnered.get(slug, 0) - both.get(slug, 0) for slug in slugs
        }
        return {slug: count for slug, count in counts.items() if count}

    def by_status(self, today=None):
        """Running campaigns first (latest start first), then upcoming ones (soonest
        first), then ended ones (latest first); each annotated with ``status_rank``."""
        today = today or timezone.localdate()
        return self.annotate(
            status_rank=Case(
                When(start_date__gt=today, then=Value(STATUS_RANK[UPCOMING])),
                When(end_date__lt=today, then=Value(STATUS_RANK[ENDED])),
                default=Value(STATUS_RANK[ACTIVE]),
                output_field=IntegerField(),
            ),
            upcoming_start=Case(When(start_date__gt=today, then=F("start_date")), default=None),
        ).order_by("status_rank", "upcoming_start", "-start_date", "pk")

    def for_cards(self):
        """Everything a campaign card shows, in a fixed number of queries (the topic and
        audience labels come from ``Vocabulary.label_cards``)."""
        return (
            self.select_related("organisation", "locale")
            .with_renditions("hero_image", CARD_IMAGE_SPEC)
            .prefetch_related("partners")
        )


CampaignPageManager = PageManager.from_queryset(CampaignPageQuerySet)


class CampaignIndexPage(IndexPage):
    """The list of campaigns: active ones first, then upcoming, then an archive."""

    intro = intro_field(
        _("A sentence or two above the list, e.g. what the coalition campaigns for."),
    )

    subpage_types = ["campaigns.CampaignPage"]
    template = "pages/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")

    def listing_context(self, request, **kwargs):
        """Active, then upcoming, then ended campaigns; filtered by topic, audience and
        organisation, with counts; paginated."""
        vocabulary = Vocabulary(self.locale)
        listing = FacetedListing(
            request,
            CampaignPage.objects.live().public().child_of(self),
            CAMPAIGN_FACETS,
            {
                "topic": vocabulary.topic_choices(),
                "audience": vocabulary.audience_choices(),
                "organisation": term_choices(organisations()),
            },
        )
        today = timezone.localdate()
        campaigns = listing.results().by_status(today).for_cards()
        # The order changes with the date (running, upcoming, ended).
        page = paginate(request, campaigns, CAMPAIGNS_PER_PAGE, **listing.page_keys(today))
        vocabulary.label_cards(page)
        return {"campaigns": page, **listing.filter_context()}


class CampaignPage(RoutablePageMixin, OrganisationOwnedMixin, SharedPage, BasePage):
    """A campaign the coalition runs, e.g. 'Mental Health Week 2026: co-creation'."""

    hero_image = image_field(
        _("The big picture at the top of the campaign, also used when it is shared."),
        verbose_name=_("Hero image"),
    )
    hero_image_alt = alt_text_field(verbose_name=_("Hero image alt text"))
    start_date = models.DateField(
        help_text=_("The first day of the campaign."), verbose_name=_("Start date")
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("The last day of the campaign. Leave empty if it has no end date."),
        verbose_name=_("End date"),
    )
    partners = ParentalManyToManyField(
        "cocreation.PartnerOrganisation",
        blank=True,
        related_name="campaigns",
        help_text=_("The partner organisations running the campaign together."),
        verbose_name=_("Partners"),
    )
    topics = topics_field(
        "campaigns",
        _("What the campaign is about. Related stories and resources share these."),
    )
    audiences = audiences_field("campaigns", _("Who the campaign is for."))
    body = StreamField(
        CampaignBodyBlock(),
        blank=True,
        help_text=_("The campaign's content: text, facts, myths, videos, calls to action."),
        verbose_name=_("Body"),
    )
    pledge_statement = models.CharField(
        max_length=250,
        blank=True,
        help_text=_(
            "Optional: the pledge people sign, e.g. 'I pledge to talk openly about mental "
            "health'. Leave empty for no pledge."
        ),
        verbose_name=_("Pledge statement"),
    )
    pledge_open = models.BooleanField(
        default=True,
        help_text=_("Untick to stop new signatures (the count and list stay visible)."),
        verbose_name=_("Pledge open"),
    )
    pledge_allows_organisations = models.BooleanField(
        default=True,
        help_text=_("Let organisations sign as organisations, with their commitment."),
        verbose_name=_("Organisations may sign"),
    )

    objects = CampaignPageManager()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Picture")
        ),
        MultiFieldPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        *OrganisationOwnedMixin.organisation_panels,
        FieldPanel("partners"),
        FieldPanel("topics"),
        FieldPanel("audiences"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("pledge_statement"),
                FieldPanel("pledge_open"),
                FieldPanel("pledge_allows_organisations"),
            ],
            heading=_("Pledge"),
        ),
        InlinePanel(
            "related_pages",
            label=_("Related pages (optional)"),
            help_text=_(
                "Pick stories, resources or events by hand. Leave empty to show content "
                "with the same topics automatically."
            ),
            max_num=6,
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("pledge_statement"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    template = "pages/campaign_page.html"
    og_type = "website"
    # Read with the page when it is served (home.routing).
    route_select_related = ("hero_image",)
    # ?pledged=1 thanks the reader who just signed: that variant is theirs, never shared.
    private_query_parameters = ("pledged",)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        validate_alt_text(self, "hero_image", "hero_image_alt")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must be on or after the start.")})

    def status(self, today=None):
        """'upcoming', 'active' or 'ended', from the dates and today's date."""
        today = today or timezone.localdate()
        if self.start_date and self.start_date > today:
            return UPCOMING
        if self.end_date and self.end_date < today:
            return ENDED
        return ACTIVE

    @property
    def status_key(self):
        return self.status()

    @property
    def status_label(self):
        return STATUS_LABELS[self.status()]

    @property
    def status_heading(self):
        """The listing's group heading; needs ``status_rank`` (see ``by_status``)."""
        return STATUS_HEADINGS[self.status_rank]

    @property
    def has_pledge(self):
        return bool(self.pledge_statement.strip())

    @cached_property
    def topic_slugs(self):
        """Slugs of the campaign's published topics (related content is matched by them)."""
        return [topic.slug for topic in self.topics.all() if topic.live]

    @path("pledge/", name="pledge")
    def pledge(self, request):
        """Receives pledge signatures (POST); anything else goes back to the page."""
        return handle_pledge(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_detail_context(self, request))
        return context


class CampaignRelatedPage(Orderable):
    """A page an editor picked by hand to show as related to a campaign."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A story, resource, event or campaign related to this campaign."),
        verbose_name=_("Page"),
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
