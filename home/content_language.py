"""Which parts of a translated page are still in the source language.

wagtail-localize fills every segment nobody translated with the source text, so an Arabic
page can hold English paragraphs. Each such part must say so (``lang`` and ``dir``), or
browsers lay English out right to left ("1 in 6" becomes "in 6 1") and screen readers read
it with an Arabic voice; and a reader is told when a page is only partly translated.

The segments of the page's translation and whether each has a translation come from one
query per page, kept with the site chrome (home.cache) until the next publish, so a warm
render costs nothing. Templates ask by field name or block id (``{% lang_of "title" %}``,
``{% lang_of block_id "heading" %}``; home.templatetags.openly_tags)."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from home.cache import cached_chrome, default_locale

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# Segments readers never see as text: the page's address.
HIDDEN_PATHS = frozenset({"slug"})


def text_direction(language_code):
    """'rtl' for a right-to-left language, else 'ltr'."""
    return "rtl" if language_code in settings.OPENLY_RTL_LANGUAGES else "ltr"


@dataclass
class ContentLanguage:
    """The translation state of one page: its source language and, for each segment path
    (``title``, ``body.<block id>.heading``…), how many of its segments are translated."""

    source: str
    paths: dict = field(default_factory=dict)  # path -> [translated, total]
    # Shown whole in the source language (a snippet with no translation in this language).
    whole: bool = False

    @property
    def total(self):
        return sum(total for _translated, total in self.paths.values())

    @property
    def translated(self):
        return sum(translated for translated, _total in self.paths.values())

    @property
    def complete(self):
        return not self.whole and self.translated >= self.total

    def _tally(self, keys):
        """(fields, translated segments, segments) under the path ``keys`` join to."""
        if not keys or any(key in (None, "") for key in keys):
            return 0, 0, 0  # a block rendered outside its page (a preview) has no id
        keys = [str(key) for key in keys]
        fragment = ".".join(keys)
        anywhere = bool(UUID.match(keys[0]))
        fields = translated = total = 0
        for path, (done, count) in self.paths.items():
            inside = path == fragment or path.startswith(fragment + ".")
            if inside or (anywhere and f".{fragment}." in f".{path}."):
                fields += 1
                translated += done
                total += count
        return fields, translated, total

    def state(self, *keys):
        """'source' when every segment under ``keys`` is untranslated, 'mixed' when some
        are, 'translated' when none is, None when there is no text there. The keys join to
        a path (``"body", block_id, "heading"``); one starting with a block id matches
        wherever that block sits (blocks nest: sessions.<id>.programme.<id>.title)."""
        _fields, translated, total = self._tally(keys)
        if not total:
            return None
        if not translated:
            return "source"
        return "translated" if translated >= total else "mixed"

    def _unknown_block(self, keys):
        """Whether ``keys`` start with the id of a block none of the translation's segments
        belongs to: a block the translated page holds but its translation source does not
        (added to the source page after it was last sent for translation and copied over
        as it was), so in the source language."""
        if not keys or not keys[0] or not UUID.match(str(keys[0])):
            return False
        block = f".{keys[0]}."
        return not any(block in f".{path}." for path in self.paths)

    def attributes(self, *keys):
        """`` lang="en" dir="ltr"`` for a part in the source language; `` dir="auto"`` for
        one field's text partly translated (a rich text whose paragraphs are segments:
        openly.css lets each paragraph take its own direction); else "". A block of
        several fields partly translated gets nothing: its template marks each field."""
        fields, translated, total = self._tally(keys)
        if self.whole or (total and not translated) or self._unknown_block(keys):
            return format_html(' lang="{}" dir="{}"', self.source, text_direction(self.source))
        if fields == 1 and 0 < translated < total:
            return mark_safe(' dir="auto"')
        return ""


def _segments(keys, locale_id):
    """(object key, path, translated?, source language) of every string segment of the
    wagtail-localize translations of the objects ``keys`` into ``locale_id``: one query."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        has_error=False,
    )
    return (
        StringSegment.objects.filter(
            source__object_id__in=keys,
            source__translations__target_locale_id=locale_id,
            source__translations__enabled=True,
        )
        .annotate(is_translated=Exists(translated))
        .values_list(
            "source__object_id", "context__path", "is_translated", "source__locale__language_code"
        )
    )


def object_states(objects, locale):
    """{pk: (source language, whole, {path: [translated, total]})} for translatable objects
    (snippets) shown to a reader of ``locale``, as plain data, in one query: one shown in
    another language is whole in that language; a translation has its segments."""
    states = {}
    by_key = {}
    for obj in objects:
        if obj.locale_id != locale.pk:
            states[obj.pk] = (obj.locale.language_code, True, {})
        else:
            by_key[obj.translation_key] = obj.pk
    if by_key and locale.pk != default_locale().pk:
        for key, path, is_translated, source in _segments(list(by_key), locale.pk):
            if path in HIDDEN_PATHS:
                continue
            _source, _whole, paths = states.setdefault(by_key[key], (source, False, {}))
            counts = paths.setdefault(path, [0, 0])
            counts[0] += int(is_translated)
            counts[1] += 1
    return states


def object_languages(states):
    """{pk: ContentLanguage} from ``object_states``."""
    return {
        pk: ContentLanguage(source=source, paths=paths, whole=whole)
        for pk, (source, whole, paths) in states.items()
    }


def segment_states(page):
    """{path: [translated, total]} and the source language of ``page``'s wagtail-localize
    translation, in one query; ({}, "") for a page made otherwise."""
    paths, source = {}, ""
    for _key, path, is_translated, language_code in _segments(
        [page.translation_key], page.locale_id
    ):
        source = language_code
        if path in HIDDEN_PATHS:
            continue
        counts = paths.setdefault(path, [0, 0])
        counts[0] += int(is_translated)
        counts[1] += 1
    return paths, source


def content_language(page, request=None):
    """The ContentLanguage of a page in a language other than its source's, or None (a
    source page, a page wagtail-localize did not translate, not a page). A preview reads
    the database afresh; a published page's state is kept until the next publish."""
    if not isinstance(page, Page) or not page.locale_id or not page.pk:
        return None
    if page.locale_id == default_locale().pk:
        return None
    if getattr(request, "is_preview", False):
        paths, source = segment_states(page)
    else:
        paths, source = cached_chrome(
            "content-language", (page.pk, page.locale_id), lambda: segment_states(page)
        )
    if not source or not paths:
        return None
    return ContentLanguage(source=source, paths=paths)
