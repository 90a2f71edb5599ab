"""The coalition on the public site: the "Our partners" index and each partner
organisation's own section, its page at /<lang>/partners/<organisation>/.

Sections are not added by hand: saving a partner organisation creates its page (see
home.partners.sections.set_up_section), so every organisation has exactly one, which its own
editors keep up to date through the campaign workflow.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from home.blocks import BodyBlock
from home.cocreation.models import OrganisationOwnedMixin
from home.listing import paginate
from home.models import BasePage
from home.models.bases import IndexPage, intro_field, rich_intro_field
from home.partners.content import organisation_listings
from home.querysets import LocaleFallbackQuerySet

# The logo size on partner cards and at the top of a partner's page.
LOGO_FILTER = "max-160x80"
PARTNERS_PER_PAGE = 24


class PartnerPageQuerySet(LocaleFallbackQuerySet):
    """Named queries for partner pages."""

    def for_cards(self):
        """Everything a partner card shows (organisation, logo rendition, language), in a
        fixed number of queries."""
        return self.select_related("organisation", "locale").with_renditions(
            "organisation__logo", LOGO_FILTER
        )


PartnerPageManager = PageManager.from_queryset(PartnerPageQuerySet)


class PartnerIndexPage(IndexPage):
    """'Our partners': every organisation of the coalition as a card, linking to its page.
    Created automatically with the first partner organisation."""

    intro = intro_field(
        _("A sentence or two above the list, e.g. how the organisations work together."),
    )

    subpage_types = ["partners.PartnerPage"]
    template = "pages/partner_index_page.html"

    class Meta:
        # Moved from the home app: the table keeps its name (see migrations/0001).
        db_table = "home_partnerindexpage"
        verbose_name = _("partner index")
        verbose_name_plural = _("partner indexes")

    def listing_context(self, request, **kwargs):
        partners = PartnerPage.objects.in_locale(self.locale).order_by("title", "pk")
        # Which partners, in order, is kept until the next publish: counting and sorting
        # them would otherwise scan every page of the language.
        key = ("partners", self.pk, self.locale_id)
        return {"partners": paginate(request, partners.for_cards(), PARTNERS_PER_PAGE, key=key)}


class PartnerPage(OrganisationOwnedMixin, BasePage):
    """A partner organisation's own section: who they are, and their campaigns, events and
    resources in the page's language. Its organisation's editors write it."""

    # Unlike other content, the section does not stop its organisation being deleted: it
    # goes with it (home.partners.sections.delete_sections deletes it the way Wagtail deletes
    # pages, just before the organisation). Not CASCADE: the database must not delete
    # pages behind the page tree's back.
    organisation = models.ForeignKey(
        "cocreation.PartnerOrganisation",
        null=True,
        blank=False,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation this page presents. Set when it is created."),
    )
    intro = rich_intro_field(
        _(
            "A short welcome from your organisation: who you are, who you work with and "
            "what you do in the coalition. Shown under your name and logo."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_(
            "Optional: more about your work, e.g. your projects, how people can get involved "
            "or how to contact you. Your campaigns, events and resources are listed below "
            "it automatically."
        ),
        verbose_name=_("Body"),
    )

    objects = PartnerPageManager()

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []
    # Created with the organisation (one each), never by hand.
    is_creatable = False
    template = "pages/partner_page.html"
    # Read with the page when it is served (home.routing).
    route_select_related = ("organisation", "organisation__logo")

    class Meta:
        db_table = "home_partnerpage"
        verbose_name = _("partner page")
        verbose_name_plural = _("partner pages")

    # Names of this organisation on this page need no link to the page itself.
    is_organisation_section = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listings"] = organisation_listings(request, self.locale, self.organisation)
        return context
