"""How site search reads each language: which PostgreSQL text-search configuration builds
its vectors, and which stemmer (or lemmatiser) Openly runs in Python where the database has
none (every language on SQLite; Polish and Ukrainian on PostgreSQL).

PostgreSQL 15 ships snowball configurations for English, German, French, Spanish, Italian,
Romanian, Greek and Arabic, none for Polish or Ukrainian: those two use ``simple`` with the
words' stems added in Python. Python stems with the snowball stemmers of the
``snowballstemmer`` package (the same algorithms PostgreSQL uses); snowball has no
Ukrainian stemmer, so Ukrainian words are reduced to their dictionary form with
``simplemma``'s Ukrainian lemma table instead (kept unpacked by ``home.lemma_dictionaries``).

Indexed text keeps its own words and gains the stems that differ from them, so a search
for the exact word (Wagtail's admin search) still finds it; a reader's query is reduced to
stems only, which the index holds for every word.
"""

import functools
import re
import threading
from dataclasses import dataclass

import snowballstemmer

from home import lemma_dictionaries

# Words of a text: letters and digits, with inner apostrophes (Ukrainian "здоров'я").
WORD = re.compile(r"\w+(?:['’]\w+)*")
# A reader's query uses at most this many words; more would only narrow it further.
MAX_QUERY_WORDS = 12

_snowball = threading.local()


@functools.lru_cache(maxsize=200_000)
def _snowball_stem(algorithm, word):
    # Snowball stemmer objects keep state while they work: one per thread. The cache makes
    # re-indexing fast, since a site's vocabulary is far smaller than its text.
    stemmers = getattr(_snowball, "stemmers", None)
    if stemmers is None:
        stemmers = _snowball.stemmers = {}
    if algorithm not in stemmers:
        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm].stemWord(word)


@functools.lru_cache(maxsize=200_000)
def _lemma(language_code, word):
    # simplemma's dictionary as the language check keeps it: unpacked once per machine, a
    # few megabytes per process (home/lemma_dictionaries.py).
    return lemma_dictionaries.lemmatize(word, language_code).lower()


@dataclass(frozen=True)
class Language:
    """A content language as search sees it."""

    code: str
    # PostgreSQL text-search configuration its vectors and queries are built with.
    postgres_config: str = "simple"
    # Snowball algorithm name, or None.
    snowball: str | None = None
    # simplemma language code, for a language without a snowball stemmer.
    lemmas: str | None = None

    @property
    def stems_in_python(self):
        return bool(self.snowball or self.lemmas)

    def stem(self, word):
        """The stem (or dictionary form) of one lower-case word; the word itself when this
        language has no stemmer."""
        if self.snowball:
            return _snowball_stem(self.snowball, word)
        if self.lemmas:
            return _lemma(self.lemmas, word)
        return word

    def with_stems(self, text):
        """``text`` followed by the stems of its words that differ from the words, for an
        index that has no stemmer of its own."""
        if not self.stems_in_python or not text:
            return text
        seen = set()
        stems = []
        for word in words(text):
            stem = self.stem(word)
            if stem != word and stem not in seen:
                seen.add(stem)
                stems.append(stem)
        return f"{text}\n{' '.join(stems)}" if stems else text

    def query_terms(self, query):
        """The stems a reader's ``query`` is looked up by, without repeats."""
        return list(dict.fromkeys(self.stem(word) for word in query_words(query)))


def words(text):
    """The lower-case words of ``text``."""
    return WORD.findall(text.lower())


def query_words(query):
    """The words of a reader's query, without repeats, at most MAX_QUERY_WORDS of them."""
    return list(dict.fromkeys(words(query)))[:MAX_QUERY_WORDS]


LANGUAGES = {
    language.code: language
    for language in (
        Language("en", "english", snowball="english"),
        Language("de", "german", snowball="german"),
        Language("fr", "french", snowball="french"),
        Language("es", "spanish", snowball="spanish"),
        Language("it", "italian", snowball="italian"),
        Language("ro", "romanian", snowball="romanian"),
        Language("el", "greek", snowball="greek"),
        Language("ar", "arabic", snowball="arabic"),
        # No PostgreSQL configuration for these two: `simple`, stemmed in Python.
        Language("pl", "simple", snowball="polish"),
        Language("uk", "simple", lemmas="uk"),
    )
}
# Content without a language (snippets that are not translatable) or in a language not
# listed above: words are matched as they are.
UNKNOWN = Language("")


def language(code):
    """The Language for a language code such as "fr" or "pt-br"."""
    code = (code or "").lower()
    return LANGUAGES.get(code) or LANGUAGES.get(code.split("-")[0], UNKNOWN)
