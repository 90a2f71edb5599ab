"""The literacy resource library: resource pages and their index."""

import math
from functools import partial

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from campaigns.blocks import ReferencesBlock, ResourceBodyBlock
from campaigns.detail import resource_detail_context
from campaigns.facets import RESOURCE_FACETS
from campaigns.feeds import ResourceAtomFeed, ResourceRssFeed
from home.cocreation.models import OrganisationOwnedMixin
from home.cocreation.public import organisations
from home.conditional import summary_response
from home.listing import (
    FacetedListing,
    Vocabulary,
    clean_query,
    paginate,
    querystring,
    querystring_prefix,
    removal_links,
    term_choices,
)
from home.models import BasePage, SharedPage
from home.models.bases import (
    ImageWithAltText,
    IndexPage,
    audiences_field,
    image_field,
    intro_field,
    topics_field,
)
from home.querysets import PublicPageQuerySet, TaggedQuerySetMixin
from home.search import SearchBusy, matching_page_ids

WORDS_PER_MINUTE = 200
RESOURCES_PER_PAGE = 12
# The picture on resource cards (templates/components/resource_card.html uses the same).
CARD_IMAGE_SPEC = "fill-640x360"
# A search inside the library narrows the list to at most this many matches.
LIBRARY_SEARCH_LIMIT = 500
SORTS = {"newest": _("Newest first"), "title": _("A–Z")}

ARTICLE = "article"
GUIDE = "guide"
TOOLKIT = "toolkit"
VIDEO = "video"
EASY_READ = "easy-read"
FACT_SHEET = "fact-sheet"
FORMAT_CHOICES = [
    (ARTICLE, _("Article")),
    (GUIDE, _("Guide")),
    (TOOLKIT, _("Toolkit")),
    (VIDEO, _("Video")),
    (EASY_READ, _("Easy read")),
    (FACT_SHEET, _("Fact sheet")),
]


def count_words(value):
    """Words in any nested StreamField raw data (text is in the strings)."""
    if isinstance(value, str):
        return len(strip_tags(value).split())
    if isinstance(value, dict):
        # Skip block types, ids and link targets: they are not read.
        return sum(
            count_words(item)
            for key, item in value.items()
            if key not in {"type", "id", "url", "source_url", "level", "page"}
        )
    if isinstance(value, list | tuple):
        return sum(count_words(item) for item in value)
    return 0


class ResourcePageQuerySet(TaggedQuerySetMixin, PublicPageQuerySet):
    """Named queries for the resource library."""

    def with_formats(self, formats):
        """Resources in any of the given formats."""
        return self.filter(format__in=formats) if formats else self

    def with_organisations(self, slugs):
        """Resources published by any of the given organisations."""
        return self.filter(organisation__slug__in=slugs) if slugs else self

    def matching(self, query, locale):
        """Resources matching the search ``query`` among the live, public ones in
        ``locale`` (the site search's stemming and ranking; at most LIBRARY_SEARCH_LIMIT,
        none when the search was cut off as too slow)."""
        try:
            found = matching_page_ids(query, locale, self.model, LIBRARY_SEARCH_LIMIT)
        except SearchBusy:
            return self.none()
        return self.filter(pk__in=found)

    def newest(self):
        return self.order_by("-first_published_at", "-pk")

    def alphabetical(self):
        return self.order_by("title", "pk")

    def review_overdue(self, today=None):
        """Resources whose review date has passed: their facts need checking."""
        return self.filter(review_due__lt=today or timezone.localdate())

    def for_cards(self):
        """Everything a resource card shows, in a fixed number of queries (the topic and
        audience labels come from ``Vocabulary.label_cards``)."""
        return self.select_related("organisation", "locale").with_renditions(
            "image", CARD_IMAGE_SPEC
        )


ResourcePageManager = PageManager.from_queryset(ResourcePageQuerySet)


class ResourceIndexPage(RoutablePageMixin, IndexPage):
    """The resource library: faceted filters, search, sorting and a feed of new resources."""

    intro = intro_field(
        _("A sentence or two above the library, e.g. who the resources are for."),
    )

    subpage_types = ["campaigns.ResourcePage"]
    template = "pages/resource_index_page.html"

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def resources(self):
        """The library's live, public resources."""
        return ResourcePage.objects.live().public().child_of(self)

    def listing_context(self, request, **kwargs):
        """Faceted filters that combine (any value within a facet, every facet together),
        counts per option, search, sorting and pagination."""
        vocabulary = Vocabulary(self.locale)
        query = clean_query(request.GET.get("q"))
        sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "newest"
        base = self.resources().matching(query, self.locale) if query else self.resources()
        listing = FacetedListing(
            request,
            base,
            RESOURCE_FACETS,
            {
                "topic": vocabulary.topic_choices(),
                "audience": vocabulary.audience_choices(),
                "format": FORMAT_CHOICES,
                "organisation": term_choices(organisations()),
            },
            # Counts of a search's matches are not kept: each query is its own listing.
            cache=not query,
        )
        results = listing.results()
        results = results.alphabetical() if sort == "title" else results.newest()
        page = paginate(request, results.for_cards(), RESOURCES_PER_PAGE, **listing.page_keys(sort))
        vocabulary.label_cards(page)
        facets = listing.facets()
        params = {"q": query, **listing.chosen, "sort": sort}
        links = removal_links(params, facets)
        if query:
            links.append({"label": query, "url": "?" + querystring(params, q=None)})
        return {
            "resources": page,
            "facets": facets,
            "query": query,
            "sort": sort,
            "sorts": list(SORTS.items()),
            "filters_active": bool(query) or listing.active,
            "removal_links": links,
            "querystring_prefix": querystring_prefix(params),
        }

    @path("feed/", name="feed")
    def rss_feed(self, request):
        """RSS feed of the newest resources in this language."""
        return summary_response(request, self.resources(), partial(ResourceRssFeed(self), request))

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        """Atom feed of the newest resources in this language."""
        return summary_response(request, self.resources(), partial(ResourceAtomFeed(self), request))


