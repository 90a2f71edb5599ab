"""The listing toolkit: what every index page (campaigns, resources, stories, events,
partners) and site search use to list pages. Home core: it imports no app.

The pieces, each in one place:

- facets (``home.listing.facets``): declare a listing's filters as data with ``Facet``;
  ``FacetedListing`` reads the chosen values from the request, narrows the page's own
  queryset with its QuerySet methods and counts every option (one grouped query per
  facet, each counted with the *other* facets applied). Every option has one shape,
  ``{"value", "label", "count", "selected"}``; a facet is ``{"name", "legend",
  "options", "chosen"}`` (``chosen``: how many of its options are selected).
  ``options()``, ``count_by()`` and ``count_containing()`` build facets a listing counts
  its own way (the events filters).
- query strings (``home.listing.querystrings``): ``querystring(params, **changes)``,
  ``querystring_prefix(params)`` for pagination links, ``removal_links(params, facets)``,
  ``request_params(request)``, ``clean_query()`` and ``clean_choices()`` for input.
- taxonomy (``home.listing.taxonomy``): ``Vocabulary(locale)``, the published topics and
  audiences in the reader's language (``published_terms``, from the chrome cache), naming
  a page's terms;
  ``localize(known, terms)``, ``terms_for_locale(model, locale)`` and
  ``term_choices(terms)``.
- pagination (``home.listing.pagination``): ``paginate(request, items, per_page)`` and
  ``first(items, count)`` (sorting narrow rows, then reading only the rows shown).

An index page builds on ``home.models.bases.IndexPage`` and returns its listing from
``listing_context(request)``, e.g.::

    vocabulary = Vocabulary(self.locale)
    listing = FacetedListing(request, MyPage.objects.live().child_of(self), MY_FACETS,
                             {"topic": vocabulary.topic_choices()})
    items = paginate(request, listing.results().for_cards(), 12)
    return {"items": items, **listing.filter_context()}

``listing.filter_context()`` gives what the shared filter templates need (facets, whether a
filter is on, removal links, the query string pages keep); ``alphabetical_index()`` builds
a whole index context for listings ordered by title.
"""

from home.listing.facets import (
    Facet,
    FacetedListing,
    alphabetical_index,
    count_by,
    count_containing,
    facet,
    option,
    options,
)
from home.listing.pagination import first, paginate
from home.listing.querystrings import (
    SEARCH_QUERY_MAX_LENGTH,
    clean_choices,
    clean_query,
    querystring,
    querystring_prefix,
    removal_links,
    request_params,
)
from home.listing.taxonomy import (
    Term,
    Vocabulary,
    localize,
    published_terms,
    term_choices,
    terms_for_locale,
)

__all__ = [
    "SEARCH_QUERY_MAX_LENGTH",
    "Facet",
    "FacetedListing",
    "Term",
    "Vocabulary",
    "alphabetical_index",
    "clean_choices",
    "clean_query",
    "count_by",
    "count_containing",
    "localize",
    "facet",
    "first",
    "option",
    "options",
    "paginate",
    "published_terms",
    "querystring",
    "querystring_prefix",
    "removal_links",
    "request_params",
    "term_choices",
    "terms_for_locale",
]
