"""Admin reports for coordinators: commitment actions past their due date, and action plans
past their review date. Each row is shown in the editor's admin language where the plan is
translated into it, else in the source language, so an action is listed once."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import PageReportView, ReportView
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from campaigns.commitments.models import CommitmentAction, CommitmentPage
from events.choices import ActionStatus
from home.cocreation.models import PartnerOrganisation

# Coordinators (moderators) publish; they follow plans up across organisations.
FOLLOW_UP_PERMISSIONS = ["publish"]


def editor_locale():
    """The locale of the admin's active language, or the source locale."""
    source = Locale.get_default()
    language = (get_language() or "").split("-")[0]
    return Locale.objects.filter(language_code=language).first() or source, source


def in_editor_language(queryset, same_translation):
    """``queryset``'s rows in the editor's locale, plus source-locale rows with no
    version in it (``same_translation``: the model's rows to compare with)."""
    locale, source = editor_locale()
    if locale.pk == source.pk:
        return queryset.filter(locale=source)
    translated = same_translation.filter(translation_key=OuterRef("translation_key"), locale=locale)
    return queryset.filter(Q(locale=locale) | Q(locale=source) & ~Exists(translated))


class FollowUpFilterSet(WagtailFilterSet):
    """Country and organisation of the plan."""

    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=lambda: list(countries), method="filter_country"
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=PartnerOrganisation.objects.all(),
        method="filter_organisation",
    )
    prefix = ""

    def filter_country(self, queryset, name, value):
        return queryset.filter(**{f"{self.prefix}organisation__country": value})

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(**{f"{self.prefix}organisation": value})


class OverdueActionFilterSet(FollowUpFilterSet):
    prefix = "page__"

    class Meta:
        model = CommitmentAction
        fields = ["status"]


class PlanFilterSet(FollowUpFilterSet):
    class Meta:
        model = CommitmentPage
        fields = []


class OverdueCommitmentActionsView(ReportView):
    """Actions of commitment plans not done by their due date, the longest overdue first."""

    page_title = _("Overdue commitment actions")
    header_icon = "warning"
    index_url_name = "commitments_overdue_actions"
    index_results_url_name = "commitments_overdue_actions_results"
    filterset_class = OverdueActionFilterSet
    any_permission_required = FOLLOW_UP_PERMISSIONS
    export_filename = "overdue-commitment-actions"
    list_export = ["action", "lead", "due", "status", "page.title", "page.organisation"]
    export_headings = {
        "action": _("Action"),
        "lead": _("Lead person or team"),
        "due": _("Due date"),
        "status": _("Status"),
        "page.title": _("Plan"),
        "page.organisation": _("Organisation"),
    }
    no_results_message = _("No commitment action is overdue.")
    columns = [
        Column("action", label=_("Action")),
        Column("lead", label=_("Lead person or team")),
        DateColumn("due", label=_("Due date")),
        Column("get_status_display", label=_("Status")),
        TitleColumn(
            "page",
            label=_("Plan"),
            url_name="wagtailadmin_pages:edit",
            id_accessor="page_id",
        ),
        Column("page.organisation", label=_("Organisation")),
    ]

    @cached_property
    def permission_policy(self):
        """Page permissions decide, as for the page reports (the rows are parts of pages)."""
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        overdue = CommitmentAction.objects.filter(due__lt=timezone.localdate()).exclude(
            status=ActionStatus.DONE
        )
        return (
            in_editor_language(overdue, CommitmentAction.objects.all())
            .select_related("page", "page__organisation")
            .order_by("due", "pk")
        )


class CommitmentsPastReviewView(PageReportView):
    """Action plans whose review date has passed, the oldest first."""

    page_title = _("Commitment plans past review date")
    header_icon = "warning"
    index_url_name = "commitments_past_review"
    index_results_url_name = "commitments_past_review_results"
    results_template_name = "commitments/reports/past_review_results.html"
    filterset_class = PlanFilterSet
    any_permission_required = FOLLOW_UP_PERMISSIONS
    export_filename = "commitments-past-review"
    list_export = ["title", "review_date", "organisation"]
    export_headings = {"review_date": _("Review date"), "organisation": _("Organisation")}

    def get_queryset(self):
        plans = CommitmentPage.objects.filter(review_date__lt=timezone.localdate())
        return (
            in_editor_language(plans, CommitmentPage.objects.all())
            .select_related("organisation", "locale", "content_type")
            .order_by("review_date", "title")
        )
