"""Reports → Email deliveries: every queued, sent and failed email without personal data
(kind, state, when, attempts, the class of the last error), for administrators, who can
queue a failed one again."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from home.mail import deliveries
from home.mail.models import Delivery

permission_policy = ModelPermissionPolicy(Delivery)


class DeliveryFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=Delivery.State.choices, empty_label=_("Any state")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Delivery.Kind.choices, empty_label=_("Any kind")
    )

    class Meta:
        model = Delivery
        fields = ["state", "kind"]


class RetryColumn(Column):
    """A "Retry" button on a delivery that failed for good and still has its sealed copy."""

    cell_template_name = "home/admin/mail/retry_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_retry"] = (
            request is not None
            and instance.retryable
            and permission_policy.user_has_permission(request.user, "change")
        )
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


class DeliveryReportView(ReportView):
    """The deliveries, newest first, filterable by state and kind; exportable."""

    page_title = _("Email deliveries")
    header_icon = "mail"
    index_url_name = "openly_mail_deliveries"
    index_results_url_name = "openly_mail_deliveries_results"
    filterset_class = DeliveryFilterSet
    permission_policy = permission_policy
    any_permission_required = ["view", "change"]
    export_filename = "email-deliveries"
    columns = [
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("state", label=_("State"), accessor="get_state_display"),
        DateColumn("created_at", label=_("Queued")),
        Column("attempts", label=_("Attempts")),
        DateColumn("last_attempt_at", label=_("Last attempt")),
        DateColumn("next_attempt_at", label=_("Next attempt")),
        Column("last_error", label=_("Last error")),
        RetryColumn("retry", label=""),
    ]
    list_export = [
        "id",
        "get_kind_display",
        "get_state_display",
        "created_at",
        "attempts",
        "last_attempt_at",
        "next_attempt_at",
        "finished_at",
        "last_error",
    ]
    export_headings = {"get_kind_display": _("Kind"), "get_state_display": _("State")}

    def get_queryset(self):
        return (
            Delivery.objects.defer("sealed_message")
            .annotate(
                retryable=ExpressionWrapper(
                    Q(state=Delivery.State.FAILED) & ~Q(sealed_message=""),
                    output_field=BooleanField(),
                )
            )
            .order_by("-created_at")
        )


@require_POST
def retry_delivery(request, delivery_id):
    """Queue a delivery that failed for good once more (administrators)."""
    if not permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    delivery = get_object_or_404(Delivery, pk=delivery_id)
    if deliveries.retry(delivery):
        messages.success(request, _("The email is queued again."))
    else:
        messages.error(
            request,
            _("This email cannot be retried: it is not failed, or its copy was deleted."),
        )
    return redirect("openly_mail_deliveries")
