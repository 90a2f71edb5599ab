"""The editorial roles as Wagtail groups. Idempotent: safe to run again in production.

Page permissions are granted on the whole tree; home.cocreation.permissions narrows the
partner roles to their own organisation's pages and translators to their assigned languages. Partner
editors and leads upload media into their organisation's own collection (see
home.cocreation.organisations), so on the root collection they may only choose images and documents.
Running set-up again brings the role groups' root permissions back to what is listed here.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from home.registry import role_grants

MODERATORS = "Moderators"
STORY_MODERATORS = "Story moderators"
TRANSLATORS = "Translators"
PARTNER_EDITORS = "Partner editors"
PARTNER_LEADS = "Partner leads"
PLE_CONTRIBUTORS = "PLE contributors"

ROLE_GROUPS = [
    MODERATORS,
    STORY_MODERATORS,
    TRANSLATORS,
    PARTNER_EDITORS,
    PARTNER_LEADS,
    PLE_CONTRIBUTORS,
]

# Page permissions on the whole tree, per role. Finer, per-organisation and per-language
# rules build on these (home.cocreation.permissions). Nobody but moderators (and administrators) may
# publish: everything else goes through a workflow.
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
    PARTNER_EDITORS: ["choose_image", "choose_document"],
    PARTNER_LEADS: ["choose_image", "choose_document"],
    PLE_CONTRIBUTORS: ["add_image", "choose_image"],
}

# Model permissions of home's own models and the translation tools, per role. Other apps
# add theirs through home.registry.role_grants (filled in their AppConfig.ready()).
MODEL_PERMISSIONS = {
    MODERATORS: [
        ("wagtail_localize", "submit_translation"),
        ("cocreation", "view_localeassignment"),
        ("home", "change_crisishelpline"),
        ("home", "view_crisishelpline"),
        ("cocreation", "view_partnerorganisation"),
        # Topics, audiences and helplines have drafts: moderators publish them (and approve
        # their translations in the "Translation review" workflow).
        ("home", "view_topic"),
        ("home", "change_topic"),
        ("home", "publish_topic"),
        ("home", "view_audience"),
        ("home", "change_audience"),
        ("home", "publish_audience"),
        ("home", "publish_crisishelpline"),
    ],
    # Translators start translations of pages and of every translatable snippet themselves,
    # and edit the snippets' translations; home.cocreation.localize and the before_edit_snippet hook
    # limit them to the languages assigned to them. No "add" or "delete": wagtail-localize
    # creates the translated snippet. No "publish" either: their translations are drafts
    # until the "Translation review" workflow approves them.
    TRANSLATORS: [
        ("wagtail_localize", "submit_translation"),
        ("home", "view_topic"),
        ("home", "change_topic"),
        ("home", "view_audience"),
        ("home", "change_audience"),
        ("home", "view_crisishelpline"),
        ("home", "change_crisishelpline"),
    ],
}


def is_moderator(user):
    """Whether ``user`` reviews and publishes anywhere: an active moderator or administrator."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())


def moderators():
    """The active members of the Moderators role."""
    return get_user_model().objects.filter(groups__name=MODERATORS, is_active=True)


def collection_permission(codename):
    """An image or document permission (e.g. 'add_image', 'choose_document') by codename."""
    app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def setup_roles():
    """Create or update the role groups and their base permissions; return them by name."""
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in ROLE_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        page_permissions = [
            Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            for codename in PAGE_PERMISSIONS[name]
        ]
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
            permission__in=page_permissions
        ).delete()
        collection_permissions = [
            collection_permission(codename) for codename in COLLECTION_PERMISSIONS[name]
        ]
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        GroupCollectionPermission.objects.filter(group=group, collection=root_collection).exclude(
            permission__in=collection_permissions
        ).delete()
        for app_label, codename in MODEL_PERMISSIONS.get(name, []):
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        groups[name] = group
    # Each app grants its own model permissions to the role groups.
    for grant in role_grants.values():
        grant(groups)
    return groups
