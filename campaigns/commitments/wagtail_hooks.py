"""Admin for commitments: the coordinators' follow-up reports and their menu items."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from campaigns.commitments.reports import (
    FOLLOW_UP_PERMISSIONS,
    CommitmentsPastReviewView,
    OverdueCommitmentActionsView,
)


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
