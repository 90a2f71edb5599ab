"""Demo content of working groups: a task force created from the follow-up of the Lviv
stakeholder workshop, with member organisations, meetings, outputs and actions in every
state (one of them overdue), translated into French, Ukrainian and Arabic.

The content itself is in demo_content.toml beside this module; running it again changes
nothing (pages are found by slug, translations by locale)."""

from campaigns.models import ResourcePage
from events.models import EventPage
from events.working_groups.models import (
    WorkingGroupAction,
    WorkingGroupIndexPage,
    WorkingGroupMeeting,
    WorkingGroupOutput,
    WorkingGroupPage,
)
from home.cocreation.models import PartnerOrganisation
from home.demo.building import add_child, translate_page
from home.demo.loading import read_data
from home.models import Topic


def load(demo):
    """Create the working-group index and the task force (idempotent)."""
    data = read_data(__file__)
    partners = {org.slug: org for org in PartnerOrganisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.filter(locale__language_code="en")}
    index = add_child(demo.home, WorkingGroupIndexPage(**data["index"]))
    fields = data["group"]
    group = WorkingGroupPage(
        title=fields["title"],
        slug=fields["slug"],
        kind=fields["kind"],
        summary=fields["summary"],
        organisation=partners.get(fields["organisation"]),
        mandate="".join(f"<p>{text}</p>" for text in fields["mandate"]),
        from_workshop=_latest_event(fields["workshop"]),
    )
    group.topics = [topics[slug] for slug in fields["topics"] if slug in topics]
    group.members = [partners[slug] for slug in fields["members"] if slug in partners]
    meetings = [_latest_event(start) for start in fields["meetings"]]
    group.meetings = [WorkingGroupMeeting(event=event) for event in meetings if event]
    resources = ResourcePage.objects.filter(locale__language_code="en", title__in=fields["outputs"])
    group.outputs = [WorkingGroupOutput(resource=resource) for resource in resources]
    group.actions = [
        WorkingGroupAction(
            locale=index.locale,
            action=action["action"],
            lead=action["lead"],
            organisation=partners.get(action["organisation"]),
            status=action["status"],
            due=demo.dates.resolve(action["due"]),
            evidence_url=action["evidence_url"],
        )
        for action in fields["actions"]
    ]
    group = add_child(index, group)
    demo.say(f"Working groups: '{group.title}', created from a workshop, with its actions")
    for code, strings in data["translations"].items():
        translate_page(group, code, strings)
    demo.say("Translated the working groups and the task force into fr, uk and ar")


def _latest_event(title_start):
    """The latest English event whose title starts with ``title_start``, or None."""
    events = EventPage.objects.filter(locale__language_code="en", title__startswith=title_start)
    return events.order_by("-first_published_at", "-pk").first()
