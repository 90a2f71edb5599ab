"""Ownership by organisation and by language, on top of Wagtail's tree permissions.

Wagtail grants page permissions per subtree (GroupPagePermission); "any editor of the
organisation may edit the organisation's pages, and nobody else's" depends on a field of
the page, which a tree cannot express. Wagtail's supported extension point for per-page
decisions is ``Page.permissions_for_user()`` returning a ``PagePermissionTester``: every
admin view (edit, delete, publish, lock, move, copy, wagtail-localize's translation editor)
asks it. ``BasePage`` returns ``OpenlyPagePermissionTester`` (registered in
home.registry.page_plugins), which narrows the permissions granted through the role groups:

- Partner editors / Partner leads: change, publish, lock and unlock apply only to pages
  whose ``organisation`` is one of the user's (their organisation's own page under "Our
  partners" included); "add" only under pages that accept organisation-owned pages (the
  campaign, resource and event indexes; partner pages are never added by hand) or on
  own pages.
- Translators: change applies only to pages in the languages assigned to them.
- Story moderators: their permissions apply only to the stories app's pages.

Other groups (moderators, administrators) keep Wagtail's plain tree rules.
"""

from django.utils.functional import cached_property
from wagtail.models import GroupPagePermission, PagePermissionTester

from home.cocreation.models.organisations import LocaleAssignment, OrganisationOwnedMixin
from home.cocreation.organisations import organisation_ids
from home.cocreation.roles import PARTNER_EDITORS, PARTNER_LEADS, STORY_MODERATORS, TRANSLATORS

ORGANISATION_SCOPED_GROUPS = {PARTNER_EDITORS, PARTNER_LEADS}
LOCALE_SCOPED_GROUPS = {TRANSLATORS}
# Story moderators review stories only: their tree-wide permissions apply to the stories
# app's pages (its index and story pages), not to campaigns, resources or events.
APP_SCOPED_GROUPS = {STORY_MODERATORS: {"stories"}}


def _locale_ids(user, role):
    attribute = f"_openly_{role}_locale_ids"
    if not hasattr(user, attribute):
        ids = (
            LocaleAssignment.objects.filter(user=user, role=role).values_list(
                "locale_id", flat=True
            )
            if user.is_authenticated
            else []
        )
        setattr(user, attribute, frozenset(ids))
    return getattr(user, attribute)


def translator_locale_ids(user):
    """Locales ``user`` may translate into."""
    return _locale_ids(user, "translator")


def reviewer_locale_ids(user):
    """Locales whose translations ``user`` reviews."""
    return _locale_ids(user, "reviewer")


def group_names(user):
    """Names of the user's groups, cached on the user for the request."""
    if not hasattr(user, "_openly_group_names"):
        user._openly_group_names = dict(user.groups.values_list("pk", "name"))
    return user._openly_group_names


def is_organisation_page(page):
    return isinstance(page, OrganisationOwnedMixin)


def accepts_organisation_pages(page):
    """Whether organisation-owned pages can be created under ``page``."""
    specific_class = page.specific_class
    if specific_class is None:
        return False
    return any(
        issubclass(model, OrganisationOwnedMixin) and model.can_create_at(page)
        for model in specific_class.creatable_subpage_models()
    )


def is_organisation_scoped(user):
    """Whether the user's only way to add pages is as a partner (so they may only create
    organisation-owned pages, for their own organisations)."""
    if user.is_superuser:
        return False
    adding_groups = set(
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename="add_page"
        ).values_list("group__name", flat=True)
    )
    return bool(adding_groups) and adding_groups <= ORGANISATION_SCOPED_GROUPS


class OpenlyPagePermissionTester(PagePermissionTester):
    """Wagtail's tester with the organisation and language scopes applied (module docstring)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if self.user.is_active and not self.user.is_superuser:
            self.permissions = self._scoped_permissions()

    @cached_property
    def _own_organisation_page(self):
        organisation_id = getattr(self.page, "organisation_id", None)
        return organisation_id is not None and organisation_id in organisation_ids(self.user)

    def _allowed(self, group_name, action):
        if group_name in ORGANISATION_SCOPED_GROUPS:
            if is_organisation_page(self.page):
                return self._own_organisation_page
            return action == "add" and accepts_organisation_pages(self.page)
        if group_name in LOCALE_SCOPED_GROUPS:
            return self.page.locale_id in translator_locale_ids(self.user)
        if group_name in APP_SCOPED_GROUPS:
            return self.page._meta.app_label in APP_SCOPED_GROUPS[group_name]
        return True

    def _scoped_permissions(self):
        names = group_names(self.user)
        actions = set()
        for perm in self.permission_policy.get_cached_permissions_for_user(self.user):
            if not self.page.path.startswith(perm.page.path):
                continue
            action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
            if action in actions:
                continue
            if self._allowed(names.get(perm.group_id), action):
                actions.add(action)
        return actions

    def can_edit(self):
        # Wagtail lets whoever created a page edit it with "add" alone; for organisation
        # pages, belonging to the organisation is what counts, not having created the page.
        if (
            self.user.is_active
            and not self.user.is_superuser
            and "change" not in self.permissions
            and is_organisation_page(self.page)
            and not self._own_organisation_page
        ):
            current_task = self.page.current_workflow_task
            return bool(current_task and current_task.user_can_access_editor(self.page, self.user))
        return super().can_edit()
