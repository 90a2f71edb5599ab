"""What the partners app plugs into home and co-creation (run once, from
PartnersConfig.ready). Co-creation knows nothing of this app: it sends signals when an
organisation is set up or deleted, and the sections follow."""

from home.cocreation.signals import organisation_set_up, organisations_deleting
from home.partners.api import PartnerEndpoint
from home.partners.models import PartnerIndexPage
from home.partners.sections import on_organisation_set_up, on_organisations_deleting
from home.registry import api_endpoints, index_pages


def connect():
    """List "Our partners" among the indexes the campaign workflow covers, and make and
    remove the organisations' sections with them."""
    index_pages.register("partners", PartnerIndexPage, order=40)
    api_endpoints.register("partners", PartnerEndpoint, order=50)
    organisation_set_up.connect(on_organisation_set_up, dispatch_uid="openly_partner_section")
    organisations_deleting.connect(
        on_organisations_deleting, dispatch_uid="openly_partner_sections_deleted"
    )
