"""Site search: the live, public pages of the reader's language matching a query, best
first, in every language with its own stemming, at a cost that does not grow with the
number of matches. Home core: it imports no app; apps say which page types readers may
narrow a search to through ``home.registry.search_types``.

- ``languages``: how each language is stemmed (PostgreSQL configurations, snowball
  stemmers, a Ukrainian lemmatiser).
- ``base``, ``postgres``, ``sqlite``: Openly's two search backends, Wagtail's database
  backends writing each object in its own language and answering the site search with one
  ranked, limited statement under a time limit (``WAGTAILSEARCH_BACKENDS`` names the one for
  the database in use).
- ``throttle``: how many searches one client may make per minute.

``SiteSearch(query, locale, model)`` is what a view paginates; ``matching_page_ids()`` is
for a listing that narrows itself by a search (the resource library).
"""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.cache import restricted_paths
from home.search.base import SearchBusy
from home.search.languages import language

# Matches beyond this many are not counted: the reader is told "more than 1,000".
COUNT_CAP = 1000

__all__ = [
    "COUNT_CAP",
    "SearchBusy",
    "SiteSearch",
    "forget_deleted_entries",
    "matching_page_ids",
    "searchable_pages",
]


def forget_deleted_entries():
    """After an erasure: make the words of deleted index rows unreadable from the database
    files too, where the search engine keeps them for a while (see each backend's
    ``forget_deleted``)."""
    backend = get_search_backend()
    forget = getattr(backend, "forget_deleted", None)
    if forget is not None:
        forget()


def searchable_pages(locale, model=None):
    """The pages a reader of ``locale`` may find: live, outside every private section, and
    of ``model`` (or a subclass) when given."""
    pages = Page.objects.live().filter(locale_id=locale.pk)
    for path in restricted_paths():
        pages = pages.exclude(path__startswith=path)
    return pages.type(model) if model is not None else pages


class SiteSearch:
    """One reader's search, for Django's Paginator: ``count()`` counts at most ``cap``
    matches (``capped`` says whether there were more) and a slice gives those pages as
    their specific types, best first. Each is one statement that may raise SearchBusy."""

    cap = COUNT_CAP

    def __init__(self, query, locale, model=None):
        self.query = query
        self.language = language(locale.language_code)
        self.pages = searchable_pages(locale, model)
        self.backend = get_search_backend()
        self.capped = False
        self._count = None

    def count(self):
        if self._count is None:
            found = self.backend.count(self.query, self.language, self.pages, self.cap + 1)
            self.capped = found > self.cap
            self._count = min(found, self.cap)
        return self._count

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start = key.start or 0
        stop = key.stop if key.stop is not None else self.count()
        ids = self.backend.page_ids(self.query, self.language, self.pages, start, stop)
        found = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        return [found[pk] for pk in ids if pk in found]


def matching_page_ids(query, locale, model, limit):
    """Ids of at most ``limit`` pages of ``model`` in ``locale`` matching ``query``, best
    first: for a listing that narrows itself to a search."""
    search = SiteSearch(query, locale, model)
    return search.backend.page_ids(query, search.language, search.pages, 0, limit)
