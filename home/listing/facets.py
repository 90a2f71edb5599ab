"""Facets with counts: filters a reader combines (any value within a facet, every facet
together), each option showing how many results it would give.

A listing declares its facets as data (``Facet``), naming the QuerySet methods that
filter and count, so the declaration imports no model and the queries stay on the page's
own QuerySet. Every option, whatever the listing, has one shape:
``{"value", "label", "count", "selected"}``.
"""

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.functional import cached_property

from home.cache import cached_chrome
from home.listing.pagination import paginate
from home.listing.querystrings import clean_choices, querystring_prefix, removal_links

# Listings with at most this many values chosen keep their counts in the cache; rarer
# combinations are counted on each request (they would only fill the cache).
CACHED_CHOICES = 3


@dataclass(frozen=True)
class Facet:
    """One filter of a listing.

    ``name`` is the query-string parameter, ``legend`` the heading readers see,
    ``filter`` the QuerySet method narrowing to the chosen values (``qs.filter(values)``
    must return the queryset unchanged for an empty list). Counts come from
    ``count_field`` (one grouped query, see ``count_by``) or, when a value is counted in
    a special way, from the QuerySet method ``count_method`` returning {value: count}.
    """

    name: str
    legend: str
    filter: str
    count_field: str = ""
    count_method: str = ""


def option(value, label, count=None, selected=False):
    """One option of a facet, in the shape every listing template reads."""
    return {"value": value, "label": label, "count": count, "selected": selected}


def options(choices, counts, selected, keep_empty=False):
    """Options for ``choices`` ([(value, label)]) with their ``counts`` ({value: count});
    options without results are left out (unless ``keep_empty``), chosen ones never."""
    chosen = set(selected)
    return [
        option(value, label, counts.get(value, 0), value in chosen)
        for value, label in choices
        if keep_empty or counts.get(value) or value in chosen
    ]


def facet(name, legend, facet_options):
    """A facet as templates read it; ``chosen`` is how many of its options are selected
    (a facet with a choice is shown open)."""
    chosen = sum(1 for item in facet_options if item["selected"])
    return {"name": name, "legend": legend, "options": facet_options, "chosen": chosen}


def count_by(queryset, field):
    """{value: number of distinct pages} for ``field`` (one grouped query)."""
    rows = queryset.order_by().values(field).annotate(total=Count("pk", distinct=True))
    return {row[field]: row["total"] for row in rows if row[field] is not None}


def count_containing(queryset, field, values):
    """{value: number of pages whose ``field`` contains ``,value,``} for a comma-wrapped
    multiple-choice field (one aggregate query for every value)."""
    values = list(values)
    aggregates = {
        f"c{index}": Count("pk", filter=Q(**{f"{field}__contains": f",{value},"}))
        for index, value in enumerate(values)
    }
    counts = queryset.order_by().aggregate(**aggregates)
    return {value: counts[f"c{index}"] for index, value in enumerate(values)}


class FacetedListing:
    """A listing filtered by declared facets.

    ``base`` is the page's own queryset of everything listable; ``facets`` the ``Facet``
    declarations; ``choices`` {facet name: [(value, label)]} the values readers may pick,
    in the order shown. The chosen values are read from ``request`` and checked against
    the choices (``chosen``: {facet name: [values]}, in the facet order, ready for the
    query-string helpers).

    The counts and the number of results are read once per content generation (see
    home.cache: every publish starts a new one) and kept in the cache, so a listing's
    cost does not grow with the number of pages it counts; ``cache=False`` counts on
    every request (e.g. for a base narrowed by a search query).
    """

    def __init__(self, request, base, facets, choices, cache=True):
        self.base = base
        self.cache = cache
        self.declared = list(facets)
        self.choices = choices
        self.chosen = {
            item.name: clean_choices(
                request.GET.getlist(item.name), [value for value, _label in choices[item.name]]
            )
            for item in self.declared
        }

    @property
    def active(self):
        """Whether the reader chose any value."""
        return any(self.chosen.values())

    def narrowed(self, skip=None):
        """``base`` with every chosen value applied, except facet ``skip``'s (a facet's
        counts leave its own choice out, so its other values stay reachable)."""
        queryset = self.base
        for item in self.declared:
            if item.name != skip:
                queryset = getattr(queryset, item.filter)(self.chosen[item.name])
        return queryset

    def results(self):
        """The pages matching every chosen value (unordered: the page orders them)."""
        return self.narrowed()

    def counts(self, item):
        """{value: count} for facet ``item``, with the other facets applied."""
        queryset = self.narrowed(skip=item.name)
        if item.count_method:
            return getattr(queryset, item.count_method)()
        return count_by(queryset, item.count_field)

    def summary(self):
        """{"total": number of results, "counts": {facet name: {value: count}}}, from the
        cache where the listing may be cached (one grouped query a facet, and a COUNT,
        when not)."""

        def build():
            return {
                "total": self.results().count(),
                "counts": {item.name: self.counts(item) for item in self.declared},
            }

        key = self.cache_key
        return build() if key is None else cached_chrome("facets", (key,), build)

    @cached_property
    def _summary(self):
        # Counted once per request however many parts of the page ask (the total for the
        # pagination, the counts for the facets), also when the cache does not keep them.
        return self.summary()

    @cached_property
    def cache_key(self):
        """What identifies this listing's results (the base queryset and the chosen
        values), for the cache; None when it is not kept (see ``cache``)."""
        chosen = sum(len(values) for values in self.chosen.values())
        if not self.cache or chosen > CACHED_CHOICES:
            return None
        listing = repr((str(self.base.query), sorted(self.chosen.items())))
        return hashlib.sha256(listing.encode()).hexdigest()[:40]

    def total(self):
        """How many pages match every chosen value (see ``summary``)."""
        return self._summary["total"]

    def page_keys(self, order):
        """What ``paginate`` needs to page through the results sorted by ``order`` (a
        name for the listing's sort) without sorting or counting them on each request:
        the cache key of their order, or else their number."""
        if self.cache_key is None:
            return {"count": self.total()}
        return {"key": (self.cache_key, order)}

    def facets(self):
        """Every facet with its options and counts (see ``summary``)."""
        counts = self._summary["counts"]
        return [
            facet(
                item.name,
                item.legend,
                options(self.choices[item.name], counts[item.name], self.chosen[item.name]),
            )
            for item in self.declared
        ]

    def filter_context(self):
        """What the shared filter templates (components/facets.html, the removal links and
        the pagination links) need: the facets, whether any is chosen, a link removing
        each choice and the query string pages keep."""
        facets = self.facets()
        return {
            "facets": facets,
            "filters_active": self.active,
            "removal_links": removal_links(self.chosen, facets),
            "querystring_prefix": querystring_prefix(self.chosen),
        }


def alphabetical_index(request, listing, per_page, vocabulary, name):
    """The context of an index listed by title (the practice library, working groups):
    ``listing``'s results in title order with what their cards show, one page of them
    under ``name`` (and under ``items``, for the shared template), their topics named in
    the reader's language, and the filters."""
    results = listing.results().alphabetical().for_cards()
    page = paginate(request, results, per_page, **listing.page_keys("title"))
    vocabulary.label_cards(page, ("topics",))
    return {name: page, "items": page, **listing.filter_context()}
