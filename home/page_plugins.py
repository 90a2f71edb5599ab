"""How BasePage takes in what capability apps add to every Openly page, read lazily from
``home.registry.page_plugins`` (filled in the apps' ``AppConfig.ready()``).

Page classes are built while Django loads models, before any ``ready()`` has run, so the
page can only name *where* a plug-in goes; what is there is looked up later:

- Panels: ``RegisteredPanels`` is a Wagtail panel placeholder (the mechanism Wagtail itself
  uses for the comments panel). A placeholder is turned into a real panel when Wagtail first
  builds a page type's edit handler, on the first admin request or system check, after every
  app is ready; Wagtail then caches that edit handler per page type, which is right, as the
  registry does not change after start-up. Page types that extend ``BasePage.content_panels``
  keep the placeholder in their list, so they get the registered panels too.
- The admin form: ``RegisteredFormClass`` is a descriptor for ``base_form_class``, so Wagtail
  reads the registered class whenever it builds a form class (again after start-up). A page
  type may still set its own ``base_form_class``, normally a subclass of the registered one.
- The permission tester is looked up in ``BasePage.permissions_for_user`` on each call.
"""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import ObjectList
from wagtail.models.panels import PanelPlaceholder

from home.registry import page_plugins


class RegisteredPanels(PanelPlaceholder):
    """Stands for the panels registered under ``page_plugins[key]`` ("panels" below the
    page's own fields, "top_panels" above them): nothing when none is, the panel itself when
    one is, and a plain group when several are."""

    def __init__(self, key="panels"):
        super().__init__("wagtail.admin.panels.ObjectList", [], {})
        self.key = key

    def construct(self):
        panels = list(page_plugins.get(self.key, []))
        if not panels:
            return None
        if len(panels) == 1:
            return panels[0]
        return ObjectList(panels)


class RegisteredFormClass:
    """A class attribute whose value is the registered admin form base class (Wagtail's own
    page form when no app registered one)."""

    def __get__(self, instance, owner):
        return page_plugins.get("form_class", WagtailAdminPageForm)


def permission_tester_for(page, user):
    """The registered page permission tester for ``user`` on ``page``, or None."""
    tester = page_plugins.get("permission_tester")
    return tester(user, page) if tester is not None else None
