"""Co-creation fixtures: two partner organisations, a user per role, organisation-owned pages
under their index (events always; campaigns too when that app provides its factories) and
the workflows set up as in production."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.cocreation.models import LocaleAssignment
from home.cocreation.roles import (
    MODERATORS,
    PLE_CONTRIBUTORS,
    STORY_MODERATORS,
    TRANSLATORS,
)
from home.cocreation.workflows import setup_workflows
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import PartnerOrganisationFactory
from tests.sharing import shared_fixture

PASSWORD = "correct-horse-battery"


def make_user(username, groups=(), superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.title(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def _content_types():
    """(label, make_index(parent), make_page(parent, organisation)) per organisation-owned
    page type whose app has factories."""
    types = [
        (
            "event",
            lambda parent: EventIndexPageFactory(parent=parent, slug="events"),
            lambda parent, org, **kw: EventPageFactory(parent=parent, organisation=org, **kw),
        )
    ]
    try:
        from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
    except ImportError:  # the campaigns app's tests have not landed yet
        return types
    types.append(
        (
            "campaign",
            lambda parent: CampaignIndexPageFactory(parent=parent, slug="campaigns"),
            lambda parent, org, **kw: CampaignPageFactory(parent=parent, organisation=org, **kw),
        )
    )
    return types


CONTENT_TYPES = _content_types()


class World:
    """Everything a co-creation test needs, by name."""


@shared_fixture
def world(home_page, locales):
    """Two organisations with their pages, a user per role and the workflows; built once for
    the tests of a module that ask for it (see tests/sharing.py). The test settings already
    give the admin base URL (http://testserver) that the emails' links use."""
    w = World()
    w.locales = locales
    w.home = home_page
    w.org_a = PartnerOrganisationFactory(name="Mind Matters", slug="mind-matters")
    w.org_b = PartnerOrganisationFactory(name="Open Minds", slug="open-minds")
    w.indexes = {}
    w.pages_a = {}
    w.pages_b = {}
    for label, make_index, make_page in CONTENT_TYPES:
        index = make_index(home_page)
        w.indexes[label] = index
        w.pages_a[label] = make_page(index, w.org_a, title=f"Talk about it ({label})")
        w.pages_b[label] = make_page(index, w.org_b, title=f"Open up ({label})")
    w.workflows = setup_workflows()
    w.admin = make_user("admin", superuser=True)
    w.moderator = make_user("moderator", [MODERATORS])
    w.lead_a = make_user("lead")
    w.org_a.add_lead(w.lead_a)
    w.editor_a = make_user("editor")
    w.org_a.add_editor(w.editor_a)
    w.editor_a2 = make_user("editor2")
    w.org_a.add_editor(w.editor_a2)
    w.lead_b = make_user("leadb")
    w.org_b.add_lead(w.lead_b)
    w.translator = make_user("translator", [TRANSLATORS])
    LocaleAssignment.objects.create(user=w.translator, locale=locales["fr"], role="translator")
    w.reviewer_fr = make_user("reviewerfr", [TRANSLATORS])
    LocaleAssignment.objects.create(user=w.reviewer_fr, locale=locales["fr"], role="reviewer")
    w.reviewer_de = make_user("reviewerde", [TRANSLATORS])
    LocaleAssignment.objects.create(user=w.reviewer_de, locale=locales["de"], role="reviewer")
    w.story_moderator = make_user("storymod", [STORY_MODERATORS])
    w.contributor = make_user("contributor", [PLE_CONTRIBUTORS])
    return w


def translate(page, locale):
    """A draft translation of ``page`` (and its parents) into ``locale``."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    return translation.specific


def fresh(page):
    """The page as stored now."""
    return type(page).objects.get(pk=page.pk)
