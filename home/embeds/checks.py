"""A system check of ``OPENLY_EMBED_FRAME_ANCESTORS``: a wrong source (a comma, a semicolon,
a missing scheme separator) would make the embeds' Content-Security-Policy invalid, and
browsers would then refuse them in every partner's frame."""

import re

from django.core.checks import Error, register

from home.embeds.conf import frame_ancestors

SOURCE = re.compile(
    r"^(?:\*|'self'|'none'|[a-z][a-z0-9+.-]*:"
    r"|(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9.-]+(?::(?:\d+|\*))?(?:/[^\s;,']*)?)$",
    re.IGNORECASE,
)


@register()
def check_frame_ancestors(app_configs=None, **kwargs):
    """Every source of OPENLY_EMBED_FRAME_ANCESTORS is a CSP source expression."""
    wrong = [source for source in frame_ancestors() if not SOURCE.match(source)]
    if not wrong:
        return []
    return [
        Error(
            f"OPENLY_EMBED_FRAME_ANCESTORS has sources a browser would refuse: {wrong}",
            hint="Separate sources with spaces, e.g. "
            '"https://partner.example.org https://*.example.net", or leave it unset for any '
            "site.",
            id="openly.embeds.E001",
        )
    ]
