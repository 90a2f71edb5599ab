"""The lemma dictionaries kept unpacked in a cache folder give simplemma's own lemmas, and a
process finds them there instead of unpacking them again (English only: the smallest)."""

import io

import simplemma
from django.core.management import call_command

from home import lemma_dictionaries as dictionaries
from home.search import languages

WORDS = ("suicides", "committed", "schizophrenics", "Asylums", "hanged", "sufferers")


def _fresh_factory():
    """Forget the dictionaries this process has loaded (the configured folder is read anew)."""
    dictionaries._factory.cache_clear()
    dictionaries._lemmatizer.cache_clear()
    dictionaries._lookup.cache_clear()


def test_the_cached_dictionary_gives_simplemmas_lemmas_and_is_kept_in_the_folder(
    settings, tmp_path
):
    settings.OPENLY_LEMMA_CACHE_DIR = str(tmp_path)
    _fresh_factory()
    try:
        call_command("language_check_prepare", "en", stdout=io.StringIO())
        (kept,) = tmp_path.glob("simplemma-*/en.dic")
        assert not list(tmp_path.glob("simplemma-*/*.part"))
        for word in WORDS:
            assert dictionaries.lemmatize(word, "en") == simplemma.lemmatize(word, lang="en")
            assert dictionaries.is_known(word, "en") == simplemma.is_known(word, lang="en")
        # Another process (a fresh factory) reads the folder rather than unpacking again.
        written = kept.stat().st_mtime_ns
        _fresh_factory()
        assert dictionaries.lemmatize("suicides", "en") == "suicide"
        assert kept.stat().st_mtime_ns == written
    finally:
        _fresh_factory()


def test_site_search_reads_ukrainian_lemmas_from_the_same_dictionaries(monkeypatch):
    """Search's Ukrainian stems come from the shared, unpacked dictionaries, not from
    simplemma's own loading (which would unpack the Ukrainian table again in each process)."""
    asked = []

    def lemmatize(form, language):
        asked.append((form, language))
        return "ЗДОРОВ'Я"

    monkeypatch.setattr(dictionaries, "lemmatize", lemmatize)
    languages._lemma.cache_clear()
    try:
        assert languages.language("uk").stem("здоров'ям") == "здоров'я"
    finally:
        languages._lemma.cache_clear()
    assert asked == [("здоров'ям", "uk")]
