"""Openly's PostgreSQL search backend: Wagtail's PostgreSQL full-text backend with a text
search configuration per language (``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] =
"home.search.postgres"``).

Wagtail's backend builds every object's vectors with its one ``SEARCH_CONFIG``; a
configuration per language needs the vectors built with the object's own language, since
a query only matches lexemes made by the same configuration. Here each object is indexed
with its locale's configuration (``home.search.languages``; Polish and Ukrainian, which
PostgreSQL lacks, use ``simple`` with their stems added in Python), the site search asks
in the reader's configuration only, and Wagtail's own searches (the admin's), which are not
in one language, ask in every configuration at once.
"""

import functools
import operator

from django.contrib.postgres.search import SearchVectorField
from django.db import transaction
from django.db.models import CharField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.models import IndexEntry

from home.search.base import LocalisedIndexMixin, SiteSearchMixin, StemmingIndexerMixin
from home.search.languages import LANGUAGES, query_words

# Every configuration some language's vectors are built with.
CONFIGS = sorted({language.postgres_config for language in LANGUAGES.values()} | {"simple"})


def stemmed_in_python(language):
    """True for a language PostgreSQL has no configuration for but Python can stem."""
    return language.postgres_config == "simple" and language.stems_in_python


class LocalisedIndexer(StemmingIndexerMixin, ObjectIndexer):
    """Wagtail's indexer, with the object's language's configuration (and, where PostgreSQL
    has none, the stems of every searchable text added in Python)."""

    def __init__(self, obj, backend, language):
        super().__init__(obj, backend, language)
        self.config = language.postgres_config

    def adds_stems(self):
        return stemmed_in_python(self.language)

    def as_vector(self, texts, for_autocomplete=False):
        """One ``to_tsvector`` per weight, written as plain SQL: Wagtail's own builds a
        Django SearchVector expression per text, which costs more to compile than
        PostgreSQL takes to run it (minutes for 20,000 pages)."""
        by_weight = {}
        for text, weight in texts:
            if text.strip():
                by_weight.setdefault(weight, []).append(text.strip())
        if not by_weight:
            return RawSQL("''::tsvector", (), output_field=SearchVectorField())
        config = self.autocomplete_config if for_autocomplete else self.config
        params = []
        for weight, weighted in by_weight.items():
            params += [config, "\n".join(weighted), weight]
        sql = " || ".join(["setweight(to_tsvector(%s::regconfig, %s), %s)"] * len(by_weight))
        # The texts, configuration and weights are parameters, never part of the SQL.
        return RawSQL(sql, params, output_field=SearchVectorField())  # noqa: S611


class LocalisedIndex(LocalisedIndexMixin, PostgresIndex):
    indexer_class = LocalisedIndexer
    ENTRY_FIELDS = ("title", "body", "autocomplete", "title_text", "body_text")


class MultilingualQueryCompiler(PostgresSearchQueryCompiler):
    """Wagtail's own searches span every language: a query matches when it matches in any
    language's configuration."""

    def build_tsquery(self, query, config=None):
        build = super().build_tsquery
        built = [tsquery for tsquery in (build(query, c) for c in CONFIGS) if tsquery is not None]
        return functools.reduce(operator.or_, built) if built else None


class SearchBackend(SiteSearchMixin, PostgresSearchBackend):
    """Wagtail's PostgreSQL backend, indexing and asking in each page's own language."""

    index_class = LocalisedIndex
    query_compiler_class = MultilingualQueryCompiler

    def matching(self, query, language, pages):
        # PostgreSQL stems the words itself where it has the language's configuration.
        terms = language.query_terms(query) if stemmed_in_python(language) else query_words(query)
        if not terms:
            return None
        config = language.postgres_config
        # A page is indexed under its own (most specific) content type.
        pages_sql, pages_params = self.sql_of(
            pages.order_by()
            .annotate(openly_object_id=Cast("pk", output_field=CharField()))
            .values_list("content_type_id", "openly_object_id")
        )
        # Each word in the title or the text (or a stop word, which PostgreSQL drops). This
        # is (title || body) @@ query, in a form the GIN indexes of both columns answer:
        # joining two vectors for every row costs more than the whole search otherwise.
        term = (
            "(entry.title @@ plainto_tsquery(%s::regconfig, %s) "
            "OR entry.body @@ plainto_tsquery(%s::regconfig, %s) "
            "OR numnode(plainto_tsquery(%s::regconfig, %s)) = 0)"
        )
        sql = (
            f"FROM {IndexEntry._meta.db_table} AS entry, "  # noqa: S608 (names, not input)
            "plainto_tsquery(%s::regconfig, %s) AS query "
            f"WHERE numnode(query) > 0 AND {' AND '.join([term] * len(terms))} "
            f"AND (entry.content_type_id, entry.object_id) IN ({pages_sql})"
        )
        params = [config, " ".join(terms)]
        for word in terms:
            params += [config, word] * 3
        rank = "ts_rank(entry.title, query) * entry.title_norm + ts_rank(entry.body, query) DESC"
        return sql, [*params, *pages_params], rank

    def run(self, sql, params):
        connection = self.connection
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            # Local to this transaction: a slow search is cancelled, nothing else is.
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true)",
                [f"{int(self.timeout * 1000)}ms"],
            )
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
        return rows
