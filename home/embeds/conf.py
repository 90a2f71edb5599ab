"""The embeds' settings, read here and nowhere else.

- ``FRAME_ANCESTORS = ["*"]``: the sites that may frame the pages under /<lang>/embed/, as
  CSP ``frame-ancestors`` sources (e.g. ``["https://partner.example.org",
  "https://*.example.net"]``). The default lets any site frame them: they show only what
  the public site shows, to anyone, and hold no form or signed-in state that a framing
  site could abuse. Set ``OPENLY_EMBED_FRAME_ANCESTORS`` (space-separated) to narrow it.
- ``MAX_EVENTS = 20``, ``DEFAULT_EVENTS = 5``: how many events the events embed shows
  (``?limit=``, within 1 and the maximum).
"""

from home.app_settings import AppSettings

settings = AppSettings(
    "OPENLY_EMBED_",
    {"FRAME_ANCESTORS": ["*"], "MAX_EVENTS": 20, "DEFAULT_EVENTS": 5},
)


def frame_ancestors():
    """The CSP ``frame-ancestors`` sources of embeddable pages (never empty)."""
    sources = settings.FRAME_ANCESTORS
    if isinstance(sources, str):
        sources = sources.split()
    return list(sources) or ["*"]
