"""The shared taxonomy as readers see it: term names in their language, matched by slug.

wagtail-localize copies many-to-many links unchanged into translations, so a French page
may point at the English Topic rows. Terms are therefore always matched by slug and named
from the reader's locale (falling back to the source language): the loading itself is
``TaxonomyTermQuerySet.for_locale`` (one query per model), kept in the chrome cache by
``published_terms``. Only published terms count: a
translation waiting for review is never shown, its source term is, and a term never
published is neither a filter nor a label.
"""

from dataclasses import dataclass

from django.db.models import Value

from home.cache import cached_chrome, default_locale
from home.models import Audience, Topic


@dataclass(frozen=True)
class Term:
    """A published topic or audience as readers see it: what filters, cards and labels
    read, kept in the chrome cache as plain data."""

    pk: int
    slug: str
    name: str
    locale_id: int
    live: bool = True

    def __str__(self):
        return self.name


def published_terms(model, locale, source=None):
    """{slug: Term} of ``model``'s published terms in ``locale`` (source-language terms
    where not translated or reviewed yet), sorted by name, as
    ``TaxonomyTermQuerySet.for_locale``; from the chrome cache, renewed when a term
    changes (no query once cached)."""
    source = source or default_locale()

    def build():
        terms = model.objects.for_locale(locale, source).values()
        return [(term.pk, term.slug, term.name, term.locale_id) for term in terms]

    rows = cached_chrome(f"terms-{model._meta.model_name}", (locale.pk, source.pk), build)
    return {slug: Term(pk, slug, name, locale_id) for pk, slug, name, locale_id in rows}


def terms_for_locale(model, locale, source=None):
    """Published terms of ``model`` in ``locale``, falling back to the source-language term
    for slugs not translated (or not reviewed) yet, sorted by name (see
    ``published_terms``)."""
    return list(published_terms(model, locale, source).values())


def term_choices(terms):
    """[(slug, name)] of terms, or of anything with a slug and a name (organisations), for
    a facet or a form's choices."""
    return [(term.slug, term.name) for term in terms]


def localize(known, terms):
    """Each of ``terms`` as the term with its slug in ``known`` ({slug: term}, from
    ``for_locale``); a linked term that was never published (so is in no language's
    vocabulary) is left out, one published but not in ``known`` stays as it is."""
    localized = []
    for term in terms:
        local = known.get(term.slug)
        if local is not None:
            localized.append(local)
        elif term.live:
            localized.append(term)
    return localized


class Vocabulary:
    """Topic and audience terms for one locale by slug (``published_terms``: from the
    cache, no query once cached)."""

    def __init__(self, locale, source=None):
        self.locale = locale
        self.topics = published_terms(Topic, locale, source)
        self.audiences = published_terms(Audience, locale, source)

    def topic_choices(self):
        return term_choices(self.topics.values())

    def audience_choices(self):
        return term_choices(self.audiences.values())

    def localize_topics(self, terms):
        """A page's ``terms`` as topics in the reader's language (see ``localize``)."""
        return localize(self.topics, terms)

    def localize_audiences(self, terms):
        return localize(self.audiences, terms)

    def topic_names(self, terms):
        return [term.name for term in self.localize_topics(terms)]

    def audience_names(self, terms):
        return [term.name for term in self.localize_audiences(terms)]

    def page_terms(self, page, preview=False):
        """(topics, audiences) that ``page`` links to, in this vocabulary's language (see
        ``localize``); one query (see ``linked_terms``)."""
        linked = linked_terms(page, ("topics", "audiences"), preview)
        topics, audiences = linked.get("topics", []), linked.get("audiences", [])
        return self.localize_topics(topics), self.localize_audiences(audiences)

    def label_cards(self, items, relations=("topics", "audiences")):
        """Attach ``topic_labels`` and ``audience_labels`` in the reader's language to
        already-fetched cards of one page type (one query for all their terms);
        ``relations``: the ones the page type has (a type without audiences gets none)."""
        items = list(items)
        linked = card_terms(items, relations)
        for item in items:
            terms = linked.get(item.pk, {})
            item.topic_labels = self.topic_names(terms.get("topics", []))
            item.audience_labels = self.audience_names(terms.get("audiences", []))
        return items


def _links(model, relation, ids):
    """The terms that pages ``ids`` of ``model`` link to through ``relation`` (a
    many-to-many to a taxonomy model), as rows for ``card_terms``."""
    field = model._meta.get_field(relation)
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    return (
        field.remote_field.through.objects.filter(**{f"{source}__in": ids})
        .annotate(relation=Value(relation))
        .values_list(
            "relation",
            source,
            target,
            f"{target}__slug",
            f"{target}__name",
            f"{target}__locale_id",
            f"{target}__live",
        )
        .order_by()
    )


def linked_terms(page, relations, preview=False):
    """{relation: terms} that one ``page`` links to: from the database in one query, or,
    in a preview (or for a page not saved yet), the page's own unsaved choices."""
    if preview or page.pk is None:
        return {relation: list(getattr(page, relation).all()) for relation in relations}
    return card_terms([page], relations).get(page.pk, {})


def card_terms(items, relations):
    """{page pk: {relation: [Term, …] by name}} of the terms that ``items`` (pages of one
    type) link to through each of ``relations`` (their taxonomy many-to-manys): one
    query for every relation together, however many cards."""
    if not items:
        return {}
    model, ids = type(items[0]), [item.pk for item in items]
    queries = [_links(model, relation, ids) for relation in relations]
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    linked = {}
    for relation, page_id, pk, slug, name, locale_id, live in sorted(rows, key=lambda r: r[4]):
        term = Term(pk, slug, name, locale_id, live)
        linked.setdefault(page_id, {}).setdefault(relation, []).append(term)
    return linked
