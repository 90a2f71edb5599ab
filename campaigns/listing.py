"""The campaign index and the resource library: filters, facets, search and pagination,
assembled from the QuerySet methods for the pages' get_context."""

from django.db.models import Count
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from campaigns.models.campaign import ACTIVE, ENDED, STATUS_RANK, UPCOMING, CampaignPage
from campaigns.models.resource import FORMAT_CHOICES, ResourcePage
from campaigns.taxonomy import Vocabulary, clean_choices
from home.cocreation.models import PartnerOrganisation
from home.views import SEARCH_QUERY_MAX_LENGTH, paginate

CAMPAIGNS_PER_PAGE = 12
RESOURCES_PER_PAGE = 12
# A search inside the library narrows the list to at most this many matches.
LIBRARY_SEARCH_LIMIT = 500
SORTS = {"newest": _("Newest first"), "title": _("A–Z")}
STATUS_HEADINGS = {
    STATUS_RANK[ACTIVE]: _("Running now"),
    STATUS_RANK[UPCOMING]: _("Coming up"),
    STATUS_RANK[ENDED]: _("Archive"),
}
# Query-string filter → the QuerySet method applying it (campaign and resource querysets
# share the names).
CAMPAIGN_FILTERS = {
    "topic": "with_topics",
    "audience": "with_audiences",
    "organisation": "with_organisations",
}
RESOURCE_FILTERS = {**CAMPAIGN_FILTERS, "format": "with_formats"}


def clean_query(value):
    """A search query safe to hand to the search backend: no NUL, bounded length."""
    return (value or "").replace("\x00", "").strip()[:SEARCH_QUERY_MAX_LENGTH]


def querystring(params, **overrides):
    """Encode filter parameters (lists allowed) with some replaced or removed (None)."""
    merged = {**params, **overrides}
    pairs = []
    for key, value in merged.items():
        if value in (None, "", []):
            continue
        for item in value if isinstance(value, list) else [value]:
            pairs.append((key, item))
    return urlencode(pairs)


def removal_links(params, facets):
    """One link per active filter value that removes just that value."""
    links = []
    for facet in facets:
        for option in facet["options"]:
            if option["checked"]:
                remaining = [v for v in params[facet["name"]] if v != option["value"]]
                links.append(
                    {
                        "label": option["label"],
                        "url": "?" + querystring(params, **{facet["name"]: remaining}),
                    }
                )
    return links


def annotate_cards(items, vocabulary):
    """Attach topic/audience names in the reader's language to already-fetched cards."""
    for item in items:
        item.topic_labels = vocabulary.topic_names(item.topics.all())
        item.audience_labels = vocabulary.audience_names(item.audiences.all())
    return items


def organisations_by_slug():
    """{slug: organisation} for the "run by" / "published by" filters (one query)."""
    return {org.slug: org for org in PartnerOrganisation.objects.order_by("name")}


def narrowed(queryset, params, filters, skip=None):
    """``queryset`` with every chosen filter in ``filters`` applied, except ``skip`` (a
    facet's counts leave its own filter out, so its other values stay reachable)."""
    for name, method in filters.items():
        if name != skip:
            queryset = getattr(queryset, method)(params[name])
    return queryset


def campaign_listing(index_page, request, today=None):
    """Context for the campaign index: active, then upcoming, then ended; filtered by topic,
    audience and organisation; paginated."""
    today = today or timezone.localdate()
    vocabulary = Vocabulary(index_page.locale)
    organisations = organisations_by_slug()
    params = {
        "topic": clean_choices(request.GET.getlist("topic"), list(vocabulary.topics)),
        "audience": clean_choices(request.GET.getlist("audience"), list(vocabulary.audiences)),
        "organisation": clean_choices(request.GET.getlist("organisation"), list(organisations)),
    }
    base = CampaignPage.objects.live().public().child_of(index_page)
    topic_counts = _counts(narrowed(base, params, CAMPAIGN_FILTERS, "topic"), "topics__slug")
    audience_counts = _counts(
        narrowed(base, params, CAMPAIGN_FILTERS, "audience"), "audiences__slug"
    )
    organisation_counts = _campaign_organisation_counts(
        narrowed(base, params, CAMPAIGN_FILTERS, "organisation")
    )
    campaigns = narrowed(base, params, CAMPAIGN_FILTERS).by_status(today).for_cards()
    page = paginate(request, campaigns, CAMPAIGNS_PER_PAGE)
    annotate_cards(page, vocabulary)
    for item in page:
        item.status_heading = STATUS_HEADINGS[item.status_rank]
    facets = [
        _facet("topic", _("Topic"), vocabulary.topics, params["topic"], topic_counts),
        _facet(
            "audience", _("Audience"), vocabulary.audiences, params["audience"], audience_counts
        ),
        _facet(
            "organisation",
            _("Run by"),
            organisations,
            params["organisation"],
            organisation_counts,
        ),
    ]
    return {
        "campaigns": page,
        "facets": facets,
        "filters_active": any(params.values()),
        "removal_links": removal_links(params, facets),
        "querystring_prefix": _prefix(params),
    }