class ResourcePage(OrganisationOwnedMixin, SharedPage, ImageWithAltText, BasePage):
    """An evidence-based literacy resource, e.g. 'Understanding depression'."""

    format = models.CharField(
        max_length=20,
        choices=FORMAT_CHOICES,
        default=ARTICLE,
        help_text=_("What kind of resource this is. Readers can filter by it."),
        verbose_name=_("Format"),
    )
    image = image_field(_("Optional picture for the resource's card and page."))
    topics = topics_field(
        "resources",
        _("What the resource is about. Readers can filter by topic."),
    )
    audiences = audiences_field("resources", _("Who the resource is written for."))
    body = StreamField(
        ResourceBodyBlock(), help_text=_("The resource itself."), verbose_name=_("Body")
    )
    references = StreamField(
        ReferencesBlock(),
        blank=True,
        help_text=_("The sources the resource is based on, so readers can check them."),
        verbose_name=_("References"),
    )
    reviewed_by_name = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Who checked the content is accurate, e.g. 'Dr Ana Novak'."),
        verbose_name=_("Reviewed by name"),
    )
    reviewed_by_role = models.CharField(
        max_length=160,
        blank=True,
        help_text=_("Their role, e.g. 'Clinical psychologist, Open Minds Coalition'."),
        verbose_name=_("Reviewed by role"),
    )
    review_due = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "When the content should be checked again (usually a year after review). "
            "Coordinators see overdue resources in a report."
        ),
        verbose_name=_("Review due"),
    )
    easy_read_version = models.ForeignKey(
        "campaigns.ResourcePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="standard_versions",
        help_text=_(
            "The easy-read version of this resource, if there is one. It links back here "
            "automatically."
        ),
        verbose_name=_("Easy-read version"),
    )
    reading_time = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text=_("Minutes to read, computed from the text.")
    )

    objects = ResourcePageManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("format"),
        *ImageWithAltText.image_panels,
        *OrganisationOwnedMixin.organisation_panels,
        FieldPanel("topics"),
        FieldPanel("audiences"),
        FieldPanel("body"),
        InlinePanel(
            "documents",
            label=_("Downloads"),
            help_text=_("Optional files to download, e.g. a printable PDF of the resource."),
            max_num=10,
        ),
        FieldPanel("references"),
        MultiFieldPanel(
            [
                FieldPanel("reviewed_by_name"),
                FieldPanel("reviewed_by_role"),
                FieldPanel("review_due"),
            ],
            heading=_("Review"),
        ),
        PageChooserPanel("easy_read_version", "campaigns.ResourcePage"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("format"),
    ]

    parent_page_types = ["campaigns.ResourceIndexPage"]
    subpage_types = []
    template = "pages/resource_page.html"
    # Read with the page when it is served (home.routing).
    route_select_related = ("image", "organisation")

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        super().clean()
        if self.easy_read_version_id:
            if self.pk and self.easy_read_version_id == self.pk:
                raise ValidationError(
                    {"easy_read_version": _("A resource cannot be its own easy-read version.")}
                )
            target = ResourcePage.objects.filter(pk=self.easy_read_version_id).first()
            if target is not None and target.format != EASY_READ:
                raise ValidationError(
                    {
                        "easy_read_version": _(
                            "Choose a resource whose format is 'Easy read', or change that "
                            "resource's format first."
                        )
                    }
                )

    def save(self, *args, **kwargs):
        self.reading_time = self.compute_reading_time()
        return super().save(*args, **kwargs)

    def compute_reading_time(self):
        """Minutes to read the summary and body at an easy pace; at least one."""
        words = count_words(self.summary) + count_words(list(self.body.raw_data))
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def format_label(self):
        return self.get_format_display()

    @property
    def is_easy_read(self):
        return self.format == EASY_READ

    @property
    def review_overdue(self):
        return bool(self.review_due and self.review_due < timezone.localdate())

    def standard_version(self):
        """The full resource this easy-read version belongs to (the link seen from the other
        side), in this page's language where translated."""
        candidates = ResourcePage.objects.live().filter(
            easy_read_version__translation_key=self.translation_key
        )
        fallback = None
        for candidate in candidates:
            if candidate.locale_id == self.locale_id:
                return candidate
            fallback = fallback or candidate
        if fallback is None:
            return None
        translated = fallback.get_translation_or_none(self.locale)
        return translated if translated is not None and translated.live else fallback

    def localized_easy_read(self):
        """The easy-read version in this page's language where translated."""
        target = self.easy_read_version
        if target is None:
            return None
        translated = target.get_translation_or_none(self.locale)
        page = translated or target
        return page if page.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(resource_detail_context(self, request))
        return context


class ResourceDocument(Orderable):
    """A downloadable file attached to a resource, served through Wagtail's document view."""

    resource = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The file readers can download."),
        verbose_name=_("Document"),
    )
    label = models.CharField(
        max_length=160,
        blank=True,
        help_text=_(
            "Optional link text, e.g. 'Printable version (PDF)'. The file title otherwise."
        ),
        verbose_name=_("Label"),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    @property
    def link_text(self):
        return self.label or self.document.title
