"""Pages partner sites may frame, under /<lang>/embed/: small, self-contained pages without
the site's chrome (no header, navigation or footer, one small stylesheet, no script).

Apps declare them: ``home.registry.embeds.register(name, EmbedRoute(route, view))`` in their
``AppConfig.ready()`` answers ``/<lang>/embed/<name>/<route>`` with ``view`` (the events
register ``events``, the campaigns ``pledge``). Every answer, a 404 included, is a public
page (cached like any other and retired on every change) that other sites may frame:
``frame-ancestors`` is opened to ``OPENLY_EMBED_FRAME_ANCESTORS`` for these addresses only,
and the rest of the site keeps ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EmbedRoute:
    """One embeddable page: ``route`` (a Django path under /<lang>/embed/<name>/, e.g.
    "<slug:campaign>/" or "") and the ``view`` answering it (a function of the request and
    the route's arguments, returning a response; home.embeds.views.render_embed helps)."""

    route: str
    view: Any
