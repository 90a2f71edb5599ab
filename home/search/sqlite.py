"""Openly's SQLite search backend: Wagtail's SQLite (FTS5) backend with stemming in every
language and a site search that ranks and limits inside FTS5
(``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "home.search.sqlite"``).

FTS5's only stemmer (``porter``) is English, so each object's searchable text is written
with its words' stems in its own language added in Python (``home.search.languages``), and
a reader's query is reduced to stems the same way. The site search orders FTS5's matches by
``bm25()`` (title words weigh more than body words) with LIMIT, so one page of results
never scores matches one by one in Python or in a subquery per row.
"""

import time

from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
)
from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

from home.search.base import LocalisedIndexMixin, SiteSearchMixin, StemmingIndexerMixin

# bm25() weights of the FTS table's columns, in its order: autocomplete, body, title.
COLUMN_WEIGHTS = "0.0, 1.0, 10.0"
# SQLite calls the time-limit check after this many virtual-machine steps.
PROGRESS_STEPS = 10_000


class LocalisedIndexer(StemmingIndexerMixin, ObjectIndexer):
    """Wagtail's indexer, adding the stems of every searchable text in the object's own
    language."""


class LocalisedIndex(LocalisedIndexMixin, SQLiteIndex):
    indexer_class = LocalisedIndexer


def match_expression(terms):
    """An FTS5 query for index rows whose title or body hold every term. Each term is a
    quoted string of word characters, so no reader's input is read as FTS5 syntax."""
    return "{title body} : (" + " AND ".join(f'"{term}"' for term in terms) + ")"


class SearchBackend(SiteSearchMixin, SQLiteSearchBackend):
    """Wagtail's SQLite backend with stemming per language and a ranked, limited search."""

    index_class = LocalisedIndex

    def matching(self, query, language, pages):
        terms = language.query_terms(query)
        if not terms:
            return None
        # Each match's page is looked up by its primary key: cheaper than listing every
        # searchable page first (SQLite's CAST never fails, it gives 0 for a non-number).
        page = pages.order_by().filter(
            pk=RawSQL("CAST(entry.object_id AS INTEGER)", ()),
            content_type_id=RawSQL("entry.content_type_id", ()),
        )
        page_sql, page_params = self.sql_of(page.values("pk"))
        fts = SQLiteFTSIndexEntry._meta.db_table
        # CROSS JOIN keeps the full-text index as the outer loop: SQLite never runs the
        # MATCH once per page.
        sql = (
            f"FROM {fts} CROSS JOIN {IndexEntry._meta.db_table} AS entry "  # noqa: S608
            f"ON entry.id = {fts}.rowid WHERE {fts} MATCH %s AND EXISTS ({page_sql})"
        )
        return sql, [match_expression(terms), *page_params], f"bm25({fts}, {COLUMN_WEIGHTS})"

    def forget_deleted(self):
        """FTS5 keeps a deleted row's words in its index segments until they are merged with
        others: 'optimize' merges every segment now, so an erased story's words no longer
        sit in the index's pages."""
        fts = self.connection.ops.quote_name(SQLiteFTSIndexEntry._meta.db_table)
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")  # noqa: S608

    def run(self, sql, params):
        connection = self.connection
        connection.ensure_connection()
        deadline = time.monotonic() + self.timeout
        # Returning True from the handler interrupts the statement (OperationalError).
        connection.connection.set_progress_handler(
            lambda: time.monotonic() > deadline, PROGRESS_STEPS
        )
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        finally:
            connection.connection.set_progress_handler(None, 0)
