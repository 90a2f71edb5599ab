"""Each partner organisation's section (its own page under "Our partners") and the index
above them, made and removed as co-creation asks (receivers of home.cocreation.signals,
connected in PartnersConfig.ready)."""

from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from home.models import HomePage
from home.partners.models import PartnerIndexPage, PartnerPage

PARTNERS_SLUG = "partners"
SUMMARY_LENGTH = 400  # BasePage.summary's max_length


def _publish_first_version(page, user):
    """Publish a page set-up created: the administrator who added the organisation has
    approved it (``user`` is None when code, not a person, saved the organisation)."""
    page.save_revision(user=user, log_action=True).publish(user=user)


def partners_index(user=None):
    """The source-language "Our partners" index, created under the source-language home
    page when missing; None while there is no home page."""
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
    for page in PartnerPage.objects.filter(organisation__in=organisations).order_by("-depth"):
        DeletePageAction(page).execute(skip_permission_checks=True)


def on_organisation_set_up(sender, organisation, user=None, **kwargs):
    """Answer co-creation's set-up: the organisation's section, found or made."""
    return set_up_section(organisation, user)


def on_organisations_deleting(sender, organisations, **kwargs):
    """Before organisations are deleted: their sections go first."""
    delete_sections(organisations)
