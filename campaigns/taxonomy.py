"""The shared taxonomy as readers see it: term names in their language, matched by slug.

wagtail-localize copies many-to-many links unchanged into translations, so a French page
may point at the English Topic rows. Terms are therefore always matched by slug and named
from the reader's locale (falling back to the source language), in one query per model.
Only published terms count: a translation waiting for review is never shown, its source
term is, and a term never published is neither a filter nor a label.
"""

from home.models import Audience, Topic


def terms_for_locale(model, locale):
    """{slug: term} for every published term, in ``locale`` where translated, else the
    source's."""
    return model.objects.for_locale(locale)


class Vocabulary:
    """Topic and audience names for one locale, loaded once (two queries)."""

    def __init__(self, locale):
        self.locale = locale
        self.topics = terms_for_locale(Topic, locale)
        self.audiences = terms_for_locale(Audience, locale)

    def topic_names(self, terms):
        return self._names(self.topics, terms)

    def audience_names(self, terms):
        return self._names(self.audiences, terms)

    @staticmethod
    def _names(known, terms):
        """Names of ``terms`` in the reader's language; a linked term that was never
        published (so is in no language's vocabulary) is left out."""
        names = []
        for term in terms:
            local = known.get(term.slug)
            if local is not None:
                names.append(local.name)
            elif term.live:
                names.append(term.name)
        return names


def clean_choices(values, allowed, limit=20):
    """The requested filter values that exist, in a stable order; unknown ones are dropped
    (a stale or hand-typed link still gives a normal page)."""
    wanted = {value.strip() for value in values[:limit] if value and len(value) <= 100}
    return [value for value in allowed if value in wanted]
