"""Admin for stories: the contributor records (story moderators only, with the export and
erasure of a contributor's data), the audit-log actions of the story flow, the admin side of
the go-live rule (asked of the lifecycle) and of the title rule (campaigns.stories.privacy:
who sees an unpublished story's title)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.images import get_image_model
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from campaigns.stories import admin_privacy, admin_reports, admin_views, privacy
from campaigns.stories.constants import (
    CONTRIBUTOR_EDIT_ACTION,
    DATA_DOWNLOAD_ACTION,
    DATA_ERASE_ACTION,
    DATA_EXPORT_ACTION,
    ERASE_ACTION,
    PUBLICATION_HELD_ACTION,
    WITHDRAW_ACTION,
    ErasureReason,
)
from campaigns.stories.lifecycle import GoLiveBlocker, go_live_blocker
from campaigns.stories.models import ContributorRecord, StorySafetyReviewTask

# The title and picture rule in Wagtail's page and image permission policies (see
# campaigns.stories.admin_privacy). The page policy is registered for Page, nearer to every
# page model than Wagtail's own (for AbstractPage). wagtail.images registers its policy in a
# ready() that may run after this module is loaded: only one for the exact class comes first.
register_permission_policy(Page, admin_privacy.StoryPrivatePagePolicy(Page))
register_permission_policy(
    get_image_model(), admin_privacy.story_picture_policy(), exact_class=True
)


class ContributorRecordViewSet(ModelViewSet):
    """Contributor records, for story moderators. There is no "add": records come only
    from the share form. The default model permission policy means only groups granted
    the record permissions (story moderators) and superusers see this menu or any view."""

    model = ContributorRecord
    icon = "user"
    menu_label = _("Story contributors")
    menu_order = 290
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["__str__", "page", "state", "language", "submitted_at"]
    list_filter = ["state", "language"]
    inspect_view_fields = [
        "page",
        "state",
        "reviewer_message",
        "language",
        "email",
        "consent_process",
        "consent_publish",
        "consent_translate",
        "consent_contact",
        "consent_version",
        "consented_at",
        "submitted_at",
        "withdrawn_at",
        "erased_at",
    ]
    panels = [FieldPanel("state"), FieldPanel("reviewer_message")]
    edit_handler = ObjectList(panels)
    index_view_class = admin_views.ContributorIndexView
    inspect_view_class = admin_views.ContributorInspectView
    edit_view_class = admin_views.ContributorEditView

    def get_queryset(self, request):
        return ContributorRecord.objects.select_related("page")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            export_data_url_name=self.get_url_name("export_data"),
            erase_data_url_name=self.get_url_name("erase_data"),
            **kwargs,
        )

    def get_urlpatterns(self):
        """Subject access: export a contributor's data, erase it on their request."""
        return [
            *super().get_urlpatterns(),
            path(
                "export/<int:pk>/",
                self.construct_view(admin_views.ExportDataView),
                name="export_data",
            ),
            path(
                "erase/<int:pk>/",
                self.construct_view(admin_views.EraseDataView),
                name="erase_data",
            ),
        ]


contributor_record_viewset = ContributorRecordViewSet("story_contributors")


@hooks.register("register_admin_viewset")
def register_contributor_records():
    return contributor_record_viewset


