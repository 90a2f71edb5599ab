"""The story page: one person's story, holding only what may be published."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from campaigns.models import ResourcePage
from campaigns.stories.constants import AGE_RANGE_CHOICES, CONTENT_NOTE_CHOICES, CONTENT_NOTE_LABELS
from campaigns.stories.panels import ContributorStatusPanel
from campaigns.stories.reader import helplines_for, locale_topics, with_topic_names
from home.chrome import active_locale
from home.listing import first
from home.models import BasePage, SharedPage
from home.models.bases import ImageWithAltText, image_field, topics_field
from home.querysets import PublicPageQuerySet

RELATED_STORIES = 3
RELATED_RESOURCES = 3


class ContentNotesField(models.JSONField):
    """A list of content-note keys, edited as a set of checkboxes.

    A JSON list rather than a relation: notes are a fixed vocabulary, they travel with page
    revisions and wagtail-localize copies them unchanged to every translation."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=CONTENT_NOTE_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = set(value or []) - set(CONTENT_NOTE_LABELS)
        if unknown:
            raise ValidationError(_("Unknown content note."))


class StoryQuerySet(PublicPageQuerySet):
    """Queries for story listings, each with a fixed number of queries."""

    def for_cards(self):
        """What a story card shows, loaded up front (image, locale, topics)."""
        return self.select_related("image", "locale", "campaign").prefetch_related("topics")

    def related_to(self, page, topic_slugs):
        """Live, public stories beside ``page`` sharing one of ``topic_slugs``, newest first."""
        return (
            self.live()
            .public()
            .sibling_of(page, inclusive=False)
            .filter(pk__in=self.model.objects.filter(topics__slug__in=topic_slugs).values("pk"))
            .for_cards()
            .order_by("-first_published_at")
        )


StoryPageManager = PageManager.from_queryset(StoryQuerySet)


class StoryPage(SharedPage, ImageWithAltText, BasePage):
    """One person's story. Holds nothing that identifies the contributor beyond the display
    name they chose: contact details and consent live in a ContributorRecord."""

    display_name = models.CharField(
        max_length=60,
        blank=True,
        help_text=_(
            "The first name or pseudonym the contributor chose. Leave empty to show "
            "'Anonymous'. Never put a full name or contact details here."
        ),
        verbose_name=_("Display name"),
    )
    body = RichTextField(
        features=["bold", "italic", "h2", "h3", "ol", "ul"],
        help_text=_(
            "The story in the contributor's words. Edit gently: the contributor sees your "
            "changes and must approve them before the story goes live."
        ),
        verbose_name=_("Body"),
    )
    image = image_field(_("Optional picture. Never a photo of injuries or anything unsafe."))
    age_range = models.CharField(
        max_length=8,
        blank=True,
        choices=AGE_RANGE_CHOICES,
        help_text=_("Optional: the contributor's age range, only if they chose to share it."),
        verbose_name=_("Age range"),
    )
    country = CountryField(
        blank=True,
        help_text=_("Optional: the country the contributor lives in."),
        verbose_name=_("Country"),
    )
    topics = topics_field(
        "+",
        _("What the story is about. Readers filter stories by topic."),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the campaign this story belongs to. Readers can filter by it."),
        verbose_name=_("Campaign"),
    )
    content_notes = ContentNotesField(
        verbose_name=_("content notes"),
        help_text=_(
            "Tick every sensitive subject the story mentions. Readers then see a notice with "
            "helplines before the text and can skip it."
        ),
    )

    content_panels = [
        ContributorStatusPanel(heading=_("Contributor")),
        *BasePage.content_panels,
        FieldPanel("display_name"),
        FieldPanel("body"),
        *ImageWithAltText.image_panels,
        FieldPanel("content_notes"),
        MultiFieldPanel(
            [
                FieldPanel("age_range"),
                FieldPanel("country"),
                FieldPanel("topics"),
                FieldPanel("campaign"),
            ],
            heading=_("About the story"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    template = "pages/story_page.html"
    description_fields = ("excerpt",)

    objects = StoryPageManager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @property
    def excerpt(self):
        """The card text: the summary, else the story's first words."""
        if self.card_summary:
            return self.card_summary
        # Keep a space where paragraphs and line breaks end, or their words run together.
        text = self.body.replace("</p>", "</p> ").replace("<br/>", " ").replace("<br>", " ")
        return Truncator(strip_tags(text)).words(30, truncate="…")

    @property
    def content_note_labels(self):
        return [
            CONTENT_NOTE_LABELS[key] for key in self.content_notes if key in CONTENT_NOTE_LABELS
        ]

    def related_resources(self, topic_slugs):
        """Live literacy resources in the story's language that share a topic with it."""
        if not topic_slugs:
            return []
        resources = (
            ResourcePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .with_topics(topic_slugs)
            .order_by("-first_published_at")
        )
        # Which ones they are is kept in the cache (a new publication renews it).
        key = ("story-resources", self.pk)
        return first(resources, RELATED_RESOURCES, key=key, rows=ResourcePage.objects.all())

    def get_context(self, request, *args, **kwargs):
        """Besides the story: helplines before a sensitive story, the topics' names in the
        reader's language, and related stories and resources."""
        context = super().get_context(request, *args, **kwargs)
        context["emergency_number"] = settings.OPENLY_EMERGENCY_NUMBER
        if self.content_notes:
            context["helplines"] = helplines_for(request)
        topics = locale_topics(active_locale(request))
        prefetch_related_objects([self], "topics")
        context["topic_names"] = with_topic_names([self], topics)[0].card_topics
        topic_slugs = [t.slug for t in self.topics.all() if t.live]
        related = first(
            StoryPage.objects.related_to(self, topic_slugs),
            RELATED_STORIES,
            key=("related-stories", self.pk),
            rows=StoryPage.objects.for_cards(),
        )
        context["related_stories"] = with_topic_names(related, topics)
        context["related_resources"] = self.related_resources(topic_slugs)
        return context
