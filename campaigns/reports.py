"""Admin report: resources whose review date has passed, for coordinators."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from campaigns.models import ResourcePage


class ResourcesPastReviewView(PageReportView):
    """Live or draft resources whose 'review due' date is before today, oldest first, so
    coordinators can ask the partner to check the facts. Exportable as CSV/XLSX."""

    page_title = _("Resources past review date")
    header_icon = "warning"
    results_template_name = "campaigns/reports/resources_past_review_results.html"
    index_url_name = "campaigns_resources_past_review"
    index_results_url_name = "campaigns_resources_past_review_results"
    export_filename = "resources-past-review"
    list_export = ["title", "review_due", "reviewed_by_name", "reviewed_by_role", "organisation"]
    export_headings = {
        "review_due": _("Review due"),
        "reviewed_by_name": _("Reviewed by"),
        "reviewed_by_role": _("Role"),
        "organisation": _("Organisation"),
    }
    # Coordinators (moderators) publish; that is who follows up on overdue reviews.
    any_permission_required = ["publish"]

    def get_queryset(self):
        return (
            ResourcePage.objects.review_overdue()
            .select_related("organisation", "locale", "content_type")
            .order_by("review_due", "title")
        )
