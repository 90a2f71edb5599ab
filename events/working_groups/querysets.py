"""Named queries of the working-group index (its facets call them by name)."""

from wagtail.models import PageManager

from home.querysets import PublicPageQuerySet, TaggedQuerySetMixin


class WorkingGroupPageQuerySet(TaggedQuerySetMixin, PublicPageQuerySet):
    """Working groups and task forces filtered by kind and status."""

    def with_kinds(self, kinds):
        return self.filter(kind__in=kinds) if kinds else self

    def with_statuses(self, statuses):
        return self.filter(group_status__in=statuses) if statuses else self

    def alphabetical(self):
        return self.order_by("title", "pk")

    def started_from(self, event):
        """[groups] created from any language version of ``event``, live and public, each
        once: in the event's language where translated, else as written (one query)."""
        groups = (
            self.live()
            .public()
            .filter(from_workshop__translation_key=event.translation_key)
            .select_related("locale")
            .order_by("title", "pk")
        )
        chosen = {}
        for group in groups:
            if group.translation_key not in chosen or group.locale_id == event.locale_id:
                chosen[group.translation_key] = group
        return sorted(chosen.values(), key=lambda group: (group.title, group.pk))

    def for_cards(self):
        """Everything a card shows, in one query however many groups there are."""
        return self.select_related("organisation", "locale")


WorkingGroupPageManager = PageManager.from_queryset(WorkingGroupPageQuerySet)