class EraseStoryFormatter(LogFormatter):
    """The audit entry of an erasure (on the contributor record): why, and what went."""

    label = _("Erase story")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        try:
            reason = ErasureReason(data.get("reason")).label
        except ValueError:
            reason = _("unknown reason")
        if data.get("replayed"):
            text = _(
                "Erased again after a restore from backup (%(reason)s): %(pages)s page(s), "
                "%(images)s picture(s)"
            )
        else:
            text = _(
                "Story erased (%(reason)s): %(pages)s page(s) in every language with their "
                "revisions and translations, %(images)s picture(s), the contact details"
            )
        return text % {
            "reason": reason,
            "pages": data.get("pages", 0),
            "images": data.get("images", 0),
        }


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    # Entries written before withdrawal erased stories keep this action.
    actions.register_action(
        WITHDRAW_ACTION,
        _("Withdraw story"),
        _("Withdrawn by its contributor: unpublished and contact details erased"),
    )
    actions.register_action(ERASE_ACTION)(EraseStoryFormatter)
    actions.register_action(
        CONTRIBUTOR_EDIT_ACTION, _("Contributor edit"), _("Edited by its contributor")
    )
    actions.register_action(
        DATA_DOWNLOAD_ACTION,
        _("Data downloaded"),
        _("The contributor downloaded everything held about them"),
    )
    actions.register_action(
        DATA_EXPORT_ACTION,
        _("Data exported"),
        _("Everything held about the contributor was exported on their request"),
    )
    actions.register_action(
        DATA_ERASE_ACTION,
        _("Data erased"),
        _("The contributor's data was erased on their request"),
    )
    actions.register_action(
        PUBLICATION_HELD_ACTION,
        _("Publication held"),
        _("Not published: the contributor has not approved the reviewers' latest changes"),
    )


# What an editor is told when the lifecycle refuses to let a story go live. A translation
# without consent is not refused here, as before: the page-published adapter holds it back
# and writes the "publication held" audit entry.
BLOCKED_MESSAGES = {
    GoLiveBlocker.WITHDRAWN: _("This story was withdrawn by its contributor."),
    GoLiveBlocker.AWAITING_CONTRIBUTOR: _(
        "The contributor has not approved the latest changes yet. They see them on "
        "their status page."
    ),
}


@hooks.register("before_publish_page")
def block_unapproved_story_publication(request, page):
    """Stop the publish action in the admin when the lifecycle's go-live rule says no, and
    tell the editor why (the page-published signal enforces the same rule on other paths)."""
    message = BLOCKED_MESSAGES.get(go_live_blocker(page))
    if message is None:
        return None
    messages.error(request, message)
    return redirect("wagtailadmin_pages:edit", page.pk)


# What a story moderator who edited a story at its safety review is told: they may not
# approve their own edit (campaigns.stories.models.review).
OWN_EDIT_MESSAGE = _(
    "You edited this story during its safety review, so another story moderator must "
    "approve it. You can still request changes."
)
OWN_EDIT_REFUSED_MESSAGE = _(
    "Your changes are saved, but nobody approves their own edit: another story moderator "
    "must approve the safety review."
)


def _safety_review_left_to_others(page, user):
    task = page.current_workflow_task
    return isinstance(task, StorySafetyReviewTask) and task.leaves_approval_to_others(page, user)


@hooks.register("before_edit_page")
def tell_editors_another_moderator_approves(request, page):
    """On opening a story they edited at its safety review, say why "Approve" is missing."""
    if request.method == "GET" and _safety_review_left_to_others(page, request.user):
        messages.warning(request, OWN_EDIT_MESSAGE)
    return None


@hooks.register("after_edit_page")
def tell_editors_their_approval_was_refused(request, page):
    """The editor's "Approve" saves the edit first; the task then refuses the approval of
    that edit by its editor: say so, and what happens next."""
    if request.POST.get("workflow-action-name") != "approve":
        return None
    # Read again: the view's copy may hold the workflow's state from before the action.
    page = Page.objects.get(pk=page.pk)
    if _safety_review_left_to_others(page, request.user):
        messages.warning(request, OWN_EDIT_REFUSED_MESSAGE)
    return None


@hooks.register("construct_explorer_page_queryset")
def hide_private_stories_in_the_explorer(parent_page, pages, request):
    return privacy.without_hidden_stories(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_private_stories_in_the_chooser(pages, request):
    """The page chooser (links, page fields) lists every page, not only those the user may
    explore: the stories whose title they may not see are left out here."""
    return privacy.without_hidden_stories(pages, request.user)


@hooks.register("construct_homepage_panels")
def mask_private_stories_on_the_dashboard(request, panels):
    admin_privacy.replace_dashboard_panels(panels)


# Before wagtail-localize's own URL hook, so its report's paths reach the private view.
hooks.register("register_admin_urls", admin_reports.translation_report_urls, order=-1)
