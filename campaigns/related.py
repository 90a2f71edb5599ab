"""The kinds of content related to a campaign: each app registers its own in its
AppConfig.ready() (``register_related_kind``), filling ``home.registry.related_kinds``; a
kind whose app is not installed is simply not there. The campaign page lists them with
``campaigns.detail.related_groups``. (Imported by the apps' configs, so no model here.)
"""

from home import registry


def register_related_kind(key, model, limit=3, ordering=None, order=0):
    """Offer ``model``'s pages as related content of campaigns: at most ``limit``, ordered
    by its QuerySet method ``ordering`` (newest first without one), in ``order``."""
    registry.related_kinds.register(
        key, {"model": model, "limit": limit, "ordering": ordering}, order=order
    )
