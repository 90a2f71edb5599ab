"""The pages every section shares: the abstract base page, the home page of each language,
the get-help page and general pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.blocks import BodyBlock, HomeSectionsBlock
from home.cache import cached_chrome, restricted_paths
from home.content_language import object_languages, object_states
from home.models.helplines import CrisisHelpline
from home.page_plugins import RegisteredFormClass, RegisteredPanels, permission_tester_for
from home.restrictions import restricted_sections


def validate_alt_text(instance, image_field, alt_field):
    """Require alt text whenever an image that carries meaning is set."""
    if getattr(instance, f"{image_field}_id") and not getattr(instance, alt_field).strip():
        raise ValidationError(
            {alt_field: _("Describe the image for people who cannot see it (alt text).")}
        )


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
        verbose_name=_("Summary"),
    )

    content_panels = [
        # Shown above the title: where the page stands in its workflow (co-creation).
        RegisteredPanels("top_panels"),
        *Page.content_panels,
        FieldPanel("summary"),
        # What capability apps add to every page (home.page_plugins), e.g. the language check.
        RegisteredPanels(),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    base_form_class = RegisteredFormClass()
    # Fields whose text describes the page to search engines when the editor wrote neither
    # a search description nor a summary (home.seo), first filled one wins.
    description_fields = ()

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """Wagtail's permission tester, or the one a capability app registered (co-creation
        narrows it to the user's organisations and languages)."""
        return permission_tester_for(self, user) or super().permissions_for_user(user)

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors; none, without reading
        the ancestors, on a site without any private section (cached)."""
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def card_summary(self):
        """The text used on cards and in search results."""
        return self.summary or self.search_description

    # Query parameters that make a page personal (a thank-you notice, say): with one of
    # them the page is not shared with other readers.
    private_query_parameters = ()

    def shared_with_every_reader(self, request):
        """May caches give this page, as served for ``request``, to every anonymous reader?
        Not a preview, not a page under a view restriction, not a personal variant. Read by
        home.http_cache, which also makes it private for signed-in users and set cookies;
        a route that answers for one reader only marks its response private itself."""
        if getattr(request, "is_preview", False):
            return False
        if any(name in request.GET for name in self.private_query_parameters):
            return False
        return not any(self.path.startswith(path) for path in restricted_paths())


class HomePage(BasePage):
    """The front page of one language: a hero and editor-arranged sections."""

    hero_heading = models.CharField(
        max_length=120,
        help_text=_("The big heading at the top of the home page."),
        verbose_name=_("Hero heading"),
    )
    hero_text = models.TextField(
        blank=True,
        max_length=400,
        help_text=_("One or two sentences under the heading."),
        verbose_name=_("Hero text"),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional picture beside the heading."),
        verbose_name=_("Hero image"),
    )
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Describe the picture for people who cannot see it. Required with a picture."),
        verbose_name=_("Hero image alt text"),
    )
    hero_cta_label = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("Label of the hero button, e.g. 'Join the week'."),
        verbose_name=_("Hero button text"),
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the hero button leads. The button only shows with a label and page."),
        verbose_name=_("Hero button page"),
    )
    sections = StreamField(
        HomeSectionsBlock(),
        blank=True,
        help_text=_("Add, remove and reorder the home page's sections."),
        verbose_name=_("Sections"),
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
    description_fields = ("hero_text",)
    # Read with the page when it is served (home.routing).
    route_select_related = ("hero_image", "hero_cta_page")

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def clean(self):
        super().clean()
        validate_alt_text(self, "hero_image", "hero_image_alt")


class GetHelpPage(BasePage):
    """The crisis support page: every helpline by country, the emergency number first."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short, calm introduction: who can help and that help is free."),
        verbose_name=_("Introduction"),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("Optional extra guidance below the helplines."),
        verbose_name=_("Body"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/get_help_page.html"
    description_fields = ("intro",)

    class Meta:
        verbose_name = _("get help page")
        verbose_name_plural = _("get help pages")

    def get_context(self, request, *args, **kwargs):
        """Every helpline by country, or one country's with ``?country=``. The choice sets
        no cookie, so each address stays the same for every reader; the page's script
        remembers it in the reader's browser for the crisis banner (js/openly.js)."""
        context = super().get_context(request, *args, **kwargs)
        groups = helplines_grouped(self.locale)
        known = {country.code for country, _helplines in groups}
        helplines = [helpline for _country, items in groups for helpline in items]
        chosen = request.GET.get("country", "").upper()
        context.update(
            {
                "helplines_by_country": groups,
                # Which helplines, or parts of them, are still in the source language.
                "object_languages": object_languages(
                    cached_chrome(
                        "helpline-languages",
                        (self.locale_id,),
                        lambda: object_states(helplines, self.locale),
                    )
                ),
                "selected_country": chosen if chosen in known else "",
                "emergency_number": settings.OPENLY_EMERGENCY_NUMBER,
            }
        )
        return context


def helplines_grouped(locale):
    """All helplines for ``locale`` (with source-language fallback), grouped by country."""
    groups = {}
    for helpline in CrisisHelpline.objects.for_locale(locale):
        groups.setdefault(helpline.country, []).append(helpline)
    return list(groups.items())


class StandardPage(BasePage):
    """A general page: about, privacy notice, accessibility statement."""

    body = StreamField(BodyBlock(), help_text=_("The page's content."), verbose_name=_("Body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


# Co-creation models live in their own modules; every name stays importable from home.models.
