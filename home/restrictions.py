"""Private sections (pages with a view restriction) from the chrome cache.

Wagtail reads every PageViewRestriction each time a listing filters ``public()`` and
reads a page's ancestors and their restrictions each time it serves a page. Most sites
have no private section at all; the list of restricted sections is cached here (renewed
when a restriction or the page tree changes, see home.cache), so neither costs a query.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from home.cache import cached_chrome


def restricted_sections():
    """[(path, depth)] of every page with a view restriction; empty on a site without
    private sections."""
    return cached_chrome(
        "restricted",
        (),
        lambda: list(
            PageViewRestriction.objects.order_by("page__path").values_list(
                "page__path", "page__depth"
            )
        ),
    )


def private_q():
    """A Q matching the pages of every private section, as Wagtail's
    ``PageQuerySet.private_q`` (a section's page and its descendants); matches nothing
    on a site without private sections."""
    query = Q()
    for path, depth in restricted_sections():
        query |= Q(path__startswith=path) & Q(depth__gte=depth)
    return query if query else Q(pk__in=[])


def in_private_section(page):
    """Whether ``page`` is a private section's page or one of its descendants."""
    return any(page.path.startswith(path) for path, _depth in restricted_sections())
