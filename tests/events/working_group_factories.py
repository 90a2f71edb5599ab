"""Factories for working groups and their actions."""

import factory
import wagtail_factories

from events.working_groups.models import (
    WorkingGroupAction,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)
from tests.bulk import bulk_link, bulk_pages
from tests.factories import PartnerOrganisationFactory


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Working groups"
    slug = "working-groups"
    intro = "Groups that follow up what workshops agreed."

    class Meta:
        model = WorkingGroupIndexPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Working group {n}")
    slug = factory.Sequence(lambda n: f"working-group-{n}")
    summary = "Following up the crisis care workshop."
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    mandate = "<p>Map crisis services and agree a shared pathway by June.</p>"

    class Meta:
        model = WorkingGroupPage


class WorkingGroupActionFactory(factory.django.DjangoModelFactory):
    group = factory.SubFactory(WorkingGroupPageFactory)
    locale = factory.SelfAttribute("group.locale")
    action = factory.Sequence(lambda n: f"Action {n}: map crisis services")
    lead = "Regional health office"
    status = "planned"

    class Meta:
        model = WorkingGroupAction


def bulk_groups(index, count, topic, organisation):
    """``count`` live groups owned by ``organisation`` with ``topic``, inserted in bulk."""
    pages = bulk_pages(
        index,
        WorkingGroupPage,
        count,
        lambda n: {
            "title": f"Group {n:04}",
            "slug": f"group-{n}",
            "mandate": "<p>Follow up the workshop.</p>",
            "kind": "task_force" if n % 2 else "working_group",
            "group_status": "active",
            "organisation_id": organisation.pk,
        },
    )
    bulk_link(pages, "topics", [topic])
    return pages
