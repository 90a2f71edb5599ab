"""The shared taxonomy as readers see it: term names in their language, matched by slug.

wagtail-localize copies many-to-many links unchanged into translations, so a French page
may point at the English Topic rows. Terms are therefore always matched by slug and named
from the reader's locale (falling back to the source language), in one query per model.
"""

from wagtail.models import Locale

from home.models import Audience, Topic


def terms_for_locale(model, locale):
    """{slug: term} for every term, in ``locale`` where translated, else the source's."""
    default = Locale.get_default()
    chosen = {}
    for term in model.objects.filter(locale_id__in={locale.pk, default.pk}).order_by("name"):
        if term.slug not in chosen or term.locale_id == locale.pk:
            chosen[term.slug] = term
    return dict(sorted(chosen.items(), key=lambda item: item[1].name.lower()))


class Vocabulary:
    """Topic and audience names for one locale, loaded once (two queries)."""

    def __init__(self, locale):
        self.locale = locale
        self.topics = terms_for_locale(Topic, locale)
        self.audiences = terms_for_locale(Audience, locale)

    def topic_names(self, terms):
        return [self._name(self.topics, term) for term in terms]

    def audience_names(self, terms):
        return [self._name(self.audiences, term) for term in terms]

    @staticmethod
    def _name(known, term):
        local = known.get(term.slug)
        return local.name if local is not None else term.name


def clean_choices(values, allowed, limit=20):
    """The requested filter values that exist, in a stable order; unknown ones are dropped
    (a stale or hand-typed link still gives a normal page)."""
    wanted = {value.strip() for value in values[:limit] if value and len(value) <= 100}
    return [value for value in allowed if value in wanted]
