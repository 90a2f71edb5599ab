"""Partner organisations as units of co-creation: each has an editors group, a leads group,
a media collection and a section (its own page under "Our partners"), set up
(idempotently) whenever the organisation is saved.

Membership of an organisation is membership of its groups. The organisation groups hold the
admin access and the permissions on the organisation's own collection; the generic role
groups ("Partner editors", "Partner leads") hold the page permissions, which
``home.permissions`` narrows to the organisation's own pages.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Collection, GroupCollectionPermission, Locale

from home.roles import PARTNER_EDITORS, PARTNER_LEADS, collection_permission

GROUP_NAME_LENGTH = 150

EDITOR_COLLECTION_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]
LEAD_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + ["change_image", "change_document"]


def group_names(organisation):
    """The names of the organisation's editors and leads groups."""
    suffixes = (": editors", ": leads")
    room = GROUP_NAME_LENGTH - max(len(s) for s in suffixes)
    base = organisation.name[:room]
    return base + suffixes[0], base + suffixes[1]


def _sync_group(organisation, field, name):
    group = getattr(organisation, field)
    if group is None:
        group, _created = Group.objects.get_or_create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    return group


PARTNERS_SLUG = "partners"
SUMMARY_LENGTH = 400  # BasePage.summary's max_length


def _publish_first_version(page, user):
    """Publish a page set-up created: the administrator who added the organisation has
    approved it (``user`` is None when code, not a person, saved the organisation)."""
    page.save_revision(user=user, log_action=True).publish(user=user)


def partners_index(user=None):
    """The source-language "Our partners" index, created under the source-language home
    page when missing; None while there is no home page."""
    from home.models import HomePage, PartnerIndexPage

    source = Locale.get_default()
    index = PartnerIndexPage.objects.filter(locale=source).order_by("path").first()
    if index is not None:
        return index
    home = HomePage.objects.filter(locale=source).order_by("path").first()
    if home is None:
        return None
    # Page content, not interface: written in the source language whoever is logged in.
    with translation.override(source.language_code):
        index = PartnerIndexPage(
            title=_("Our partners"),
            slug=find_available_slug(home, PARTNERS_SLUG),
            summary=_(
                "The organisations of the coalition: who they are and what they run together."
            ),
            show_in_menus=True,
            owner=user,
            locale=source,
        )
    home.add_child(instance=index)
    _publish_first_version(index, user)
    return index


def set_up_section(organisation, user=None):
    """The organisation's section, its own page under "Our partners": found, or created
    and published. Only ever created: what its editors wrote is theirs, so renaming the
    organisation changes nothing on it. None while the site has no home page."""
    from home.models import PartnerPage

    # The page recorded as the section (a copy in memory may still name a deleted one),
    # else a source-language page of the organisation that lost that record.
    section = None
    if organisation.section_id is not None:
        section = PartnerPage.objects.filter(pk=organisation.section_id).first()
    source = Locale.get_default()
    if section is None:
        pages = PartnerPage.objects.filter(organisation=organisation, locale=source)
        section = pages.order_by("path").first()
    if section is not None:
        return section
    index = partners_index(user)
    if index is None:
        return None
    section = PartnerPage(
        title=organisation.name,
        slug=find_available_slug(index, organisation.slug),
        organisation=organisation,
        summary=Truncator(organisation.description.strip()).chars(SUMMARY_LENGTH),
        owner=user,
        locale=source,
    )
    index.add_child(instance=section)
    _publish_first_version(section, user)
    return section


def delete_sections(organisations):
    """Delete the sections (in every language) of a queryset of organisations, as Wagtail
    deletes pages, so the organisations can be deleted after them."""
    from home.models import PartnerPage

    for page in PartnerPage.objects.filter(organisation__in=organisations).order_by("-depth"):
        DeletePageAction(page).execute(skip_permission_checks=True)


