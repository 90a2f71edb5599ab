"""Nobody creates what they cannot open again: every organisation-owned content type × every
role that may create it, through the admin's own add view (draft and submission), then the
edit view as the same person. Content types and roles are read from the code, so a new page
type with an owning organisation, or a new role that adds pages, is walked too.

A missing organisation is a form error on drafts as well (Wagtail defers other required
fields on drafts) and saves nothing; another organisation's id forged into the form is
refused for partners; administrators and moderators choose any organisation.
"""

import importlib
import pathlib

import pytest
import wagtail_factories
from django.urls import reverse
from wagtail.models import Page, Revision, WorkflowState, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignIndexPage, CampaignPage
from home.cocreation.forms import OWNER_FIELD, OwnershipFormMixin
from home.cocreation.models import PartnerOrganisation
from home.cocreation.permissions import ORGANISATION_SCOPED_GROUPS
from home.cocreation.roles import PAGE_PERMISSIONS, PARTNER_LEADS
from home.cocreation.workflows import setup_workflows
from tests.campaigns.factories import CampaignPageFactory
from tests.factories import PartnerOrganisationFactory
from tests.home.factories import make_user
from tests.sharing import shared_fixture

ADMINISTRATOR = "administrator"
WALK_CAMPAIGN = "walk-concordat"


