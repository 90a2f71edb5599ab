"""Starting a working group from a workshop's follow-up: the one place that decides who
may do it and what the new group starts with (the admin view and button call it).

The new group is a draft under the working-group index in the workshop's language, linked
to the workshop, owned by the workshop's organisation, with that organisation as its first
member; the editor then completes its mandate and submits it through the usual workflow.
"""

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from events.working_groups.models import WorkingGroupIndexPage, WorkingGroupPage


def index_for(event):
    """The working-group index in the event's language, else in the source language."""
    indexes = WorkingGroupIndexPage.objects.filter(locale_id=event.locale_id)
    return (
        indexes.first() or WorkingGroupIndexPage.objects.filter(locale=Locale.get_default()).first()
    )


def can_start(event, user):
    """Whether ``user`` may start a working group from ``event``: they may edit the event
    and add pages under the working-group index (partner editors: of the event's own
    organisation, see home.cocreation.permissions)."""
    index = index_for(event)
    if index is None or not event.permissions_for_user(user).can_edit():
        return False
    return index.permissions_for_user(user).can_add_subpage()


@transaction.atomic
def start_from_workshop(event, user):
    """Create and return the draft working group following up ``event`` (see the module
    docstring). The caller checks ``can_start`` first."""
    index = index_for(event)
    title = _("Follow-up of %(event)s") % {"event": event.title}
    group = WorkingGroupPage(
        title=title[:255],
        slug=find_available_slug(index, slugify(f"follow-up-{event.slug}")[:70] or "working-group"),
        from_workshop=event,
        organisation=event.organisation,
        mandate="<p>%s</p>"
        % (_("Follow up the action points agreed at %(event)s.") % {"event": escape(event.title)}),
        live=False,
        owner=user,
    )
    if event.organisation_id:
        group.members = [event.organisation]
    index.add_child(instance=group)
    group.save_revision(user=user, log_action=True)
    return group
