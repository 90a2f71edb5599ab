"""What co-creation plugs into home and the signals it listens to (run once, from
CocreationConfig.ready)."""

from django.db.models.signals import post_delete, post_save

from home.cocreation import demo_content, workflow_names
from home.cocreation.forms import OpenlyPageForm
from home.cocreation.models import PartnerOrganisation
from home.cocreation.organisations import remove_organisation_access, set_up_on_save
from home.cocreation.panels import NextStepPanel
from home.cocreation.permissions import OpenlyPagePermissionTester
from home.cocreation.workflows import NAMES, connect_signals
from home.invalidation import watch
from home.registry import demo_loaders, page_plugins
from home.registry import workflow_names as workflow_name_registry


def connect():
    """Register the page form, permission tester and "What next" panel every Openly page
    uses and the co-creation demo, connect the organisation set-up and workflow signals, show
    the workflows' and tasks' names in the admin's language, and retire the cached pages
    when an organisation changes."""
    page_plugins.register("form_class", OpenlyPageForm)
    page_plugins.register("permission_tester", OpenlyPagePermissionTester)
    page_plugins.register("top_panels", [NextStepPanel()])
    post_save.connect(
        set_up_on_save, sender=PartnerOrganisation, dispatch_uid="openly_organisation_set_up"
    )
    post_delete.connect(
        remove_organisation_access,
        sender=PartnerOrganisation,
        dispatch_uid="openly_organisation_access",
    )
    connect_signals()
    for name, label in NAMES.items():
        workflow_name_registry.register(name, label)
    workflow_names.connect()
    # Organisations' names, logos and links show on their content and partner pages.
    watch(PartnerOrganisation)
    # The co-creation demo runs after every content app's demo: it uses their pages.
    demo_loaders.register("home.cocreation", demo_content.load, order=90)
