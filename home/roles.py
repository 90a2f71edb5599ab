"""The editorial roles as Wagtail groups. Idempotent: safe to run again in production."""

import importlib

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

MODERATORS = "Moderators"
STORY_MODERATORS = "Story moderators"
TRANSLATORS = "Translators"
PARTNER_EDITORS = "Partner editors"
PARTNER_LEADS = "Partner leads"
PLE_CONTRIBUTORS = "PLE contributors"

APPS_WITH_ROLES = ["campaigns", "campaigns.stories", "events"]

ROLE_GROUPS = [
    MODERATORS,
    STORY_MODERATORS,
    TRANSLATORS,
    PARTNER_EDITORS,
    PARTNER_LEADS,
    PLE_CONTRIBUTORS,
]

# Page permissions on the whole tree, per role. Finer, per-organisation rules build on these.
PAGE_PERMISSIONS = {
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    STORY_MODERATORS: ["change_page", "publish_page"],
    TRANSLATORS: ["change_page"],
    PARTNER_EDITORS: ["add_page", "change_page"],
    PARTNER_LEADS: ["add_page", "change_page", "lock_page"],
    PLE_CONTRIBUTORS: [],
}
COLLECTION_PERMISSIONS = {
    MODERATORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    STORY_MODERATORS: ["choose_image", "choose_document"],
    TRANSLATORS: ["choose_image", "choose_document"],
    PARTNER_EDITORS: ["add_image", "choose_image", "add_document", "choose_document"],
    PARTNER_LEADS: ["add_image", "change_image", "choose_image", "add_document", "choose_document"],
    PLE_CONTRIBUTORS: ["add_image", "choose_image"],
}


def setup_roles():
    """Create or update the role groups and their base permissions; return them by name."""
    from wagtail.models import Collection

    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in ROLE_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        for codename in PAGE_PERMISSIONS[name]:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        for codename in COLLECTION_PERMISSIONS[name]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group
    for app in APPS_WITH_ROLES:
        try:
            module = importlib.import_module(f"{app}.roles")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.roles":
                raise
            continue
        # Each app grants its own model permissions to the role groups.
        module.configure_roles(groups)
    return groups
