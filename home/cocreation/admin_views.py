"""The "My organisation's content" dashboard panel."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from home.cocreation.organisations import (
    organisation_ids,
    organisation_owned_models,
    organisation_pages,
)
from home.cocreation.roles import is_moderator
from home.models import CrisisHelpline

HELPLINE_CHECK_EVERY = datetime.timedelta(days=183)


class OrganisationContentPanel(Component):
    """Dashboard panel: the user's organisations' pages by state, and what needs checking."""

    name = "organisation_content"
    order = 150
    template_name = "home/admin/organisation_content_panel.html"
    per_list = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        ids = organisation_ids(self.user)
        moderator = is_moderator(self.user)
        context = {"organisations_known": bool(ids), "moderator": moderator}
        today = timezone.localdate()
        if ids:
            pages = organisation_pages(ids)
            states = WorkflowState.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
                status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
            ).values_list("object_id", "status")
            in_review = {int(pk) for pk, status in states if status == "in_progress"}
            changes = {int(pk) for pk, status in states if status == "needs_changes"}
            base = pages.order_by("-latest_revision_created_at")
            context.update(
                {
                    "in_review": base.filter(pk__in=in_review)[: self.per_list],
                    "changes_requested": base.filter(pk__in=changes)[: self.per_list],
                    "drafts": base.filter(live=False).exclude(pk__in=in_review | changes)[
                        : self.per_list
                    ],
                    "published": base.filter(live=True)[: self.per_list],
                }
            )
            overdue = []
            for model in _models_with("review_due"):
                overdue.extend(
                    model.objects.filter(organisation_id__in=ids, review_due__lt=today).order_by(
                        "review_due"
                    )[: self.per_list]
                )
            context["overdue_pages"] = overdue
        else:
            context["overdue_pages"] = []
        if moderator or ids:
            context["overdue_helplines"] = CrisisHelpline.objects.filter(
                last_verified__lt=today - HELPLINE_CHECK_EVERY
            ).order_by("last_verified")[: self.per_list]
        return context


def _models_with(field_name):
    return [
        model
        for model in organisation_owned_models()
        if any(f.name == field_name for f in model._meta.get_fields())
    ]
