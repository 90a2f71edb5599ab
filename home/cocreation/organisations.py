"""Partner organisations as units of co-creation: each has an editors group, a leads group,
a media collection and a section (its own page under "Our partners", made by the partners
app when set-up asks for it), set up (idempotently) whenever the organisation is saved.

Membership of an organisation is membership of its groups. The organisation groups hold the
admin access and the permissions on the organisation's own collection; the generic role
groups ("Partner editors", "Partner leads") hold the page permissions, which
``home.cocreation.permissions`` narrows to the organisation's own pages.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, Page

from home.cocreation.models.organisations import OrganisationOwnedMixin, PartnerOrganisation
from home.cocreation.roles import collection_permission
from home.cocreation.signals import organisation_set_up
from home.models import concrete_models

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


@transaction.atomic
def set_up_organisation(organisation, user=None):
    """Create or update the organisation's groups, collection, permissions and section.
    Idempotent: run again, it creates nothing. ``user`` is who saved the organisation."""
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
    # The organisation's own page (the partners app makes it, answering the signal).
    sections = [
        section
        for _receiver, section in organisation_set_up.send(
            sender=type(organisation), organisation=organisation, user=user
        )
        if section is not None
    ]
    if sections:
        changed["section"] = sections[0]
    if any(getattr(organisation, f"{key}_id") != value.pk for key, value in changed.items()):
        # update() rather than save(): save() would run this set-up again.
        PartnerOrganisation.objects.filter(pk=organisation.pk).update(**changed)
        for key, value in changed.items():
            setattr(organisation, key, value)
    return organisation


def organisations_of(user):
    """The partner organisations ``user`` edits or leads."""
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
    if organisation is None or organisation.leads_group_id is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(groups=organisation.leads_group_id, is_active=True)


def organisation_owned_models():
    """Every concrete page model carrying the ``organisation`` field."""
    return concrete_models(OrganisationOwnedMixin)


def organisation_pages(organisation_ids_):
    """The pages (base Page queryset) owned by any of ``organisation_ids_``."""
    query = Q(pk__in=[])
    for model in organisation_owned_models():
        query |= Q(pk__in=model.objects.filter(organisation_id__in=organisation_ids_).values("pk"))
    return Page.objects.filter(query)


def remove_organisation_access(sender, instance, **kwargs):
    """After an organisation is deleted: remove its editors' and leads' groups (so nobody
    keeps rights through them) and its media collection if it holds nothing. A collection
    with images or documents stays, as pages elsewhere may still use them."""
    Group.objects.filter(pk__in=[instance.editors_group_id, instance.leads_group_id]).delete()
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None or collection.get_children().exists():
        return
    for model in (get_image_model(), get_document_model()):
        if model.objects.filter(collection=collection).exists():
            return
    collection.delete()


def set_up_on_save(sender, instance, raw=False, **kwargs):
    """After an organisation is saved: set it up (connected in CocreationConfig.ready).
    Adding an organisation in the admin gives it groups, permissions, a media collection and
    its section at once, so no developer is needed to onboard a partner. The admin views say
    who saved it (home.cocreation.snippets): the approval of the section's first version."""
    if raw:
        return
    set_up_organisation(instance, user=getattr(instance, "saved_by", None))
