"""Content related to a campaign: what an editor picked by hand, or else live pages in the
same language that share a topic with it or point at it (a story or event's campaign).

Stories and events live in other apps that may not be installed yet, so the kinds of
related content are looked up by model label, and a model that does not exist is skipped.
"""

from django.apps import apps
from django.db.models import Q

from campaigns.models.campaign import CampaignPage

# (model label, how many at most, QuerySet method that orders them if the model has it),
# in the order readers see them. Events: only those still to come, soonest first.
RELATED_KINDS = [
    ("stories.StoryPage", 3, None),
    ("campaigns.ResourcePage", 3, None),
    ("events.EventPage", 3, "upcoming"),
]


def _related_filter(model, campaign, topic_slugs):
    """A Q matching pages of ``model`` that share a topic with, or belong to, ``campaign``."""
    condition = Q()
    for field in model._meta.get_fields():
        if field.many_to_many and field.name == "topics" and topic_slugs:
            condition |= Q(topics__slug__in=topic_slugs)
        elif (
            field.many_to_one
            and field.concrete
            and field.related_model is not None
            and issubclass(field.related_model, CampaignPage)
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
    for label, limit, ordering in RELATED_KINDS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
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
        order = getattr(queryset, ordering, None) if ordering else None
        queryset = order() if callable(order) else queryset.order_by("-first_published_at")
        pages = list(queryset[:limit])
        if pages:
            groups.append((model._meta.verbose_name_plural, pages))
    return groups