@transaction.atomic
def set_up_organisation(organisation, user=None):
    """Create or update the organisation's groups, collection, permissions and section.
    Idempotent: run again, it creates nothing. ``user`` is who saved the organisation."""
    from home.models import PartnerOrganisation

    editors_name, leads_name = group_names(organisation)
    editors = _sync_group(organisation, "editors_group", editors_name)
    leads = _sync_group(organisation, "leads_group", leads_name)

    collection = organisation.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=organisation.name).first()
        if collection is None:
            collection = root.add_child(name=organisation.name)
    elif collection.name != organisation.name:
        collection.name = organisation.name
        collection.save(update_fields=["name"])

    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group, codenames in (
        (editors, EDITOR_COLLECTION_PERMISSIONS),
        (leads, LEAD_COLLECTION_PERMISSIONS),
    ):
        group.permissions.add(admin_access)
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=collection_permission(codename)
            )

    changed = {
        "editors_group": editors,
        "leads_group": leads,
        "collection": collection,
    }
    section = set_up_section(organisation, user)
    if section is not None:
        changed["section"] = section
    if any(getattr(organisation, f"{key}_id") != value.pk for key, value in changed.items()):
        # update() rather than save(): save() would run this set-up again.
        PartnerOrganisation.objects.filter(pk=organisation.pk).update(**changed)
        for key, value in changed.items():
            setattr(organisation, key, value)
    return organisation


def add_member(organisation, user, lead=False):
    """Put ``user`` in the organisation's editors (or leads) group and the matching role."""
    if organisation.editors_group_id is None:
        set_up_organisation(organisation)
    role = Group.objects.get_or_create(name=PARTNER_LEADS if lead else PARTNER_EDITORS)[0]
    user.groups.add(organisation.leads_group if lead else organisation.editors_group, role)
    for attribute in ("_openly_organisation_ids", "_openly_lead_organisation_ids"):
        if hasattr(user, attribute):
            delattr(user, attribute)


def organisations_of(user):
    """The partner organisations ``user`` edits or leads."""
    from home.models import PartnerOrganisation

    if not user.is_authenticated:
        return PartnerOrganisation.objects.none()
    return PartnerOrganisation.objects.filter(
        Q(editors_group__user=user) | Q(leads_group__user=user)
    ).distinct()


def organisation_ids(user):
    """Ids of the organisations ``user`` belongs to, cached on the user for the request."""
    if not hasattr(user, "_openly_organisation_ids"):
        user._openly_organisation_ids = frozenset(
            organisations_of(user).values_list("pk", flat=True)
        )
    return user._openly_organisation_ids


def lead_organisation_ids(user):
    """Ids of the organisations ``user`` leads, cached on the user for the request."""
    from home.models import PartnerOrganisation

    if not hasattr(user, "_openly_lead_organisation_ids"):
        ids = (
            PartnerOrganisation.objects.filter(leads_group__user=user).values_list("pk", flat=True)
            if user.is_authenticated
            else []
        )
        user._openly_lead_organisation_ids = frozenset(ids)
    return user._openly_lead_organisation_ids


def organisation_leads(organisation):
    """The active users who lead ``organisation``."""
    from django.contrib.auth import get_user_model

    if organisation is None or organisation.leads_group_id is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(groups=organisation.leads_group_id, is_active=True)


def organisation_owned_models():
    """Every concrete page model carrying the ``organisation`` field."""
    from home.models import OrganisationOwnedMixin, concrete_models

    return concrete_models(OrganisationOwnedMixin)


def organisation_pages(organisation_ids_):
    """The pages (base Page queryset) owned by any of ``organisation_ids_``."""
    from wagtail.models import Page

    query = Q(pk__in=[])
    for model in organisation_owned_models():
        query |= Q(pk__in=model.objects.filter(organisation_id__in=organisation_ids_).values("pk"))
    return Page.objects.filter(query)


def remove_organisation_access(sender, instance, **kwargs):
    """After an organisation is deleted: remove its editors' and leads' groups (so nobody
    keeps rights through them) and its media collection if it holds nothing. A collection
    with images or documents stays, as pages elsewhere may still use them."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    Group.objects.filter(pk__in=[instance.editors_group_id, instance.leads_group_id]).delete()
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None or collection.get_children().exists():
        return
    for model in (get_image_model(), get_document_model()):
        if model.objects.filter(collection=collection).exists():
            return
    collection.delete()
