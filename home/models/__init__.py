"""Models every section shares: the base page, home and help pages, taxonomy, partner
organisations, crisis helplines and site-wide settings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from home.blocks import BodyBlock, HomeSectionsBlock
from home.chrome import COUNTRY_COOKIE
from home.forms import OpenlyPageForm
from home.language_check.panels import LanguageCheckPanel


def validate_alt_text(instance, image_field, alt_field):
    """Require alt text whenever an image that carries meaning is set."""
    if getattr(instance, f"{image_field}_id") and not getattr(instance, alt_field).strip():
        raise ValidationError(
            {alt_field: _("Describe the image for people who cannot see it (alt text).")}
        )


class ModeratedSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """A translatable snippet with drafts, revisions, locking and workflows (Wagtail's mixins,
    in their documented order). A translation starts as a draft and goes live only when it
    is published: by a moderator, or when the "Translation review" workflow approves it.
    Public queries read live rows only (``live()`` on the querysets)."""

    # A translation is a copy of the source (copy_for_translation): it must not inherit the
    # source's publication, lock or schedule, or a draft translation would point at the
    # source's live revision and be shown as published in the admin. Pages exclude the same.
    exclude_fields_in_copy = [
        "live_revision",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def get_workflow(self):
        """The "Translation review" workflow for translations only: as with pages, changes
        in the source language are published directly by moderators."""
        from wagtail.models import Locale

        if self.locale_id is None or self.locale_id == Locale.get_default().pk:
            return None
        return super().get_workflow()


class LiveSnippetQuerySet(models.QuerySet):
    """Queries shared by the moderated snippets."""

    def live(self):
        """Only what has been published: what readers may see."""
        return self.filter(live=True)


class TaxonomyTermQuerySet(LiveSnippetQuerySet):
    """Queries for topics and audiences."""

    def for_locale(self, locale, source=None):
        """{slug: term} for every published term, in ``locale`` where a published
        translation exists, else the source language's; sorted by name; one query. A draft
        translation is skipped, so readers keep seeing the published source term."""
        from wagtail.models import Locale

        source = source or Locale.get_default()
        chosen = {}
        for term in self.live().filter(locale_id__in={locale.pk, source.pk}).order_by("name"):
            if term.slug not in chosen or term.locale_id == locale.pk:
                chosen[term.slug] = term
        return dict(sorted(chosen.items(), key=lambda item: item[1].name.lower()))


class TaxonomyTerm(ModeratedSnippet):
    """A term of the shared taxonomy; translated per locale, matched across locales by slug."""

    name = models.CharField(max_length=80, help_text=_("The name readers see, e.g. 'Anxiety'."))
    slug = models.SlugField(
        max_length=80,
        help_text=_(
            "A short web-address name, e.g. 'anxiety'. Keep it the same in every language: "
            "filters use it."
        ),
    )
    description = models.TextField(
        blank=True, help_text=_("Optional: one sentence explaining the term to readers.")
    )

    objects = TaxonomyTermQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(ModeratedSnippet.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    """A subject such as stigma, depression or suicide prevention, shared by all content."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Audience(TaxonomyTerm):
    """A group of readers content is for, such as young people or employers."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class PartnerOrganisationQuerySet(models.QuerySet):
    """Partner organisations; deleting them deletes their own pages first."""

    def delete(self):
        """Delete the organisations' sections the way Wagtail deletes pages (keeping the
        page tree sound), then the organisations. Other pages an organisation owns still
        protect it: then nothing is deleted."""
        from home.organisations import delete_sections

        with transaction.atomic():
            delete_sections(self)
            return super().delete()


class PartnerOrganisation(index.Indexed, models.Model):
    """An NGO, health authority or ministry of the coalition: the unit of co-creation.

    Saving one sets it up (home.organisations): its editors and leads groups, its media
    collection and its section, its own page under "Our partners". A section deleted by
    hand is created again the next time the organisation is saved."""

    name = models.CharField(
        max_length=200,
        unique=True,
        help_text=_(
            "The organisation's name. Its page on the site starts with this title; renaming "
            "the organisation later does not change what its editors wrote there."
        ),
    )
    slug = models.SlugField(
        max_length=80, unique=True, help_text=_("A short web-address name, e.g. 'mind-europe'.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional logo, shown on the content the organisation runs."),
    )
    country = CountryField(help_text=_("Where the organisation is based."))
    website = models.URLField(blank=True, help_text=_("The organisation's web address."))
    description = models.TextField(
        blank=True,
        help_text=_(
            "Two or three sentences about what the organisation does. They start its page's "
            "summary on the site; after that its editors keep the page up to date."
        ),
    )
    # Set up automatically when the organisation is saved (see home.organisations): the
    # groups whose members are its editors and leads, the collection for its media and
    # its section page.
    editors_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="edited_organisation",
    )
    leads_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="led_organisation",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organisation",
    )
    section = models.OneToOneField(
        "home.PartnerPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="section_of",
        help_text=_(
            "The organisation's own page on the site, created with it. Its editors write it; "
            "renaming the organisation does not change it."
        ),
    )

    objects = PartnerOrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from home.organisations import set_up_organisation

        # Adding an organisation in the admin gives it groups, permissions, a media
        # collection and its section at once, so no developer is needed to onboard a
        # partner. The admin views say who saved it (home.snippets): the approval of the
        # section's first version.
        set_up_organisation(self, user=getattr(self, "saved_by", None))

    def delete(self, *args, **kwargs):
        from home.organisations import delete_sections

        with transaction.atomic():
            delete_sections(type(self).objects.filter(pk=self.pk))
            return super().delete(*args, **kwargs)

    def add_editor(self, user):
        """Make ``user`` an editor of this organisation (and give them the editor role)."""
        from home.organisations import add_member

        add_member(self, user, lead=False)

    def add_lead(self, user):
        """Make ``user`` a lead of this organisation (and give them the lead role)."""
        from home.organisations import add_member

        add_member(self, user, lead=True)


class CrisisHelplineQuerySet(LiveSnippetQuerySet):
    """Queries for helplines, preferring the reader's language over the source language."""

    def for_locale(self, locale, country=None):
        """Published helplines in ``locale``, falling back to the source-language version of
        any helpline not translated (or whose translation is not published) yet, in one
        query. Optionally only one country's."""
        from wagtail.models import Locale

        source = Locale.get_default()
        # Only published rows: a translation waiting for review must never reach a reader
        # in crisis; they get the reviewed source-language helpline instead.
        qs = self.live().filter(locale__in={locale.pk, source.pk}).select_related("locale")
        if country:
            qs = qs.filter(country=country)
        chosen = {}
        for helpline in qs.order_by("country", "sort_order", "name"):
            key = helpline.translation_key
            if key not in chosen or helpline.locale_id == locale.pk:
                chosen[key] = helpline
        return sorted(chosen.values(), key=lambda h: (h.country.name, h.sort_order, h.name))


