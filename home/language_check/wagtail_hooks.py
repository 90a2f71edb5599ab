"""Admin integration of the language checker: the rules as snippets, the accept and live
check endpoints, the findings report and its menu items, the editor's script and styles,
the logged acceptance of a finding, and the message after a submission the check sent
back."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.cocreation.roles import is_moderator
from home.language_check.models import LanguageRule
from home.language_check.sent_back import after_submit
from home.language_check.views import ACCEPT_ACTION, FindingsReportView, accept_finding, live_check
from home.snippets import KeepsHomeSnippetURLs


class LanguageRuleViewSet(KeepsHomeSnippetURLs, SnippetViewSet):
    """Administrators and moderators keep the rules up to date in the admin."""

    model = LanguageRule
    icon = "doc-full"
    menu_label = _("Language rules")
    add_to_admin_menu = False
    list_display = ["phrase", "language", "category", "severity", "active"]
    list_filter = ["language", "category", "severity", "active"]
    search_fields = ["phrase"]


register_snippet(LanguageRuleViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "language-check/<int:page_id>/accept/",
            accept_finding,
            name="openly_accept_language_finding",
        ),
        path(
            "language-check/<int:page_id>/live/",
            live_check,
            name="openly_live_language_check",
        ),
        path(
            "reports/language-findings/",
            FindingsReportView.as_view(),
            name="openly_language_findings_report",
        ),
    ]


class FindingsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_reports_menu_item")
def register_findings_report_menu_item():
    return FindingsReportMenuItem(
        _("Language findings"),
        reverse("openly_language_findings_report"),
        icon_name="warning",
        order=700,
    )


@hooks.register("register_settings_menu_item")
def register_rules_menu_item():
    return AdminOnlyMenuItem(
        _("Language rules"),
        reverse("wagtailsnippets_home_languagerule:list"),
        icon_name="doc-full",
        order=650,
    )


@hooks.register("insert_editor_js")
def language_check_js():
    return format_html('<script src="{}" defer></script>', static("home/js/language_check.js"))


@hooks.register("insert_global_admin_css")
def language_check_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/css/language_check.css"))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        ACCEPT_ACTION,
        _("Accept language finding"),
        _("Language finding accepted as justified"),
    )


hooks.register("after_create_page", after_submit)
hooks.register("after_edit_page", after_submit)
