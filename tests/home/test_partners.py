"""Each partner organisation's section: set up with the organisation (from the admin, once,
whatever is renamed), edited by the organisation's own editors through the campaign
workflow, shown to readers with the organisation's content, linked wherever content names
the organisation, and deleted with the organisation."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission, Page, Revision, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignPage
from home.cocreation.models import PartnerOrganisation
from home.cocreation.organisations import set_up_organisation
from home.cocreation.workflows import CAMPAIGN_WORKFLOW, setup_workflows
from home.models import HomePage, StandardPage
from home.partners.models import PartnerIndexPage, PartnerPage
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import HomePageFactory, PartnerOrganisationFactory
from tests.home import factories
from tests.home.factories import fresh
from tests.home.test_roles_matrix import USERS, attempt
from tests.queries import warm_count
from tests.sharing import shared_fixture

pytestmark = pytest.mark.django_db

world = factories.world  # the shared co-creation fixture

ORGANISATION_FORM = {
    "name": "Mental Health Europe",
    "slug": "mhe",
    "country": "BE",
    "website": "https://mhe.example.org",
    "description": "A European network of mental health organisations and people with "
    "lived experience.",
}


def rows():
    """What set-up creates, counted."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
    }


def publish_translation(page, locale):
    """A live translation of ``page`` (and its parents) into ``locale``."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    return translation.specific


# -- the page types ----------------------------------------------------------------------


def test_partner_pages_are_made_by_set_up_not_by_hand(home_page):
    organisation = PartnerOrganisationFactory()
    index = PartnerIndexPage.objects.get()
    home_page = fresh(home_page)
    assert PartnerIndexPage.can_exist_under(home_page)
    assert not PartnerIndexPage.can_create_at(home_page)  # one per home page, made already
    assert PartnerPage.can_exist_under(index)
    assert not PartnerPage.can_create_at(index)
    assert not PartnerPage.can_exist_under(home_page)
    assert PartnerPage.allowed_subpage_models() == []
    assert organisation.section.get_parent().specific == index


def test_editor_fields_have_help_text():
    for model in (PartnerIndexPage, PartnerPage):
        for name in ("intro",) + (("body",) if model is PartnerPage else ()):
            assert model._meta.get_field(name).help_text, f"{model.__name__}.{name}"
    for name in ("name", "description", "section"):
        assert PartnerOrganisation._meta.get_field(name).help_text


# -- set-up ------------------------------------------------------------------------------


def test_adding_an_organisation_in_the_admin_sets_it_up_with_a_live_section(
    admin_client, admin_user, home_page
):
    response = admin_client.post(
        reverse("wagtailsnippets_home_partnerorganisation:add"), ORGANISATION_FORM
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = PartnerOrganisation.objects.get(slug="mhe")
    assert organisation.editors_group.name == "Mental Health Europe: editors"
    assert organisation.leads_group.name == "Mental Health Europe: leads"
    assert organisation.collection.name == "Mental Health Europe"
    assert GroupCollectionPermission.objects.filter(
        group=organisation.editors_group, collection=organisation.collection
    ).exists()

    section = organisation.section
    assert section.live and not section.has_unpublished_changes
    assert (section.title, section.slug) == ("Mental Health Europe", "mhe")
    assert section.organisation == organisation
    assert section.summary == ORGANISATION_FORM["description"]
    assert section.locale.language_code == "en"
    # The administrator who added the organisation approved the first version.
    assert section.live_revision.user == admin_user
    assert section.owner == admin_user
    index = section.get_parent().specific
    assert isinstance(index, PartnerIndexPage)
    assert (index.slug, index.live, index.show_in_menus) == ("partners", True, True)
    assert index.get_parent().pk == home_page.pk

    html = admin_client.get("/en/partners/mhe/").content.decode()
    assert "<h1>Mental Health Europe</h1>" in html
    assert 'href="https://mhe.example.org"' in html
    assert "Belgium" in html
    listing = admin_client.get("/en/partners/").content.decode()
    assert 'href="/en/partners/mhe/"' in listing


def test_set_up_again_creates_nothing(home_page):
    organisation = PartnerOrganisationFactory(name="Stimme e.V.", slug="stimme")
    before = rows()
    set_up_organisation(organisation)
    set_up_organisation(PartnerOrganisation.objects.get(pk=organisation.pk))
    organisation.save()
    assert rows() == before
    assert PartnerPage.objects.filter(organisation=organisation).count() == 1
    assert PartnerIndexPage.objects.count() == 1


def test_organisations_share_one_index(home_page):
    first = PartnerOrganisationFactory()
    second = PartnerOrganisationFactory()
    assert first.section.get_parent().pk == second.section.get_parent().pk
    assert PartnerIndexPage.objects.count() == 1


def test_renaming_the_organisation_keeps_what_its_editors_wrote(home_page):
    organisation = PartnerOrganisationFactory(name="Open Minds", description="Old words.")
    section = organisation.section
    section.title = "Open Minds Coalition Europe"
    section.intro = "<p>Written by our editors.</p>"
    section.save_revision().publish()

    organisation.name = "Open Minds International"
    organisation.description = "New words."
    organisation.save()

    section = PartnerPage.objects.get(pk=section.pk)
    assert section.title == "Open Minds Coalition Europe"
    assert section.summary == "Old words."
    assert section.intro == "<p>Written by our editors.</p>"
    organisation.refresh_from_db()
    assert organisation.editors_group.name == "Open Minds International: editors"
    assert organisation.section_id == section.pk


def test_section_slug_is_made_unique_among_its_siblings(home_page):
    first = PartnerOrganisationFactory(slug="hope")
    first.section.slug = "together"
    first.section.save_revision().publish()
    second = PartnerOrganisationFactory(slug="together")
    assert second.section.slug == "together-1"
    assert second.section.get_parent().pk == first.section.get_parent().pk


def test_without_a_home_page_set_up_skips_the_section_quietly(locales):
    organisation = PartnerOrganisationFactory()
    assert organisation.editors_group is not None
    assert organisation.section is None
    assert not PartnerIndexPage.objects.exists()

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="openly")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    organisation.save()
    assert fresh(organisation).section.get_parent().get_parent().pk == home.pk


def test_index_is_made_under_the_source_language_home(translated_home):
    organisation = PartnerOrganisationFactory()
    index = organisation.section.get_parent()
    assert index.get_parent().pk == translated_home["en"].pk
    assert index.locale.language_code == "en"


def test_existing_partners_slug_is_not_taken_over(home_page):
    home_page.add_child(instance=StandardPage(title="Partners", slug="partners", body=[]))
    organisation = PartnerOrganisationFactory()
    index = organisation.section.get_parent()
    assert index.slug == "partners-1"
    assert StandardPage.objects.get(slug="partners").title == "Partners"


def test_a_section_deleted_by_hand_comes_back_when_the_organisation_is_saved(home_page):
    organisation = PartnerOrganisationFactory()
    organisation.section.delete()
    organisation = PartnerOrganisation.objects.get(pk=organisation.pk)
    assert organisation.section is None
    organisation.save()
    assert organisation.section.live
    assert PartnerPage.objects.filter(organisation=organisation).count() == 1


def test_the_partners_index_gets_the_campaign_workflow_when_created(home_page):
    setup_workflows()  # before any organisation: the index does not exist yet
    organisation = PartnerOrganisationFactory()
    index = organisation.section.get_parent()
    assert index.get_workflow().name == CAMPAIGN_WORKFLOW
    assert organisation.section.get_workflow().name == CAMPAIGN_WORKFLOW


def test_set_up_roles_assigns_the_campaign_workflow_to_an_existing_index(home_page):
    organisation = PartnerOrganisationFactory()
    assert organisation.section.get_workflow().name != CAMPAIGN_WORKFLOW
    setup_workflows()
    assert organisation.section.get_workflow().name == CAMPAIGN_WORKFLOW


# -- who may edit a section --------------------------------------------------------------

SECTION_ACTIONS = [
    "view",  # open the partners index in the page explorer
    "create",  # add a partner page by hand (nobody: set-up makes them)
    "edit_own",  # edit the own organisation's section
    "edit_other",  # edit another organisation's section
    "submit",  # submit the own organisation's section for moderation
    "approve_lead",  # approve it at the partner lead step
    "approve_moderator",  # approve it at the moderator step
    "publish",  # publish directly
    "delete_live",  # delete the own organisation's (live) section
]
Y, N = True, False
# fmt: off
SECTION_MATRIX = {
    #                  view create own other submit lead  mod  publ  del
    "admin":           [Y,   N,    Y,  Y,    Y,     Y,    Y,   Y,    Y],
    "moderator":       [Y,   N,    Y,  Y,    Y,     N,    Y,   Y,    Y],
    "lead":            [Y,   N,    Y,  N,    Y,     Y,    N,   N,    N],
    "editor":          [Y,   N,    Y,  N,    Y,     N,    N,   N,    N],
    "translator":      [Y,   N,    N,  N,    N,     N,    N,   N,    N],
    "story_moderator": [Y,   N,    N,  N,    N,     N,    N,   N,    N],
    "contributor":     [N,   N,    N,  N,    N,     N,    N,   N,    N],
}
# fmt: on


@pytest.fixture
def section_world(world):
    w = world
    w.indexes["section"] = fresh(w.org_a).section.get_parent().specific
    w.pages_a["section"] = fresh(w.org_a).section
    w.pages_b["section"] = fresh(w.org_b).section
    w.fr = w.de = None  # translations are the main matrix's business
    return w


@pytest.mark.parametrize(
    ("role", "action", "expected"),
    [
        pytest.param(role, action, SECTION_MATRIX[role][i], id=f"{role}-{action}")
        for role in SECTION_MATRIX
        for i, action in enumerate(SECTION_ACTIONS)
    ],
)
def test_section_permission_matrix(section_world, client, role, action, expected):
    w = section_world
    user = getattr(w, USERS[role])
    client.force_login(user)
    assert attempt(w, client, "section", action, user) is expected


def test_section_matrix_covers_every_role_and_action():
    assert set(SECTION_MATRIX) == set(USERS)
    assert all(len(row) == len(SECTION_ACTIONS) for row in SECTION_MATRIX.values())


def test_editor_saves_own_section_and_submits_it_to_the_lead(section_world, client):
    w = section_world
    section = w.pages_a["section"]
    client.force_login(w.editor_a2)  # any editor of the organisation, not only its creator
    url = reverse("wagtailadmin_pages:edit", args=[section.pk])
    form = client.get(url).context["form"]
    assert "organisation" not in form.fields  # a section always presents its organisation
    data = nested_form_data(
        {
            "title": section.title,
            "slug": section.slug,
            "summary": "We train peer supporters.",
            "intro": rich_text("<p>Hello from our editors.</p>"),
            "body": streamfield([("paragraph", rich_text("<p>Our projects.</p>"))]),
            "comments": inline_formset([]),
            "action-submit": "submit",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    section = PartnerPage.objects.get(pk=section.pk)
    assert section.summary != "We train peer supporters."  # still the live version
    latest = section.get_latest_revision_as_object()
    assert latest.summary == "We train peer supporters."
    state = section.current_workflow_state
    assert state.workflow.name == CAMPAIGN_WORKFLOW
    assert state.current_task_state.task.specific.is_reviewer(section, w.lead_a)
    assert not state.current_task_state.task.specific.is_reviewer(section, w.lead_b)


# -- what readers see --------------------------------------------------------------------


def _sessions(days):
    start = timezone.now() + datetime.timedelta(days=days)
    return [(start, start + datetime.timedelta(hours=2))]


@shared_fixture
def content(translated_home):
    """An organisation with five campaigns, resources and events in English, and another
    organisation with one of each; campaign, resource and event listings in en and ar."""
    home = translated_home["en"]
    ar = translated_home["ar"].locale
    logo = Image.objects.create(title="logo", file=get_test_image_file())
    ours = PartnerOrganisationFactory(
        name="Hromada Mental Health", slug="hromada", country="UA", logo=logo
    )
    theirs = PartnerOrganisationFactory(name="Stimme e.V.", slug="stimme", country="DE")
    campaigns = CampaignIndexPageFactory(parent=home)
    resources = ResourceIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    made = {"ours": ours, "theirs": theirs}
    for number in range(5):
        CampaignPageFactory(
            parent=campaigns, title=f"Our campaign {number}", organisation=ours, slug=f"c{number}"
        )
        ResourcePageFactory(
            parent=resources, title=f"Our resource {number}", organisation=ours, slug=f"r{number}"
        )
        EventPageFactory(
            parent=events, title=f"Our event {number}", organisation=ours, sessions=_sessions(2)
        )
    partnered = CampaignPageFactory(parent=campaigns, title="Their campaign", organisation=theirs)
    partnered.partners.add(ours, theirs)
    partnered.save_revision().publish()
    ResourcePageFactory(parent=resources, title="Their resource", organisation=theirs)
    EventPageFactory(parent=events, title="Their event", organisation=theirs, sessions=_sessions(3))
    for page in (campaigns, resources, events, ours.section.get_parent()):
        publish_translation(page, ar)
    made["arabic_campaign"] = publish_translation(
        CampaignPageFactory(parent=campaigns, title="Translated campaign", organisation=ours),
        ar,
    )
    made["section_ar"] = publish_translation(ours.section, ar)
    return made


def test_partner_index_lists_every_organisation(client, content):
    response = client.get("/en/partners/")
    assert response.status_code == 200
    assert [page.title for page in response.context["partners"]] == [
        "Hromada Mental Health",
        "Stimme e.V.",
    ]
    html = response.content.decode()
    assert 'href="/en/partners/hromada/"' in html
    assert "Ukraine" in html and "Germany" in html
    assert 'class="partner-card__logo"' in html
    assert "pages/partner_index_page.html" in [t.name for t in response.templates]


def test_partner_index_in_arabic_falls_back_to_untranslated_sections(client, content):
    response = client.get("/ar/partners/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/ar/partners/hromada/"' in html
    # Stimme's page is not translated yet: its card links to the English page, says so
    # and marks its language.
    assert 'href="/en/partners/stimme/"' in html
    assert 'lang="en" dir="auto"' in html
    assert 'dir="rtl"' in html


def test_partner_page_lists_the_organisations_content_with_links_to_all_of_it(client, content):
    response = client.get("/en/partners/hromada/")
    assert response.status_code == 200
    assert "pages/partner_page.html" in [t.name for t in response.templates]
    listings = {listing["kind"]: listing for listing in response.context["listings"]}
    assert list(listings) == ["campaigns", "events", "resources"]
    for kind in listings:
        assert len(listings[kind]["items"]) == 3
    # The factory's campaigns have all ended (or all run) together: oldest page first.
    assert [item.title for item in listings["campaigns"]["items"]] == [
        f"Our campaign {number}" for number in range(3)
    ]
    assert [item.title for item in listings["events"]["items"]] == [
        f"Our event {number}" for number in range(3)
    ]
    assert {item.title for item in listings["resources"]["items"]} <= {
        f"Our resource {number}" for number in range(5)
    }
    html = response.content.decode()
    assert 'href="/en/campaigns/?organisation=hromada"' in html
    assert 'href="/en/events/?organisation=hromada"' in html
    assert 'href="/en/resources/?organisation=hromada"' in html
    assert "All campaigns run by Hromada Mental Health" in html
    assert "Ukraine" in html
    # The organisation is not linked to its own page from its own page.
    assert ">Hromada Mental Health</a>" not in html
    assert '<p class="resource-card__org"><bdi>Hromada Mental Health</bdi></p>' in html


def test_partner_page_in_arabic_lists_arabic_content_only(client, content):
    response = client.get("/ar/partners/hromada/")
    assert response.status_code == 200
    assert response.content.decode().count('dir="rtl"') >= 1
    listings = {listing["kind"]: listing for listing in response.context["listings"]}
    assert [item.title for item in listings["campaigns"]["items"]] == ["Translated campaign"]
    assert "resources" not in listings  # no resource is translated into Arabic
    assert listings["campaigns"]["more_url"] == "/ar/campaigns/?organisation=hromada"


def test_partner_page_without_content_says_so(client, home_page):
    PartnerOrganisationFactory(name="Quiet Org", slug="quiet")
    response = client.get("/en/partners/quiet/")
    assert response.status_code == 200
    assert response.context["listings"] == []
    assert "Quiet Org has no campaigns, events or resources in this language yet." in (
        response.content.decode()
    )


def test_unknown_partner_is_not_found(client, content):
    assert client.get("/en/partners/nobody/").status_code == 404
    assert client.get("/ar/partners/nobody/").status_code == 404


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        (
            "/en/campaigns/?organisation=hromada",
            "campaigns",
            {f"Our campaign {n}" for n in range(5)} | {"Their campaign", "Translated campaign"},
        ),
        (
            "/en/resources/?organisation=hromada",
            "resources",
            {f"Our resource {n}" for n in range(5)},
        ),
        ("/en/events/?organisation=hromada", "events", {f"Our event {n}" for n in range(5)}),
        ("/en/events/?organisation=stimme", "events", {"Their event"}),
    ],
)
def test_the_full_listings_filter_by_organisation(client, content, path, key, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert {item.title for item in response.context[key]} == expected
    # The chosen organisation shows as a chosen filter value.
    html = response.content.decode()
    slug = path.rsplit("=", 1)[1]
    assert f'value="{slug}" checked' in html or f'value="{slug}" selected' in html


def test_run_by_facet_counts_a_campaign_once(client, content):
    response = client.get("/en/campaigns/")
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    counts = {o["value"]: o["count"] for o in facets["organisation"]["options"]}
    # Stimme owns "Their campaign" and partners it too: one campaign. Hromada runs its
    # five, the English original of the translated one, and partners Stimme's.
    assert counts == {"hromada": 7, "stimme": 1}


def test_event_filters_offer_the_organisers_with_counts(client, content):
    response = client.get("/en/events/")
    options = response.context["facets"]["organisation"]
    assert [(o["label"], o["count"]) for o in options] == [
        ("Hromada Mental Health", 5),
        ("Stimme e.V.", 1),
    ]
    assert '<select id="filter-organisation" name="organisation">' in response.content.decode()


def test_unknown_organisation_filter_is_ignored(client, content):
    response = client.get("/en/resources/?organisation=nobody")
    assert response.status_code == 200
    assert len(response.context["resources"]) == 6


# -- query budgets -----------------------------------------------------------------------


def test_partner_index_queries_do_not_grow_with_organisations(client, home_page):
    logo = Image.objects.create(title="logo", file=get_test_image_file())
    for _number in range(2):
        PartnerOrganisationFactory(logo=logo)
    few = warm_count(client, "/en/partners/")
    for _number in range(20):
        PartnerOrganisationFactory(logo=logo)
    assert warm_count(client, "/en/partners/") == few


def test_partner_page_queries_do_not_grow_with_content(client, home_page):
    organisation = PartnerOrganisationFactory(slug="busy")
    campaigns = CampaignIndexPageFactory(parent=home_page)
    resources = ResourceIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    image = Image.objects.create(title="card", file=get_test_image_file())

    def add(count):
        for _number in range(count):
            campaign = CampaignPageFactory(
                parent=campaigns, organisation=organisation, hero_image=image, hero_image_alt="x"
            )
            campaign.partners.add(organisation, PartnerOrganisationFactory())
            campaign.save_revision().publish()
            ResourcePageFactory(
                parent=resources, organisation=organisation, image=image, image_alt="x"
            )
            EventPageFactory(parent=events, organisation=organisation, sessions=_sessions(4))

    add(2)
    few = warm_count(client, "/en/partners/busy/")
    add(12)
    assert warm_count(client, "/en/partners/busy/") == few


def test_listing_queries_do_not_grow_with_linked_organisations(client, home_page):
    """Every card names a different organisation, each with a live page to link to."""
    resources = ResourceIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)

    def add(count):
        for _number in range(count):
            ResourcePageFactory(parent=resources)
            EventPageFactory(parent=events, sessions=_sessions(2))

    add(2)
    few = {url: warm_count(client, url) for url in ("/en/resources/", "/en/events/")}
    add(10)
    for url in few:
        assert warm_count(client, url) == few[url], url


# -- where content names its organisation ------------------------------------------------


def test_content_links_the_organisation_to_its_live_section(client, content):
    resource = client.get("/en/resources/r0/").content.decode()
    assert (
        'Published by <bdi><a href="/en/partners/hromada/">Hromada Mental Health</a></bdi>'
        in resource
    )
    listing = client.get("/en/resources/").content.decode()
    assert '<a href="/en/partners/hromada/">Hromada Mental Health</a>' in listing
    assert '<a href="/en/partners/stimme/">Stimme e.V.</a>' in listing
    events = client.get("/en/events/").content.decode()
    assert 'By <bdi><a href="/en/partners/hromada/">Hromada Mental Health</a></bdi>' in events
    campaign = client.get("/en/campaigns/c0/").content.decode()
    assert "/en/partners/hromada/" not in campaign  # no partners named on this one
    partnered = CampaignPage.objects.get(title="Their campaign")
    html = client.get(partnered.url).content.decode()
    assert '<a href="/en/partners/hromada/">Hromada Mental Health</a>' in html
    # The card of the campaign on the listing names its partners, linked.
    assert '<a href="/en/partners/stimme/">Stimme e.V.</a>' in (
        client.get("/en/campaigns/").content.decode()
    )


def test_a_section_not_live_in_the_language_is_not_linked(client, content):
    # Hromada's page is live in Arabic; the Arabic campaign's card links to it.
    arabic = content["arabic_campaign"]
    arabic.partners.add(content["ours"], content["theirs"])
    arabic.save_revision().publish()
    html = client.get("/ar/campaigns/").content.decode()
    assert 'href="/ar/partners/hromada/"' in html
    # Stimme's page is not translated: its name stays plain, not a link to English.
    assert "Stimme e.V." in html
    assert "/partners/stimme/" not in html


def test_an_unpublished_section_is_not_linked_and_the_website_is(client, content):
    section = content["theirs"].section
    section.unpublish()
    partnered = CampaignPage.objects.get(title="Their campaign")
    html = client.get(partnered.url).content.decode()
    assert "/en/partners/stimme/" not in html
    assert '<a href="https://partner.example.org" rel="noopener">Stimme e.V.</a>' in html


# -- deleting an organisation ------------------------------------------------------------


def test_deleting_an_organisation_whose_only_page_is_its_section(admin_client, translated_home):
    organisation = PartnerOrganisationFactory(name="Short lived", slug="short")
    keeper = PartnerOrganisationFactory(name="Keeper", slug="keeper")
    publish_translation(organisation.section, translated_home["ar"].locale)
    index = PartnerIndexPage.objects.get(locale__language_code="en")
    url = reverse("wagtailsnippets_home_partnerorganisation:delete", args=[organisation.pk])

    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Yes, delete" in html
    assert "Its page on the site, “Short lived”, is deleted with it, in every language." in html

    assert "leads' groups are removed" in html.replace("&#x27;", "'")
    groups = [organisation.editors_group_id, organisation.leads_group_id]
    collection_id = organisation.collection_id
    response = admin_client.post(url)
    assert response.status_code == 302
    assert not PartnerOrganisation.objects.filter(pk=organisation.pk).exists()
    assert not PartnerPage.objects.filter(slug="short").exists()
    # Nobody keeps rights through the organisation's groups; its empty collection goes too.
    from django.contrib.auth.models import Group
    from wagtail.models import Collection

    assert not Group.objects.filter(pk__in=groups).exists()
    assert not Collection.objects.filter(pk=collection_id).exists()
    assert Group.objects.filter(pk=keeper.editors_group_id).exists()
    assert keeper.section.get_parent().pk == index.pk
    for parent in PartnerIndexPage.objects.all():
        assert parent.numchild == parent.get_children().count()
    assert client_get_status(admin_client, "/en/partners/short/") == 404
    assert client_get_status(admin_client, "/en/partners/keeper/") == 200
    # The tree is still sound: a new organisation's section goes under the same index.
    assert PartnerOrganisationFactory(slug="next").section.get_parent().pk == index.pk


def client_get_status(client, path):
    return client.get(path).status_code


def test_organisation_with_other_content_is_protected_and_the_content_listed(
    admin_client, home_page
):
    organisation = PartnerOrganisationFactory(name="Busy Org", slug="busy")
    campaigns = CampaignIndexPageFactory(parent=home_page)
    CampaignPageFactory(parent=campaigns, title="Still running", organisation=organisation)
    url = reverse("wagtailsnippets_home_partnerorganisation:delete", args=[organisation.pk])

    html = admin_client.get(url).content.decode()
    assert "prevent it from being deleted" in html
    assert "Yes, delete" not in html
    usage = admin_client.get(
        reverse("wagtailsnippets_home_partnerorganisation:usage", args=[organisation.pk])
        + "?describe_on_delete=1"
    ).content.decode()
    assert "Still running" in usage
    assert "prevents deletion" in usage

    before = rows()
    response = admin_client.post(url)
    assert response.status_code in {302, 403}
    assert rows() == before
    assert PartnerOrganisation.objects.filter(pk=organisation.pk).exists()
    assert fresh(organisation.section).live


def test_deleting_organisations_in_bulk_deletes_their_sections(home_page):
    organisations = [PartnerOrganisationFactory() for _number in range(3)]
    PartnerOrganisation.objects.filter(pk__in=[o.pk for o in organisations[:2]]).delete()
    assert PartnerPage.objects.count() == 1
    index = PartnerIndexPage.objects.get()
    assert index.numchild == 1


def test_protected_deletion_in_code_keeps_the_section(home_page):
    from django.db.models import ProtectedError

    organisation = PartnerOrganisationFactory()
    campaigns = CampaignIndexPageFactory(parent=home_page)
    CampaignPageFactory(parent=campaigns, organisation=organisation)
    with pytest.raises(ProtectedError):
        organisation.delete()
    assert fresh(organisation.section).live
    assert HomePage.objects.count() == 1


def test_a_deleted_organisations_collection_with_media_stays(admin_client, home_page):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    organisation = PartnerOrganisationFactory(name="Has media", slug="has-media")
    get_image_model().objects.create(
        title="Poster", file=get_test_image_file(), collection=organisation.collection
    )
    collection_id = organisation.collection_id
    url = reverse("wagtailsnippets_home_partnerorganisation:delete", args=[organisation.pk])
    assert admin_client.post(url).status_code == 302
    from wagtail.models import Collection

    assert Collection.objects.filter(pk=collection_id).exists()
