"""Admin for stories: the contributor records (story moderators only), the audit-log
actions of the story flow, and the admin side of the go-live rule (asked of the lifecycle)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

from campaigns.stories.constants import (
    CONTRIBUTOR_EDIT_ACTION,
    ERASE_ACTION,
    PUBLICATION_HELD_ACTION,
    WITHDRAW_ACTION,
    ErasureReason,
)
from campaigns.stories.lifecycle import GoLiveBlocker, go_live_blocker
from campaigns.stories.models import ContributorRecord, StoryPage
from home.cocreation.permissions import group_names
from home.cocreation.roles import PLE_CONTRIBUTORS


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

    def get_queryset(self, request):
        return ContributorRecord.objects.select_related("page")


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


def _drafts_stories_only(user):
    """Whether ``user``'s only editorial role is PLE contributor (not a moderator, partner,
    translator or administrator as well)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = set(group_names(user).values())
    return names == {PLE_CONTRIBUTORS}


def _others_stories_hidden(pages, user):
    """Leave out stories another person wrote: a contributor sees their own stories in the
    admin, not the titles of other contributors' drafts, which may identify them."""
    if not _drafts_stories_only(user):
        return pages
    others = StoryPage.objects.exclude(owner=user).values("pk")
    return pages.exclude(pk__in=others)


@hooks.register("construct_explorer_page_queryset")
def hide_other_contributors_stories_in_the_explorer(parent_page, pages, request):
    return _others_stories_hidden(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_other_contributors_stories_in_the_chooser(pages, request):
    return _others_stories_hidden(pages, request.user)