class CrisisHelpline(ModeratedSnippet):
    """A crisis line or service people can reach now, shown in the crisis banner."""

    name = models.CharField(max_length=150, help_text=_("The service's name, e.g. 'Samaritans'."))
    description = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("One line on who it is for, e.g. 'Free, confidential support, any age'."),
    )
    country = CountryField(help_text=_("The country where this number works."))
    phone = models.CharField(
        max_length=40, blank=True, help_text=_("Phone number as people dial it, e.g. '116 123'.")
    )
    text = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("Text-message number or instructions, e.g. 'Text SHOUT to 85258'."),
    )
    chat_url = models.URLField(blank=True, help_text=_("Web address of an online chat, if any."))
    website = models.URLField(blank=True, help_text=_("The service's web address."))
    hours = models.CharField(
        max_length=120, help_text=_("When it is open, e.g. '24 hours, every day'.")
    )
    last_verified = models.DateField(
        help_text=_("When someone last checked these details were right. Check twice a year.")
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Lower numbers are shown first within a country.")
    )

    objects = CrisisHelplineQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("country"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("text"), FieldPanel("chat_url")],
            heading=_("How to reach it (at least one)"),
        ),
        FieldPanel("hours"),
        FieldPanel("website"),
        FieldPanel("last_verified"),
        FieldPanel("sort_order"),
    ]

    class Meta(ModeratedSnippet.Meta):
        ordering = ["country", "sort_order", "name"]
        verbose_name = _("crisis helpline")
        verbose_name_plural = _("crisis helplines")

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    def clean(self):
        super().clean()
        if not (self.phone or self.text or self.chat_url):
            raise ValidationError(
                _("Give at least one way to reach the service: a phone number, text or chat.")
            )

    @property
    def phone_href(self):
        """The phone number as a tel: link target (digits and a leading + only)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide settings: the quick-exit destination and the footer's legal pages."""

    quick_exit_url = models.URLField(
        default="https://www.bbc.com/weather",
        help_text=_(
            "Where the 'Quick exit' button sends readers: a neutral site such as a weather "
            "forecast, so nobody looking over their shoulder sees what they were reading."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The privacy notice, linked from every page's footer."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The accessibility statement, linked from every page's footer."),
    )

    panels = [
        FieldPanel("quick_exit_url"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("site settings")


def concrete_models(base):
    """The installed models that subclass ``base`` and are not abstract."""
    from django.apps import apps

    return [
        model for model in apps.get_models() if issubclass(model, base) and not model._meta.abstract
    ]


class OrganisationOwnedMixin(models.Model):
    """Content that belongs to one partner organisation: its editors may edit it, and its
    lead reviews it. Add to campaign, resource and event pages."""

    organisation = models.ForeignKey(
        "home.PartnerOrganisation",
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The partner organisation responsible for this page. Its editors can edit the "
            "page and its lead reviews it before publication."
        ),
    )

    organisation_panels = [FieldPanel("organisation")]

    class Meta:
        abstract = True


class BasePage(Page):
    """The abstract page every public page type builds on: a summary for cards, search
    results and social sharing."""

    summary = models.TextField(
        blank=True,
        max_length=400,
        help_text=_(
            "One or two sentences shown on cards, in search results and when shared. "
            "Leave empty to use the page's search description."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        LanguageCheckPanel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    base_form_class = OpenlyPageForm

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """Wagtail's permission tester narrowed to the user's organisations and languages
        (see home.permissions)."""
        from home.permissions import OpenlyPagePermissionTester

        return OpenlyPagePermissionTester(user, self)

    @property
    def card_summary(self):
        """The text used on cards and in search results."""
        return self.summary or self.search_description


class HomePage(BasePage):
    """The front page of one language: a hero and editor-arranged sections."""

    hero_heading = models.CharField(
        max_length=120, help_text=_("The big heading at the top of the home page.")
    )
    hero_text = models.TextField(
        blank=True, max_length=400, help_text=_("One or two sentences under the heading.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional picture beside the heading."),
    )
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Describe the picture for people who cannot see it. Required with a picture."),
    )
    hero_cta_label = models.CharField(
        max_length=60, blank=True, help_text=_("Label of the hero button, e.g. 'Join the week'.")
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the hero button leads. The button only shows with a label and page."),
    )
    sections = StreamField(
        HomeSectionsBlock(),
        blank=True,
        help_text=_("Add, remove and reorder the home page's sections."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("sections"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_text")]

    # One home page per language: every locale's home is a root-level translation of the
    # English one, so a plain max_count = 1 would forbid the translations.
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        validate_alt_text(self, "hero_image", "hero_image_alt")


class GetHelpPage(BasePage):
    """The crisis support page: every helpline by country, the emergency number first."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short, calm introduction: who can help and that help is free."),
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text=_("Optional extra guidance below the helplines.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/get_help_page.html"

    class Meta:
        verbose_name = _("get help page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = helplines_grouped(self.locale)
        known = {country.code for country, _helplines in groups}
        chosen = request.GET.get("country", "").upper()
        context.update(
            {
                "helplines_by_country": groups,
                "selected_country": chosen if chosen in known else "",
                "emergency_number": settings.OPENLY_EMERGENCY_NUMBER,
            }
        )
        return context

    def serve(self, request, *args, **kwargs):
        """Remember the country a reader picks, so the crisis banner shows its helplines."""
        response = super().serve(request, *args, **kwargs)
        chosen = request.GET.get("country", "").upper()
        if chosen and chosen in {code for code, _name in countries}:
            response.set_cookie(COUNTRY_COOKIE, chosen, max_age=60 * 60 * 24 * 365, samesite="Lax")
        return response


def helplines_grouped(locale):
    """All helplines for ``locale`` (with source-language fallback), grouped by country."""
    groups = {}
    for helpline in CrisisHelpline.objects.for_locale(locale):
        groups.setdefault(helpline.country, []).append(helpline)
    return list(groups.items())


class StandardPage(BasePage):
    """A general page: about, privacy notice, accessibility statement."""

    body = StreamField(BodyBlock(), help_text=_("The page's content."))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


# Co-creation models live in their own modules; every name stays importable from home.models.
from home.models.cocreation import LocaleAssignment  # noqa: E402
from home.models.language import AcceptedFinding, LanguageRule, PageLanguageCheck  # noqa: E402
from home.models.partners import (  # noqa: E402
    PartnerIndexPage,
    PartnerPage,
    PartnerPageQuerySet,
)
from home.models.workflows import (  # noqa: E402
    LanguageCheckTask,
    LanguageCheckTaskState,
    LocaleReviewTask,
    PartnerLeadReviewTask,
)

__all__ = [
    "AcceptedFinding",
    "Audience",
    "BasePage",
    "CrisisHelpline",
    "CrisisHelplineQuerySet",
    "GetHelpPage",
    "HomePage",
    "LanguageCheckTask",
    "LanguageCheckTaskState",
    "LanguageRule",
    "LiveSnippetQuerySet",
    "LocaleAssignment",
    "LocaleReviewTask",
    "ModeratedSnippet",
    "OrganisationOwnedMixin",
    "PageLanguageCheck",
    "PartnerIndexPage",
    "PartnerLeadReviewTask",
    "PartnerOrganisation",
    "PartnerOrganisationQuerySet",
    "PartnerPage",
    "PartnerPageQuerySet",
    "SiteSettings",
    "StandardPage",
    "TaxonomyTerm",
    "TaxonomyTermQuerySet",
    "Topic",
    "concrete_models",
    "helplines_grouped",
    "validate_alt_text",
]
