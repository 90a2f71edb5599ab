"""Admin for commitments: the coordinators' follow-up reports and their menu items, the
partner editors' dashboard panel of plans to write, and the moderator's word when approving
a signature opens a plan."""

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permissions import policy_registry

from campaigns.commitments.reports import (
    FOLLOW_UP_PERMISSIONS,
    CommitmentsPastReviewView,
    OverdueCommitmentActionsView,
)
from campaigns.commitments.signing import waiting_for_plans
from campaigns.models import PledgeSignature
from home.cocreation.organisations import organisation_ids


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/commitments-overdue-actions/",
            OverdueCommitmentActionsView.as_view(),
            name="commitments_overdue_actions",
        ),
        path(
            "reports/commitments-overdue-actions/results/",
            OverdueCommitmentActionsView.as_view(results_only=True),
            name="commitments_overdue_actions_results",
        ),
        path(
            "reports/commitments-past-review/",
            CommitmentsPastReviewView.as_view(),
            name="commitments_past_review",
        ),
        path(
            "reports/commitments-past-review/results/",
            CommitmentsPastReviewView.as_view(results_only=True),
            name="commitments_past_review_results",
        ),
    ]


class CoordinatorsMenuItem(MenuItem):
    """Shown to those who publish: coordinators follow the plans up."""

    def is_shown(self, request):
        policy = policy_registry.get_by_type(Page)
        return policy.user_has_any_permission(request.user, FOLLOW_UP_PERMISSIONS)


@hooks.register("register_reports_menu_item")
def register_overdue_actions_menu_item():
    return CoordinatorsMenuItem(
        _("Overdue commitment actions"),
        reverse("commitments_overdue_actions"),
        name="commitments-overdue-actions",
        icon_name="warning",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_past_review_menu_item():
    return CoordinatorsMenuItem(
        _("Commitments past review"),
        reverse("commitments_past_review"),
        name="commitments-past-review",
        icon_name="warning",
        order=1320,
    )


class PlansToWritePanel(Component):
    """Dashboard panel for an organisation's editors: its commitment pages not published
    yet, each linked to its editor, with what to do there."""

    name = "commitment_plans_to_write"
    order = 140
    template_name = "commitments/admin/plans_to_write_panel.html"
    per_list = 10

    def __init__(self, user):
        self.user = user

    def _plans(self):
        if not hasattr(self, "_plan_list"):
            ids = organisation_ids(self.user)
            self._plan_list = list(waiting_for_plans(ids, self.per_list)) if ids else []
        return self._plan_list

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self._plans() else ""

    def get_context_data(self, parent_context=None):
        return {"plans": self._plans()}


@hooks.register("construct_homepage_panels")
def add_plans_to_write_panel(request, panels):
    panels.append(PlansToWritePanel(request.user))


def _plan_opened(request, instance):
    """Tell the moderator when their decision opened an organisation's plan."""
    plan = getattr(instance, "opened_plan", None)
    if isinstance(instance, PledgeSignature) and plan is not None:
        messages.success(
            request,
            gettext(
                "%(organisation)s now has a draft commitment page. Its editors are shown it "
                "on their dashboard to write their action plan and submit it for review."
            )
            % {"organisation": plan.organisation.name},
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=[plan.pk]), gettext("Open it")
                )
            ],
        )


hooks.register("after_edit_snippet", _plan_opened)
hooks.register("after_create_snippet", _plan_opened)
