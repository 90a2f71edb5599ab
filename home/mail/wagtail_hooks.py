"""Admin integration of durable email: the deliveries report, its menu item and the retry
action."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.mail.views import DeliveryReportView, permission_policy, retry_delivery


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/email-deliveries/",
            DeliveryReportView.as_view(),
            name="openly_mail_deliveries",
        ),
        path(
            "reports/email-deliveries/results/",
            DeliveryReportView.as_view(results_only=True),
            name="openly_mail_deliveries_results",
        ),
        path(
            "reports/email-deliveries/<uuid:delivery_id>/retry/",
            retry_delivery,
            name="openly_mail_delivery_retry",
        ),
    ]


class DeliveriesMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_any_permission(request.user, ["view", "change"])


@hooks.register("register_reports_menu_item")
def register_deliveries_menu_item():
    return DeliveriesMenuItem(
        _("Email deliveries"),
        reverse("openly_mail_deliveries"),
        icon_name="mail",
        order=800,
    )
