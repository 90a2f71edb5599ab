"""The lemma dictionaries of simplemma, unpacked once per machine rather than once per
process, shared by everything in Openly that lemmatises: the language check
(home/language_check/lemmas.py) and site search's Ukrainian stems (home/search/languages.py).

simplemma ships each language's dictionary compressed and, by default, unpacks it into a
Python dict on first use: seconds of processor time for a process's first use (Polish:
3.7 million forms, over 4 s and 700 MB). Here the dictionaries are kept instead as MARISA
tries (simplemma's own trie-backed dictionaries) in a cache folder: built once
(``manage.py language_check_prepare`` at deployment, or by the first process that needs
one), then loaded by every process in milliseconds and a few megabytes. The lemmas are the
same: the same entries, looked up the same way.

The folder is ``OPENLY_LEMMA_CACHE_DIR`` (None: simplemma's folder in the user's cache, see
``_default_folder``). Give the web and worker processes one folder they can write to.
"""

import os
import tempfile
from functools import cache
from pathlib import Path

import simplemma
from django.conf import settings
from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries import TrieDictionaryFactory
from simplemma.utils import normalize_token

from home.app_settings import AppSettings

lemma_settings = AppSettings("OPENLY_LEMMA_", {"CACHE_DIR": None})


class _TrieFactory(TrieDictionaryFactory):
    """simplemma's trie dictionaries, written to the cache folder under a temporary name and
    then renamed, so a process never reads a trie another one is still writing."""

    def __init__(self, folder):
        super().__init__(cache_max_size=32, disk_cache_dir=str(folder) if folder else None)
        self.folder = folder

    def _write_trie_to_disk(self, lang, trie):
        folder = self.folder or _default_folder()
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f"{lang}.", suffix=".part")
        os.close(handle)
        try:
            trie.save(temporary)
            os.chmod(temporary, 0o644)  # as an ordinary new file, not mkstemp's 0o600
            os.replace(temporary, folder / f"{lang}.dic")
        finally:
            Path(temporary).unlink(missing_ok=True)


def _default_folder():
    """simplemma's own cache folder for its tries (its version in the path)."""
    # Imported here: platformdirs comes with simplemma's trie extra and is needed only when
    # no folder is configured.
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("simplemma")) / "marisa_trie" / simplemma.__version__


@cache
def _factory():
    configured = lemma_settings.CACHE_DIR
    folder = Path(configured) / f"simplemma-{simplemma.__version__}" if configured else None
    return _TrieFactory(folder)


@cache
def _lemmatizer():
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_factory()))


@cache
def _lookup():
    return DictionaryLookupStrategy(_factory())


def lemmatize(form, language):
    """simplemma's lemma of ``form`` (as ``simplemma.lemmatize`` gives it)."""
    return _lemmatizer().lemmatize(form, language)


def is_known(word, language):
    """Whether ``word`` is in the language's dictionary (as ``simplemma.is_known``)."""
    return _lookup().get_lemma(normalize_token(word), language) is not None


def site_languages():
    """The language codes of the site."""
    return [code for code, _name in settings.LANGUAGES]


def prepare(languages=None):
    """Load (building the cache when missing) the dictionaries of ``languages``, by default
    every language of the site."""
    for language in languages or site_languages():
        _factory().get_dictionary(language)
