"""The base of every endpoint of the read API: Wagtail's ``PagesAPIViewSet`` narrowed to one
page model, its live pages outside private sections, and the fields its app names.

An app declares an endpoint by subclassing ``PageEndpoint`` (``model``, ``api_fields``,
``listing_fields``, ``filters``, ``prepare``) and registering it in ``home.registry.api_endpoints``
from its ``AppConfig.ready()``. The fields are the endpoint's, not the model's ``api_fields``: a
page model declares none, so Wagtail's generic ``pages`` endpoint (home.api.urls) only ever shows
a page's title, address and language, and nothing an app did not mean to publish can reach the
API through it.

Answers are public (home.http_cache): the page cache and Varnish keep them under the content
generation, so a publish or a moderated pledge retires them like the HTML pages.
"""

from django.db.models import Q
from rest_framework.authentication import SessionAuthentication
from rest_framework.fields import Field
from rest_framework.permissions import AllowAny
from wagtail.api.v2.filters import LocaleFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from home.http_cache import SAFE_METHODS, public
from home.restrictions import private_q

API_URLCONF = "home.api.urls"
# Wagtail's own query parameters that the typed endpoints do not take: no full-text search
# (the search page does that), no tree walking and no type switch (each endpoint is one type).
UNSUPPORTED = {
    "search",
    "search_operator",
    "type",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "site",
}


class Filter:
    """A query parameter narrowing a listing, e.g. ``?topic=anxiety,stigma``: pages where any
    of ``lookups`` (ORM paths, e.g. "topics__slug") matches any of the comma-separated values.
    A subquery, so a page matching twice is listed once."""

    def __init__(self, name, *lookups, upper=False, doc=""):
        self.name = name
        self.lookups = lookups
        self.upper = upper
        self.doc = doc

    def values(self, raw):
        values = [value.strip() for value in raw.split(",") if value.strip()]
        return [value.upper() for value in values] if self.upper else values

    def apply(self, queryset, raw):
        values = self.values(raw)
        if not values:
            return queryset
        query = Q()
        for lookup in self.lookups:
            query |= Q(**{f"{lookup}__in": values})
        matching = queryset.model.objects.filter(query).values("pk")
        return queryset.filter(pk__in=matching)


def topic_filter():
    return Filter("topic", "topics__slug", doc="topic slugs, e.g. anxiety,stigma")


class FilterBackend:
    """Applies the endpoint's ``filters`` named in the query string."""

    def filter_queryset(self, request, queryset, view):
        for query_filter in view.filters:
            raw = request.GET.get(query_filter.name)
            if raw is not None:
                queryset = query_filter.apply(queryset, raw)
        return queryset


class TermSlugs(Field):
    """The slugs of a page's published topics or audiences (read from the prefetch)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [term.slug for term in value.all() if term.live]


class CountryCode(Field):
    """A country as its ISO 3166 code, e.g. "FR" (null when none is given)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return str(value) or None


class OrganisationField(Field):
    """A partner organisation's public identity: name, slug, country and website."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return organisation_data(value)


class OrganisationsField(OrganisationField):
    """Several organisations (a prefetched many-to-many)."""

    def to_representation(self, value):
        return [organisation_data(organisation) for organisation in value.all()]


def organisation_data(organisation):
    if organisation is None:
        return None
    return {
        "name": organisation.name,
        "slug": organisation.slug,
        "country": str(organisation.country) or None,
        "website": organisation.website or None,
    }


class PictureField(Field):
    """A page's picture as one rendition: its address, size and the page's alt text (the
    rendition is prefetched by the endpoint's ``prepare``)."""

    def __init__(self, spec, image="image", alt="image_alt", **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)
        self.spec, self.image, self.alt = spec, image, alt

    def to_representation(self, value):
        image = value
        for part in self.image.split("__"):
            image = getattr(image, part, None)
        if image is None:
            return None
        rendition = image.get_rendition(self.spec)
        request = self.context.get("request")
        url = rendition.url
        return {
            "url": request.build_absolute_uri(url) if request is not None else url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(value, self.alt, "") if self.alt else "",
        }


class PublicPagesMixin:
    """Live pages outside private sections only, answered as public pages (the cache policy
    still makes them private for a signed-in reader). Nobody signs in here: only the session
    Django already read is looked at (the REST framework would otherwise put an anonymous
    user over it), and no password is tried, so an Authorization header is no way round
    the sign-in form's attempt limits."""

    authentication_classes = (SessionAuthentication,)
    permission_classes = (AllowAny,)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in SAFE_METHODS:
            public(response)
        if response.status_code == 404:
            # Django's LocaleMiddleware answers a 404 outside the language prefixes with a
            # redirect to the same address under /en/ when that resolves, and Wagtail's pages
            # resolve anything there. Resolve this answer against the API's own addresses
            # (no language prefixes; read only after the view; on the HttpRequest, not the REST
            # framework wrapper around it), so a missing page is a 404.
            getattr(request, "_request", request).urlconf = API_URLCONF
        return response


class AllPagesEndpoint(PublicPagesMixin, PagesAPIViewSet):
    """Wagtail's ``pages`` endpoint over every live, public page: title, type, address and
    language only (no page model declares ``api_fields``; the typed endpoints carry the rest)."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters - {
        "search",
        "search_operator",
        "site",
    }
    filter_backends = [
        backend for backend in PagesAPIViewSet.filter_backends if backend.__name__ != "SearchFilter"
    ]

    def get_base_queryset(self):
        return Page.objects.live().exclude(depth=1).exclude(private_q()).select_related("locale")


class PageEndpoint(PublicPagesMixin, PagesAPIViewSet):
    """One page model's live, public pages with the fields and filters the subclass names."""

    # Set by the subclass.
    model = None
    api_fields = []
    listing_fields = []
    filters = []
    # The listing's order when the query string names none.
    ordering = ("-first_published_at", "pk")

    filter_backends = [FilterBackend, LocaleFilter, OrderingFilter]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + list(cls.api_fields))

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(cls.meta_fields)

    @classmethod
    def get_listing_default_fields(cls, model):
        return super().get_listing_default_fields(model) + list(cls.listing_fields)

    def check_query_parameters(self, queryset):
        """Only Wagtail's operations kept here and the endpoint's own filters: an unknown
        parameter is a 400 that names it, never silently ignored."""
        allowed = (PagesAPIViewSet.known_query_parameters - UNSUPPORTED) | {
            query_filter.name for query_filter in self.filters
        }
        unknown = set(self.request.GET.keys()) - allowed
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a filter of this endpoint: "
                + ", ".join(sorted(unknown))
            )

    def get_base_queryset(self):
        return self.model.objects.live().public()

    def get_queryset(self):
        queryset = self.get_base_queryset().select_related("locale").order_by(*self.ordering)
        return self.prepare(queryset)

    def prepare(self, queryset):
        """Add what the fields read (joins, prefetches, annotations): a fixed number of
        queries whatever the number of pages."""
        return queryset

    def get_object(self):
        # Wagtail's asks the base queryset again for ``.specific``; these rows already are.
        return super(PagesAPIViewSet, self).get_object()

    @classmethod
    def filter_docs(cls):
        """(name, what it takes) of the endpoint's filters, for the API's index."""
        return [(query_filter.name, query_filter.doc) for query_filter in cls.filters]