def _owner_fields(model):
    """The editable, required links from ``model`` to a partner organisation."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.is_relation
        and field.related_model is PartnerOrganisation
        and field.editable
        and not field.blank
    ]


def owned_page_models():
    """Every page type an editor can create that belongs to a partner organisation."""
    return sorted(
        (model for model in get_page_models() if model.is_creatable and _owner_fields(model)),
        key=lambda model: model._meta.label,
    )


def creating_roles():
    """(role, number of organisations the person belongs to) for everyone who may add pages:
    administrators, each role granted "add", and partner roles once more with two
    organisations (the case with a choice)."""
    roles = [(ADMINISTRATOR, 0)]
    for name, permissions in PAGE_PERMISSIONS.items():
        if "add_page" not in permissions:
            continue
        if name in ORGANISATION_SCOPED_GROUPS:
            roles += [(name, 1), (name, 2)]
        else:
            roles.append((name, 0))
    return roles


def _page_factories():
    """The test suite's page factories by model (every app's tests/<app>/factories.py)."""
    root = pathlib.Path(__file__).resolve().parents[1]
    found = {}
    for path in [root / "factories.py", *root.glob("*/*factories.py")]:
        name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, wagtail_factories.PageFactory):
                model = value._meta.model
                if model is not None:
                    found.setdefault(model, value)
    return found


# What a complete submission of each content type holds besides the title, slug and
# organisation: the walk needs a valid form to test submission.
def _campaign(slug):
    return {
        "summary": "Talking about mental health at work.",
        "start_date": "2026-10-01",
        "end_date": "2026-12-31",
        "hero_image_alt": "",
        "pledge_statement": "",
        "body": streamfield([("paragraph", rich_text("<p>Line managers can help.</p>"))]),
        "related_pages": inline_formset([]),
    }


def _resource(slug):
    return {
        "summary": "Spotting the signs in the classroom.",
        "format": "toolkit",
        "image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Notice, ask, listen.</p>"))]),
        "documents": inline_formset([]),
        "references": streamfield([]),
        "reviewed_by_name": "Dr K.",
        "reviewed_by_role": "School psychologist",
        "review_due": "2027-09-01",
    }


def _event(slug):
    session = {"title": "Morning walk", "programme": streamfield([])}
    return {
        "summary": "A gentle walk with peer supporters.",
        "description": streamfield([]),
        "status": "scheduled",
        "time_zone": "Europe/Athens",
        "format": "in_person",
        "venue_name": "Pedion tou Areos park, main gate",
        "address": "Leoforos Alexandras",
        "city": "Athens",
        "country": "GR",
        "online_link_visibility": "public",
        "languages": ("el",),
        "is_free": "on",
        "registration": "none",
        "sessions": inline_formset(
            [{**session, "start": "2030-10-05 10:00", "end": "2030-10-05 11:30"}]
        ),
        "speakers": inline_formset([]),
        "action_points": inline_formset([]),
        "report_documents": streamfield([]),
    }


def _commitment(slug):
    """A plan follows a campaign whose pledge organisations sign (made by the walk)."""
    campaign = CampaignPage.objects.get(slug=WALK_CAMPAIGN)
    return {
        "summary": "",
        "campaign": campaign.pk,
        "statement": "We put prevention at the heart of our local plan.",
        "signed_on": "2026-01-15",
        "review_date": "2027-01-15",
        "actions": inline_formset(
            [
                {
                    "action": "Train school nurses",
                    "lead": "",
                    "due": "",
                    "status": "planned",
                    "evidence_url": "",
                }
            ]
        ),
        "updates": inline_formset([]),
    }


def _practice(slug):
    return {
        "summary": "Care close to home.",
        "evidence": rich_text("<p>Fewer admissions.</p>"),
        "components": rich_text("<p>Mobile teams.</p>"),
        "sources": streamfield([]),
        "case_studies": inline_formset([]),
        "related_links": inline_formset([]),
    }


def _working_group(slug):
    return {
        "summary": "Follows up the workshop's actions.",
        "kind": "task_force",
        "group_status": "active",
        "mandate": rich_text("<p>Turn the workshop's actions into a plan.</p>"),
        "meetings": inline_formset([]),
        "outputs": inline_formset([]),
        "actions": inline_formset([]),
    }


FORM_DATA = {
    "practices.PracticePage": _practice,
    "working_groups.WorkingGroupPage": _working_group,
    "commitments.CommitmentPage": _commitment,
    "campaigns.CampaignPage": _campaign,
    "campaigns.ResourcePage": _resource,
    "events.EventPage": _event,
}

CASES = [
    pytest.param(model, role, count, id=f"{model._meta.model_name}-{role}-{count}")
    for model in owned_page_models()
    for role, count in creating_roles()
]


class Walk:
    """The organisations, one person per creating role, a section per content type."""


@shared_fixture
def walk(home_page, locales):
    w = Walk()
    w.orgs = [
        PartnerOrganisationFactory(name=name, slug=name.lower().replace(" ", "-"))
        for name in ("Mind Matters", "Open Minds", "Stimme")
    ]
    factories = _page_factories()
    w.parents = {}
    for model in owned_page_models():
        parent_model = next(m for m in model.allowed_parent_page_models() if m in factories)
        if parent_model not in w.parents:
            w.parents[parent_model] = factories[parent_model](parent=home_page)
    # Commitment plans follow a campaign whose pledge organisations sign.
    CampaignPageFactory(
        parent=next(page for page in w.parents.values() if isinstance(page, CampaignIndexPage)),
        slug=WALK_CAMPAIGN,
        organisation=w.orgs[0],
        pledge_statement="We adopt the Prevention Concordat for Better Mental Health.",
    )
    setup_workflows()
    w.users = {}
    for number, (role, count) in enumerate(creating_roles()):
        username = f"creator{number}"
        if role == ADMINISTRATOR:
            user = make_user(username, superuser=True)
        elif role in ORGANISATION_SCOPED_GROUPS:
            user = make_user(username)
            for organisation in w.orgs[:count]:
                if role == PARTNER_LEADS:
                    organisation.add_lead(user)
                else:
                    organisation.add_editor(user)
        else:
            user = make_user(username, [role])
        w.users[role, count] = user
    return w


def _parent(w, model):
    return next(page for parent_model, page in w.parents.items() if model.can_create_at(page))


def _add_url(w, model):
    meta = model._meta
    return reverse(
        "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, _parent(w, model).pk]
    )


def _data(model, slug, organisation, action=None):
    data = nested_form_data(
        {"title": f"Talk about it ({slug})", "slug": slug, **FORM_DATA[model._meta.label](slug)}
    )
    data[OWNER_FIELD] = "" if organisation is None else str(organisation)
    if action:
        data[action] = "1"
    return data


def _stored():
    return (Page.objects.count(), Revision.objects.count(), WorkflowState.objects.count())


def test_every_owned_content_type_has_form_data_and_the_ownership_field():
    """A new organisation-owned page type joins the walk: it needs form data here, and its
    owning organisation in the field the ownership rules know."""
    models = owned_page_models()
    assert models, "no organisation-owned page type found"
    assert {model._meta.label for model in models} == set(FORM_DATA)
    for model in models:
        assert [field.name for field in _owner_fields(model)] == [OWNER_FIELD]
        form_class = model.get_edit_handler().get_form_class()
        assert issubclass(form_class, OwnershipFormMixin), model


def test_every_snippet_owned_by_an_organisation_has_the_ownership_rules():
    """Organisation-owned snippets follow the same rules (none today: partners create pages
    only); one added later must use the ownership form."""
    for model in get_snippet_models():
        if _owner_fields(model):
            form_class = model.snippet_viewset.get_edit_handler().get_form_class()
            assert issubclass(form_class, OwnershipFormMixin), model


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "role", "count"), CASES)
def test_what_each_role_creates_it_can_open_again(walk, client, model, role, count):
    w = walk
    user = w.users[role, count]
    client.force_login(user)
    url = _add_url(w, model)
    response = client.get(url)
    assert response.status_code == 200
    field = response.context["form"][OWNER_FIELD]
    offered = [str(value) for value, _label in field.field.choices if value != ""]
    if role in ORGANISATION_SCOPED_GROUPS:
        own = w.orgs[:count]
        assert offered == [str(o.pk) for o in own]  # their own organisations only
        # With one organisation it is chosen already; with several the choice is theirs.
        assert field.value() == (own[0].pk if count == 1 else None)
        choice = own[-1]
    else:
        assert len(offered) == len(w.orgs)  # the full choice
        choice = w.orgs[-1]

    for action in (None, "action-submit"):  # a draft, then a submission for review
        slug = f"{'submitted' if action else 'draft'}-{count}"
        response = client.post(url, _data(model, slug, choice.pk, action))
        assert response.status_code == 302, response.context["form"].errors
        page = model.objects.get(slug=slug)
        assert page.organisation_id == choice.pk
        assert (page.current_workflow_state is not None) == bool(action)
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "role", "count"), CASES)
def test_a_missing_or_foreign_organisation_saves_nothing(walk, client, model, role, count):
    w = walk
    client.force_login(w.users[role, count])
    url = _add_url(w, model)
    before = _stored()
    for action in (None, "action-submit"):
        response = client.post(url, _data(model, "no-owner", None, action))
        assert response.status_code == 200
        errors = response.context["form"].errors[OWNER_FIELD]
        assert "Choose the" in errors[0]
        assert errors[0] in response.content.decode()
        if role in ORGANISATION_SCOPED_GROUPS:
            for organisation in w.orgs[:count]:
                assert organisation.name in errors[0]  # says what to pick
        assert _stored() == before
    if role not in ORGANISATION_SCOPED_GROUPS:
        return
    foreign = w.orgs[count]
    for action in (None, "action-submit"):
        response = client.post(url, _data(model, "forged", foreign.pk, action))
        if response.status_code == 200:
            assert response.context["form"].errors[OWNER_FIELD]
        elif response.status_code == 302:  # "Sorry, you do not have permission"
            assert response["Location"] == reverse("wagtailadmin_home")
        else:
            assert response.status_code == 403
        assert _stored() == before


@pytest.mark.django_db
def test_a_forged_organisation_is_refused_by_the_form_itself(walk):
    """The form refuses it too, with a message naming the person's organisations (the admin
    hook refuses it before the form; other paths may build the form directly)."""
    model = owned_page_models()[0]
    user = walk.users[PARTNER_LEADS, 2]
    form_class = model.get_edit_handler().get_form_class()
    parent = _parent(walk, model)
    data = _data(model, "forged", walk.orgs[2].pk)
    form = form_class(data, instance=model(), parent_page=parent, for_user=user)
    form.defer_required_fields()  # a draft
    assert not form.is_valid()
    message = form.errors[OWNER_FIELD][0]
    assert "Mind Matters" in message and "Open Minds" in message
    assert "Stimme" not in message
