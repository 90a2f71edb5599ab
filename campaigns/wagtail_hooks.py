"""Admin for campaigns: pledge signature moderation and the overdue-review report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.models import PledgeSignature
from campaigns.reports import ResourcesPastReviewView


class PledgeSignatureViewSet(SnippetViewSet):
    """Moderators approve or reject signatures and export them as CSV. Only groups with
    permissions on pledge signatures (moderators) see this, and with it the emails. An
    organisation's signature linked to a partner organisation opens its action plan (see
    campaigns.commitments.signing)."""

    model = PledgeSignature
    icon = "group"
    menu_label = _("Pledge signatures")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["public_name", "kind", "country", "campaign", "status", "created_at"]
    list_filter = ["status", "kind", "campaign"]
    list_export = [
        "campaign",
        "kind",
        "name",
        "country",
        "organisation_website",
        "commitment",
        "email",
        "email_consent",
        "status",
        "created_at",
    ]
    export_filename = "pledge-signatures"
    ordering = ["-created_at"]
    panels = [
        FieldPanel("status"),
        FieldPanel("campaign", read_only=True),
        FieldPanel("kind", read_only=True),
        FieldPanel("name"),
        FieldPanel("partner_organisation"),
        FieldPanel("country", read_only=True),
        FieldPanel("organisation_website"),
        FieldPanel("commitment"),
        FieldPanel("email", read_only=True),
        FieldPanel("email_consent", read_only=True),
    ]


register_snippet(PledgeSignatureViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/resources-past-review/",
            ResourcesPastReviewView.as_view(),
            name="campaigns_resources_past_review",
        ),
        path(
            "reports/resources-past-review/results/",
            ResourcesPastReviewView.as_view(results_only=True),
            name="campaigns_resources_past_review_results",
        ),
    ]


class PublishersMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(request.user, ["publish"])


@hooks.register("register_reports_menu_item")
def register_resources_past_review_menu_item():
    return PublishersMenuItem(
        _("Resources past review"),
        reverse("campaigns_resources_past_review"),
        name="resources-past-review",
        icon_name="warning",
        order=1300,
    )