def _campaign_organisation_counts(queryset):
    """{organisation slug: number of campaigns it runs, as owner or partner} (two
    queries; a campaign its owner also partners counts once)."""
    campaigns = {}
    for field in ("organisation__slug", "partners__slug"):
        for pk, slug in queryset.order_by().values_list("pk", field):
            if slug:
                campaigns.setdefault(slug, set()).add(pk)
    return {slug: len(pks) for slug, pks in campaigns.items()}


def _facet(name, legend, terms, selected, counts=None):
    options = []
    for slug, term in terms.items():
        count = counts.get(slug, 0) if counts is not None else None
        checked = slug in selected
        if counts is not None and not count and not checked:
            continue
        options.append({"value": slug, "label": term.name, "count": count, "checked": checked})
    return {
        "name": name,
        "legend": legend,
        "options": options,
        "selected": sum(1 for option in options if option["checked"]),
    }


def _prefix(params):
    encoded = querystring(params)
    return f"{encoded}&" if encoded else ""


class _FormatTerm:
    """A format choice shaped like a taxonomy term, so facets treat them alike."""

    def __init__(self, label):
        self.name = label


def library_search_ids(locale, query):
    """Primary keys of live resources in ``locale`` matching ``query`` (Wagtail search)."""
    matches = ResourcePage.objects.live().filter(locale_id=locale.pk).search(query)
    return [page.pk for page in matches[:LIBRARY_SEARCH_LIMIT]]


def resource_listing(index_page, request):
    """Context for the resource library: faceted filters that combine (any value within a
    facet, every facet together), counts per option, search, sorting and pagination."""
    vocabulary = Vocabulary(index_page.locale)
    format_labels = dict(FORMAT_CHOICES)
    organisations = organisations_by_slug()
    params = {
        "q": clean_query(request.GET.get("q")),
        "topic": clean_choices(request.GET.getlist("topic"), list(vocabulary.topics)),
        "audience": clean_choices(request.GET.getlist("audience"), list(vocabulary.audiences)),
        "format": clean_choices(request.GET.getlist("format"), list(format_labels)),
        "organisation": clean_choices(request.GET.getlist("organisation"), list(organisations)),
        "sort": request.GET.get("sort") if request.GET.get("sort") in SORTS else "newest",
    }
    base = ResourcePage.objects.live().public().child_of(index_page)
    if params["q"]:
        base = base.filter(pk__in=library_search_ids(index_page.locale, params["q"]))

    def counts(name, field):
        return _counts(narrowed(base, params, RESOURCE_FILTERS, name), field)

    topic_counts = counts("topic", "topics__slug")
    audience_counts = counts("audience", "audiences__slug")
    format_counts = counts("format", "format")
    organisation_counts = counts("organisation", "organisation__slug")
    results = narrowed(base, params, RESOURCE_FILTERS)
    results = results.alphabetical() if params["sort"] == "title" else results.newest()
    page = paginate(request, results.for_cards(), RESOURCES_PER_PAGE)
    annotate_cards(page, vocabulary)
    formats = {value: _FormatTerm(label) for value, label in FORMAT_CHOICES}
    facets = [
        _facet("topic", _("Topic"), vocabulary.topics, params["topic"], topic_counts),
        _facet(
            "audience", _("Audience"), vocabulary.audiences, params["audience"], audience_counts
        ),
        _facet("format", _("Format"), formats, params["format"], format_counts),
        _facet(
            "organisation",
            _("Published by"),
            organisations,
            params["organisation"],
            organisation_counts,
        ),
    ]
    links = removal_links(params, facets)
    if params["q"]:
        links.append({"label": params["q"], "url": "?" + querystring(params, q=None)})
    return {
        "resources": page,
        "facets": facets,
        "query": params["q"],
        "sort": params["sort"],
        "sorts": list(SORTS.items()),
        "filters_active": any(params[name] for name in ("q", *RESOURCE_FILTERS)),
        "removal_links": links,
        "querystring_prefix": _prefix(params),
    }


def _counts(queryset, field):
    """{value: number of distinct pages} for a field (one query)."""
    rows = queryset.order_by().values(field).annotate(total=Count("pk", distinct=True))
    return {row[field]: row["total"] for row in rows if row[field] is not None}
