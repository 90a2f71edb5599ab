"""Content related to a campaign: what an editor picked by hand, or else live pages in the
same language that share a topic with it or point at it (a story or event's campaign).

The kinds of related content come from ``home.registry.related_kinds``, which each app
fills in its AppConfig.ready() (see ``register_related_kind``): a kind whose app is not
installed is simply not there.
"""

from django.db.models import Q

from home import registry


def register_related_kind(key, model, limit=3, ordering=None, order=0):
    """Offer ``model``'s pages as related content of campaigns: at most ``limit``, ordered
    by its QuerySet method ``ordering`` (newest first without one), in ``order``."""
    registry.related_kinds.register(
        key, {"model": model, "limit": limit, "ordering": ordering}, order=order
    )


def _related_filter(model, campaign, topic_slugs):
    """A Q matching pages of ``model`` that share a topic with, or belong to, ``campaign``."""
    condition = Q()
    campaign_model = campaign._meta.concrete_model
    for field in model._meta.get_fields():
        if field.many_to_many and field.name == "topics" and topic_slugs:
            condition |= Q(topics__slug__in=topic_slugs)
        elif (
            field.many_to_one
            and field.concrete
            and field.related_model is not None
            and issubclass(field.related_model, campaign_model)
        ):
            # Links to any language version of the campaign count.
            condition |= Q(**{f"{field.name}__translation_key": campaign.translation_key})
    return condition


def related_groups(campaign):
    """[(verbose name plural, [pages])] for the campaign's related content section."""
    hand_picked = [
        link.page for link in campaign.related_pages.all().select_related("page") if link.page_id
    ]
    if hand_picked:
        pages = []
        for page in hand_picked:
            localized = page.specific.localized
            if localized.live:
                pages.append(localized)
        return [(None, pages)] if pages else []

    topic_slugs = campaign.topic_slugs
    groups = []
    for kind in registry.related_kinds.values():
        model = kind["model"]
        condition = _related_filter(model, campaign, topic_slugs)
        if not condition:
            continue
        matching = model.objects.filter(condition).values("pk")
        queryset = (
            model.objects.live()
            .public()
            .filter(locale_id=campaign.locale_id, pk__in=matching)
            .exclude(pk=campaign.pk)
        )
        order = getattr(queryset, kind["ordering"], None) if kind["ordering"] else None
        queryset = order() if callable(order) else queryset.order_by("-first_published_at")
        pages = list(queryset[: kind["limit"]])
        if pages:
            groups.append((model._meta.verbose_name_plural, pages))
    return groups
