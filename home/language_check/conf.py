"""The language check's settings: every ``OPENLY_LANGUAGE_CHECK_*`` setting and its default,
read here and nowhere else.

- ``CACHE_DIR = None``: the folder that keeps the lemma dictionaries unpacked (see
  ``dictionaries``); None keeps them in the user's cache folder (``~/.cache/simplemma``).
  Give the web and worker processes one folder they can write to.
"""

from home.app_settings import AppSettings

PREFIX = "OPENLY_LANGUAGE_CHECK_"

DEFAULTS = {"CACHE_DIR": None}

language_check_settings = AppSettings(PREFIX, DEFAULTS)
