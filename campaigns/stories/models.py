"""Success stories by people with lived experience, and the contributor records kept apart
from them.

The story page holds only what may be published. Everything that identifies the person who
shared it (email, consent, the status token) lives in ContributorRecord, which is not a page,
has no revisions, is not indexed for search and is visible only to story moderators.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from campaigns.stories.panels import ContributorStatusPanel
from home.models import BasePage, validate_alt_text

STORY_TEXT_MAX_CHARS = 8000
STORY_TITLE_MAX_CHARS = 120
STORIES_PER_PAGE = 12

CONTENT_NOTE_CHOICES = [
    ("suicide", _("Suicide")),
    ("self-harm", _("Self-harm")),
    ("eating-disorders", _("Eating disorders")),
    ("abuse", _("Abuse or violence")),
    ("substance-use", _("Substance use")),
    ("trauma", _("Trauma")),
    ("hospitalisation", _("Hospital or compulsory treatment")),
]
CONTENT_NOTE_LABELS = dict(CONTENT_NOTE_CHOICES)

AGE_RANGE_CHOICES = [
    ("16-24", _("16–24")),
    ("25-34", _("25–34")),
    ("35-44", _("35–44")),
    ("45-54", _("45–54")),
    ("55-64", _("55–64")),
    ("65+", _("65 or over")),
]


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


class StoryQuerySet(PageQuerySet):
    """Queries for story listings, each with a fixed number of queries."""

    def for_cards(self):
        """What a story card shows, loaded up front (image, locale, topics)."""
        return self.select_related("image", "locale", "campaign").prefetch_related("topics")


StoryPageManager = PageManager.from_queryset(StoryQuerySet)


class StoryIndexPage(RoutablePageMixin, BasePage):
    """The stories section of one language: published stories, the share-your-story form and
    contributors' private status pages."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences above the stories: why people share them and how."),
    )
    share_intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown above the share-your-story form: who can share, what happens next and "
            "that contributors stay in control of their story."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("share_intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1
    template = "pages/story_index_page.html"

    class Meta:
        verbose_name = _("story index page")

    def campaign_choices(self):
        """The live campaigns that have live stories in this section, for the filter."""
        from campaigns.models import CampaignPage

        used = self.stories().exclude(campaign=None).values("campaign_id")
        return list(CampaignPage.objects.live().filter(pk__in=used).order_by("title"))

    def stories(self):
        """The live, public stories of this section, newest first."""
        return (
            StoryPage.objects.live()
            .public()
            .child_of(self)
            .for_cards()
            .order_by("-first_published_at", "-pk")
        )

    @path("")
    def index_route(self, request):
        from campaigns.stories import views

        return views.story_index(self, request)

    @path("feed/")
    def feed(self, request):
        from campaigns.stories.feeds import StoryFeed

        return StoryFeed(self)(request)

    @path("share/")
    def share(self, request):
        from campaigns.stories import views

        return views.share(self, request)

    @path("share/thanks/")
    def share_thanks(self, request):
        from campaigns.stories import views

        return views.share_thanks(self, request)

    @path("status/<str:token>/")
    def status(self, request, token):
        from campaigns.stories import views

        return views.status(self, request, token)


class StoryPage(BasePage):
    """One person's story. Holds nothing that identifies the contributor beyond the display
    name they chose: contact details and consent live in a ContributorRecord."""

    display_name = models.CharField(
        max_length=60,
        blank=True,
        help_text=_(
            "The first name or pseudonym the contributor chose. Leave empty to show "
            "'Anonymous'. Never put a full name or contact details here."
        ),
    )
    body = RichTextField(
        features=["bold", "italic", "h2", "h3", "ol", "ul"],
        help_text=_(
            "The story in the contributor's words. Edit gently: the contributor sees your "
            "changes and must approve them before the story goes live."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional picture. Never a photo of injuries or anything unsafe."),
    )
    image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Describe the picture for people who cannot see it. Required with a picture."),
    )
    age_range = models.CharField(
        max_length=8,
        blank=True,
        choices=AGE_RANGE_CHOICES,
        help_text=_("Optional: the contributor's age range, only if they chose to share it."),
    )
    country = CountryField(
        blank=True, help_text=_("Optional: the country the contributor lives in.")
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="+",
        help_text=_("What the story is about. Readers filter stories by topic."),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the campaign this story belongs to. Readers can filter by it."),
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
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Picture")),
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

    objects = StoryPageManager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def clean(self):
        super().clean()
        validate_alt_text(self, "image", "image_alt")

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

    def get_context(self, request, *args, **kwargs):
        from campaigns.stories import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.story_page_context(self, request))
        return context


class ContributorState(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_SUGGESTED = "changes_suggested", _("Changes suggested")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Not published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


CLOSED_STATES = {ContributorState.DECLINED, ContributorState.WITHDRAWN}


def hash_token(token):
    """The stored form of a status token: a keyed hash, so a database leak gives no link."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, token.encode(), hashlib.sha256).hexdigest()


def new_status_token():
    """A long, random, URL-safe status token (256 bits)."""
    return secrets.token_urlsafe(32)


class ContributorRecordQuerySet(models.QuerySet):
    def for_token(self, token):
        """The record whose status token is ``token``, or None. Expired tokens match nothing."""
        if not token or len(token) > 100:
            return None
        digest = hash_token(token)
        record = self.filter(token_hash=digest).select_related("page").first()
        # The database lookup is by exact hash; compare again in constant time so timing
        # says nothing about partial matches in an index.
        if record is None or not hmac.compare_digest(record.token_hash, digest):
            return None
        if record.token_expires_at and record.token_expires_at < timezone.now():
            return None
        return record

    def due_for_erasure(self, now=None):
        """Withdrawn or declined records older than the retention period."""
        now = now or timezone.now()
        days = getattr(settings, "OPENLY_STORY_RETENTION_DAYS", 30)
        return self.filter(state__in=CLOSED_STATES, closed_at__lte=now - timedelta(days=days))

    def awaiting_notification(self):
        return self.filter(reviewers_notified=False).exclude(state__in=CLOSED_STATES)


class ContributorRecord(models.Model):
    """Who shared a story and what they agreed to: contact details, consent scopes with the
    wording version and time, and the hashed status token. Only story moderators see it."""

    page = models.OneToOneField(
        StoryPage,
        null=True,
        on_delete=models.CASCADE,
        related_name="contributor_record",
        help_text=_("The story this person shared."),
    )
    email = models.EmailField(
        blank=True,
        help_text=_("Given only for follow-up. Erased when the story is withdrawn."),
    )
    language = models.CharField(max_length=12, help_text=_("The language the story was shared in."))
    consent_process = models.BooleanField(
        default=False, help_text=_("Agreed that we store and review the story.")
    )
    consent_publish = models.BooleanField(
        default=False, help_text=_("Agreed that the story is published on the site.")
    )
    consent_translate = models.BooleanField(
        default=False, help_text=_("Agreed that the story is translated into other languages.")
    )
    consent_contact = models.BooleanField(
        default=False, help_text=_("Agreed to be contacted by email about the story.")
    )
    consent_version = models.CharField(
        max_length=20, help_text=_("The version of the consent wording the person saw.")
    )
    consented_at = models.DateTimeField(help_text=_("When the person gave consent."))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    state = models.CharField(
        max_length=20,
        choices=ContributorState.choices,
        default=ContributorState.RECEIVED,
        help_text=_(
            "Shown to the contributor on their status page. Choose 'Not published' to "
            "decline a story: the record is then erased after the retention period."
        ),
    )
    reviewer_message = models.TextField(
        blank=True,
        max_length=2000,
        help_text=_(
            "A kind, plain message to the contributor, shown on their private status page. "
            "Never put other people's details here."
        ),
    )
    contributor_revision_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("The version of the story the contributor wrote or approved."),
    )
    reviewers_notified = models.BooleanField(default=False, editable=False)
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ContributorRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("contributor record")
        verbose_name_plural = _("contributor records")

    def __str__(self):
        # Never the email: this string appears in admin messages and log entries.
        return _("Contributor record #%(id)s") % {"id": self.pk}

    def save(self, *args, **kwargs):
        if self.state in CLOSED_STATES and self.closed_at is None:
            self.closed_at = timezone.now()
        super().save(*args, **kwargs)

    def set_token(self, token):
        """Store ``token`` (hashed) as this record's status token."""
        self.token_hash = hash_token(token)
        days = getattr(settings, "OPENLY_STORY_TOKEN_DAYS", 730)
        self.token_expires_at = timezone.now() + timedelta(days=days)

    @cached_property
    def story(self):
        return self.page

    @property
    def is_withdrawn(self):
        return self.state == ContributorState.WITHDRAWN

    @property
    def can_edit(self):
        """The contributor may edit until the story is published, declined or withdrawn."""
        return self.state in {
            ContributorState.RECEIVED,
            ContributorState.IN_REVIEW,
            ContributorState.CHANGES_SUGGESTED,
        }

    def pending_reviewer_revision(self):
        """A reviewer's edit the contributor has not approved yet, or None."""
        page = self.page
        if page is None or not self.can_edit:
            return None
        latest = page.get_latest_revision()
        if latest is None or latest.pk == self.contributor_revision_id or latest.user_id is None:
            return None
        return latest
