"""The event page's list of the working groups and task forces started from it (loaded by
templates/pages/event_page.html, as commitment_tags gives the campaign page its
signatories)."""

from django import template

from events.working_groups.models import WorkingGroupPage

register = template.Library()


@register.inclusion_tag("components/workshop_working_groups.html")
def workshop_working_groups(event):
    """The live working groups following up ``event`` (in any language version), in the
    event's language where translated (one query)."""
    return {"groups": WorkingGroupPage.objects.started_from(event), "event": event}
