"""What Openly's two search backends (``home.search.postgres``, ``home.search.sqlite``)
share: writing Wagtail's index in each object's own language, and the site search's two
questions, each answered by one SQL statement that ranks and limits inside the database.

Wagtail's database backends keep one index table (``IndexEntry``: one row per object with
its title, body and autocomplete text) and build every row with one setting for the whole
site. Openly's backends keep that table, its indexes and all of Wagtail's machinery — the
signal handlers that index an object when it is saved and drop it when it is deleted,
``manage.py update_index``, the admin's searches — and change two things:

- how a row is written: each object's text is read with its own language
  (``home.search.languages``), by an indexer each engine module defines;
- how the site search reads the index: Wagtail's query for a queryset ranks every match in
  a correlated subquery per row (minutes at 20,000 pages on SQLite) and counts without a
  bound; ``page_ids()`` and ``count()`` instead rank with the engine's own function, keep
  one page of results with LIMIT, count at most ``cap`` matches, and are cut off after
  ``TIMEOUT`` seconds (the backend's setting), raising ``SearchBusy``.
"""

import logging

from django.db import OperationalError, connections, router
from modelsearch.index import RelatedFields, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from home.search.languages import UNKNOWN, language

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
# Seconds one site-search statement may run before it is cut off.
DEFAULT_TIMEOUT = 1.0


class SearchBusy(Exception):
    """A search statement was cut off (or the database refused it): the reader is asked
    to try again in a moment."""


def locale_languages():
    """{Locale id: Language} for every locale (one query)."""
    return {pk: language(code) for pk, code in Locale.objects.values_list("pk", "language_code")}


class StemmingIndexerMixin:
    """For a Wagtail database-backend indexer (``ObjectIndexer``), made with the object's
    Language: adds the stems of each searchable text in that language when
    ``adds_stems()`` says the engine needs them."""

    def __init__(self, obj, backend, language):
        super().__init__(obj, backend)
        self.language = language
        self._prepared = {}

    def adds_stems(self):
        return self.language.stems_in_python

    def prepare_field(self, obj, field):
        # Wagtail's indexer reads every field once for each column it fills (title, body,
        # autocomplete, …): read (and stem) each of the object's own fields once.
        if obj is not self.obj:
            return self._prepare_field(obj, field)
        if field not in self._prepared:
            self._prepared[field] = list(self._prepare_field(obj, field))
        return self._prepared[field]

    def _prepare_field(self, obj, field):
        if isinstance(field, RelatedFields) or not self.adds_stems():
            # A related object's fields come back through this method one by one.
            yield from super().prepare_field(obj, field)
            return
        # (field, value), or (field, weight, value) on PostgreSQL.
        for *prepared, value in super().prepare_field(obj, field):
            if isinstance(prepared[0], SearchField):
                value = self.language.with_stems(value)
            yield (*prepared, value)


class LocalisedIndexMixin:
    """For a Wagtail database-backend index class: ``add_items`` writes every object with
    its own language, all of them with one upsert per batch, each row made by the engine's
    ``indexer_class`` with the columns named in ``ENTRY_FIELDS``."""

    indexer_class = None
    ENTRY_FIELDS = ("title", "body", "autocomplete")

    def entry(self, content_type_id, obj, language):
        indexer = self.indexer_class(obj, self.backend, language)
        fields = {name: getattr(indexer, name) for name in self.ENTRY_FIELDS}
        return IndexEntry(
            content_type_id=content_type_id, object_id=indexer.id, title_norm=1.0, **fields
        )

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_id = get_content_type_pk(model)
        by_locale = locale_languages()
        entries = [
            self.entry(
                content_type_id,
                obj,
                by_locale.get(getattr(obj, "locale_id", None), UNKNOWN),
            )
            for obj in objs
        ]
        if not entries:
            return
        # An object indexed before gets its row rewritten; title_norm goes back to 1.0 so
        # that _refresh_title_norms() computes it again, as Wagtail's own add_items does.
        IndexEntry._default_manager.using(router.db_for_write(IndexEntry)).bulk_create(
            entries,
            batch_size=BATCH_SIZE,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=[*self.ENTRY_FIELDS, "title_norm"],
        )
        self._refresh_title_norms()


class SiteSearchMixin:
    """For an Openly search backend: the site search. ``pages`` is a Page queryset saying
    which pages may be found (live, public, the reader's locale, a kind of page); the
    engine module supplies ``matching()`` (the FROM and WHERE of the matching index rows,
    its parameters and the rank to order by, best first) and ``run()`` (one statement under
    a time limit)."""

    def __init__(self, params):
        super().__init__(params)
        self.timeout = float(params.get("TIMEOUT", DEFAULT_TIMEOUT))

    @property
    def connection(self):
        return connections[router.db_for_read(IndexEntry)]

    def matching(self, query, language, pages):
        raise NotImplementedError

    def run(self, sql, params):
        raise NotImplementedError

    def page_ids(self, query, language, pages, start, stop):
        """Ids of the pages matching ``query``, best first, [start:stop]."""
        matching = self.matching(query, language, pages)
        if matching is None or stop <= start:
            return []
        sql, params, rank = matching
        rows = self._run(
            f"SELECT entry.object_id {sql} ORDER BY {rank}, entry.id LIMIT %s OFFSET %s",
            [*params, stop - start, start],
        )
        return [int(object_id) for (object_id,) in rows]

    def count(self, query, language, pages, cap):
        """How many pages match ``query``, counting at most ``cap``."""
        matching = self.matching(query, language, pages)
        if matching is None:
            return 0
        sql, params, _rank = matching
        # Table names and the compiled page filter are SQL; the reader's words are parameters.
        capped = f"SELECT COUNT(*) FROM (SELECT 1 {sql} LIMIT %s) AS capped"  # noqa: S608
        rows = self._run(capped, [*params, cap])
        return rows[0][0]

    def forget_deleted(self):
        """Make the words of index rows deleted so far unreadable from the database files
        (after an erasure). Nothing to do here: a deleted row is invisible to every query
        and the engine's own housekeeping (PostgreSQL's VACUUM) reclaims it."""

    def sql_of(self, queryset):
        """The SQL and parameters of ``queryset``, to use inside a search statement."""
        return queryset.query.get_compiler(connection=self.connection).as_sql()

    def _run(self, sql, params):
        try:
            return self.run(sql, params)
        except OperationalError as error:
            logger.warning("Site search cut off or refused: %s", error)
            raise SearchBusy from error
