"""The shared taxonomy as readers see it: term names in their language, matched by slug.

wagtail-localize copies many-to-many links unchanged into translations, so a French page
may point at the English Topic rows. Terms are therefore always matched by slug and named
from the reader's locale (falling back to the source language): the loading itself is
``TaxonomyTermQuerySet.for_locale`` (one query per model). Only published terms count: a
translation waiting for review is never shown, its source term is, and a term never
published is neither a filter nor a label.
"""

from home.models import Audience, Topic


def terms_for_locale(model, locale, source=None):
    """Published terms of ``model`` in ``locale``, falling back to the source-language term
    for slugs not translated (or not reviewed) yet, sorted by name; one query."""
    return list(model.objects.for_locale(locale, source).values())


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
    """Topic and audience terms for one locale by slug, loaded once (two queries)."""

    def __init__(self, locale, source=None):
        self.locale = locale
        self.topics = Topic.objects.for_locale(locale, source)
        self.audiences = Audience.objects.for_locale(locale, source)

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

    def label_cards(self, items):
        """Attach ``topic_labels`` and ``audience_labels`` in the reader's language to
        already-fetched cards (their topics and audiences prefetched)."""
        for item in items:
            item.topic_labels = self.topic_names(item.topics.all())
            item.audience_labels = self.audience_names(item.audiences.all())
        return items
