"""The practice library: best practices (what works, its evidence, its components and
sources) with country case studies of their implementation, and the library's index.

Case studies are inline items of their practice rather than child pages: a case study
only makes sense beside the practice it implements, readers compare them on one page,
and the practice, its case studies and their translations then go through the workflow
as one piece of content (one review, one translation job per language). The index
filters practices by the case studies' countries and stages with one join.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns.blocks import ReferencesBlock
from campaigns.practices.detail import practice_detail_context
from campaigns.practices.facets import PRACTICE_FACETS
from campaigns.practices.querysets import PracticePageManager
from home.cocreation.models import OrganisationOwnedMixin
from home.listing import FacetedListing, Vocabulary, alphabetical_index
from home.models import BasePage
from home.models.bases import IndexPage, intro_field, topics_field

PRACTICES_PER_PAGE = 12
RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


class Stage(models.TextChoices):
    """How far a country has got with a practice."""

    PLANNING = "planning", _("Planning")
    PILOTING = "piloting", _("Piloting")
    IMPLEMENTING = "implementing", _("Implementing")
    SCALING_UP = "scaling_up", _("Scaling up")
    SUSTAINED = "sustained", _("Sustained")


class PracticeIndexPage(IndexPage):
    """The practice library: best practices, filtered by topic and by the countries and
    stages of their case studies (plain links and a form: no JavaScript needed)."""

    intro = intro_field(_("A sentence or two above the library, e.g. what a best practice is."))

    subpage_types = ["practices.PracticePage"]
    template = "pages/practice_index_page.html"

    class Meta:
        verbose_name = _("practice library")
        verbose_name_plural = _("practice libraries")

    def practices(self):
        """The library's live, public practices."""
        return PracticePage.objects.live().public().child_of(self)

    def listing_context(self, request, **kwargs):
        """The practices matching the reader's filters, with counts per option."""
        vocabulary = Vocabulary(self.locale)
        listing = FacetedListing(
            request,
            self.practices(),
            PRACTICE_FACETS,
            {
                "topic": vocabulary.topic_choices(),
                "country": [(country.code, country.name) for country in countries],
                "stage": Stage.choices,
            },
        )
        return alphabetical_index(request, listing, PRACTICES_PER_PAGE, vocabulary, "practices")


class PracticePage(OrganisationOwnedMixin, BasePage):
    """A best practice, e.g. 'Community-based mental health care', with the evidence
    for it, its components, its sources and how countries implemented it."""

    topics = topics_field("practices", _("What the practice is about. Readers filter by topic."))
    evidence = RichTextField(
        features=RICH_TEXT,
        help_text=_("What shows that the practice works: studies, evaluations, figures."),
        verbose_name=_("Evidence"),
    )
    components = RichTextField(
        blank=True,
        features=RICH_TEXT,
        help_text=_("The parts the practice is made of, e.g. a list of its key activities."),
        verbose_name=_("Components"),
    )
    sources = StreamField(
        ReferencesBlock(),
        blank=True,
        help_text=_("The publications the practice and its evidence come from."),
        verbose_name=_("Sources"),
    )
    organisations = ParentalManyToManyField(
        "cocreation.PartnerOrganisation",
        blank=True,
        related_name="+",
        help_text=_("Partner organisations that use or promote this practice."),
        verbose_name=_("Organisations involved"),
    )

    objects = PracticePageManager()

    content_panels = BasePage.content_panels + [
        *OrganisationOwnedMixin.organisation_panels,
        FieldPanel("topics"),
        FieldPanel("evidence"),
        FieldPanel("components"),
        FieldPanel("sources"),
        InlinePanel("case_studies", label=_("Country case study")),
        FieldPanel("organisations"),
        InlinePanel("related_links", label=_("Related resource or event")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("evidence"),
        index.SearchField("components"),
        index.RelatedFields(
            "case_studies",
            [
                index.SearchField("adapted"),
                index.SearchField("outcomes"),
                index.SearchField("lessons"),
            ],
        ),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []
    template = "pages/practice_page.html"
    description_fields = ("evidence",)
    # Read with the page when it is served (home.routing).
    route_select_related = ("organisation",)

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(practice_detail_context(self, request))
        return context


class PracticeCaseStudy(TranslatableMixin, Orderable):
    """How one country implemented a practice: who did it, how far they got, what they
    changed, what came of it and what others can learn."""

    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="case_studies")
    country = CountryField(
        help_text=_("The country where the practice was implemented."),
        verbose_name=_("Country"),
    )
    stage = models.CharField(
        max_length=20,
        choices=Stage.choices,
        default=Stage.PILOTING,
        help_text=_("How far the implementation has got. Readers filter by it."),
        verbose_name=_("Stage of implementation"),
    )
    organisation = models.ForeignKey(
        "cocreation.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation that implemented it, if it is one."),
        verbose_name=_("Organisation"),
    )
    organisation_name = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Otherwise the name of the organisation, e.g. 'Ministry of Health'."),
        verbose_name=_("Organisation name"),
    )
    adapted = models.TextField(
        max_length=2000,
        blank=True,
        help_text=_("What was changed to fit the country: services, laws, language, people."),
        verbose_name=_("What was adapted"),
    )
    outcomes = models.TextField(
        max_length=2000,
        help_text=_("What came of it so far, with figures where there are some."),
        verbose_name=_("Outcomes"),
    )
    lessons = models.TextField(
        max_length=2000,
        blank=True,
        help_text=_("What another country should know before starting."),
        verbose_name=_("Lessons learned"),
    )
    source_url = models.URLField(
        blank=True,
        help_text=_("Optional link to the full case study or its report."),
        verbose_name=_("Link to the case study"),
    )

    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("stage")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name")]),
        FieldPanel("adapted"),
        FieldPanel("outcomes"),
        FieldPanel("lessons"),
        FieldPanel("source_url"),
    ]
    # Country and stage are data, not prose: the filters match them in every language.
    override_translatable_fields = [SynchronizedField("country"), SynchronizedField("stage")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("country case study")
        verbose_name_plural = _("country case studies")

    def __str__(self):
        return f"{self.country.name}: {self.organisation_label}"

    @property
    def organisation_label(self):
        if self.organisation_name:
            return self.organisation_name
        return self.organisation.name if self.organisation_id else ""

    def clean(self):
        super().clean()
        if not self.organisation_id and not self.organisation_name.strip():
            raise ValidationError(
                {
                    "organisation_name": _(
                        "Choose the partner organisation that implemented the practice, or "
                        "type the organisation's name."
                    )
                }
            )


class PracticeRelatedPage(Orderable):
    """A resource or event linked from a practice (shown in the reader's language)."""

    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A resource or an event about this practice."),
        verbose_name=_("Page"),
    )

    panels = [PageChooserPanel("page", ["campaigns.ResourcePage", "events.EventPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource or event")
        verbose_name_plural = _("related resources and events")
