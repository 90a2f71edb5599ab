"""Commitments and action plans: the pages, their progress, validation, the campaign's
signatories and what the action tracker reads (tracked_actions)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from campaigns.commitments import progress
from campaigns.commitments.models import (
    CommitmentAction,
    CommitmentIndexPage,
    CommitmentPage,
    CommitmentUpdate,
)
from campaigns.models import CampaignPage
from home.models import HomePage
from tests.campaigns.commitment_fixtures import TODAY, make_plan, organisations_in
from tests.campaigns.factories import CommitmentActionFactory, CommitmentPageFactory
from tests.factories import PartnerOrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def test_tree_rules(home_page):
    assert CommitmentIndexPage.can_create_at(home_page)
    commitment_index = CommitmentIndexPage(title="Commitments", slug="commitments")
    home_page.add_child(instance=commitment_index)
    assert not CommitmentIndexPage.can_create_at(home_page)  # one per language
    assert not CommitmentIndexPage.can_create_at(commitment_index)
    assert CommitmentPage.can_create_at(commitment_index)
    assert not CommitmentPage.can_create_at(home_page)
    assert CommitmentPage.subpage_types == []
    assert CommitmentPage.allowed_parent_page_models() == [CommitmentIndexPage]
    assert HomePage in CommitmentIndexPage.allowed_parent_page_models()


def test_commitment_page_renders_plan_progress_and_updates(client, commitment_index, concordat):
    org = PartnerOrganisationFactory(name="Mind Matters", slug="mind-matters", country="IE")
    plan = make_plan(
        commitment_index,
        concordat,
        statuses=["done", "in_progress", "planned"],
        dues=[datetime.date(2026, 5, 1), datetime.date(2026, 6, 1), datetime.date(2027, 1, 1)],
        organisation=org,
    )
    CommitmentUpdate.objects.create(
        page=plan, date=datetime.date(2026, 9, 1), text="Nurses trained in two districts."
    )
    plan.save_revision().publish()
    response = client.get("/en/commitments/mind-matters/")
    assert response.status_code == 200
    assert "pages/commitment_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "We put prevention at the heart" in html
    assert "Prevention Concordat for Better Mental Health" in html  # the campaign linked
    assert "1 of 3 actions done" in html
    assert "1 overdue" in html  # the in-progress action due in June
    assert "Nurses trained in two districts." in html
    assert "Ireland" in html
    assert "Schools team" in html


def test_commitment_page_renders_in_arabic(client, translated_home, locales, concordat):
    index = translated_home["en"].add_child(
        instance=CommitmentIndexPage(title="Commitments", slug="commitments")
    )
    index.save_revision().publish()
    plan = make_plan(index, concordat, statuses=["done", "planned"])
    arabic_index = index.copy_for_translation(locales["ar"])
    arabic_index.save_revision().publish()
    arabic = plan.copy_for_translation(locales["ar"])
    arabic.title = "التزامنا"
    arabic.save_revision().publish()
    response = client.get(f"/ar/commitments/{plan.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "التزامنا" in html
    # The actions were copied with their translation keys, which the tracker relies on.
    keys = {item["key"] for item in arabic.specific.tracked_actions()}
    assert keys == {item["key"] for item in plan.tracked_actions()}
    index_response = client.get("/ar/commitments/")
    assert index_response.status_code == 200
    assert "التزامنا" in index_response.content.decode()


def test_index_groups_plans_by_country_with_progress(client, commitment_index, concordat):
    ie, fr = organisations_in("IE", "FR")
    make_plan(commitment_index, concordat, statuses=["done", "done"], organisation=ie)
    make_plan(
        commitment_index,
        concordat,
        statuses=["in_progress", "planned"],
        dues=[datetime.date(2026, 1, 1)],
        organisation=fr,
    )
    response = client.get("/en/commitments/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("France") < html.index("Ireland")  # grouped, by country
    assert "2 of 2 actions done" in html
    assert "0 of 2 actions done" in html
    assert "1 overdue" in html


def test_facets_filter_without_javascript(client, commitment_index, concordat):
    ie, fr, de = organisations_in("IE", "FR", "DE")
    make_plan(commitment_index, concordat, statuses=["done"], organisation=ie, title="Irish plan")
    make_plan(
        commitment_index,
        concordat,
        statuses=["planned"],
        dues=[datetime.date(2026, 1, 1)],
        organisation=fr,
        title="French plan",
    )
    make_plan(
        commitment_index, concordat, statuses=["planned"], organisation=de, title="German plan"
    )
    page = client.get("/en/commitments/").content.decode()
    # A plain GET form with checkboxes: it works with scripts off.
    assert '<form class="filters" method="get"' in page
    assert 'name="country" value="FR"' in page
    assert 'name="progress" value="overdue"' in page
    by_country = client.get("/en/commitments/?country=FR&country=IE").content.decode()
    assert "French plan" in by_country and "Irish plan" in by_country
    assert "German plan" not in by_country
    overdue = client.get("/en/commitments/?progress=overdue").content.decode()
    assert "French plan" in overdue
    assert "Irish plan" not in overdue and "German plan" not in overdue
    done = client.get("/en/commitments/?progress=done&country=DE").content.decode()
    assert "No commitments match these filters." in done
    # An unknown value is ignored, never an error.
    assert client.get("/en/commitments/?country=XX&progress=nope").status_code == 200


@pytest.mark.parametrize(
    ("statuses", "dues", "review", "state"),
    [
        (["planned", "planned"], [], datetime.date(2027, 1, 1), progress.NOT_STARTED),
        (["done", "planned"], [], datetime.date(2027, 1, 1), progress.ON_TRACK),
        (
            ["in_progress"],
            [datetime.date(2026, 11, 1)],
            datetime.date(2027, 1, 1),
            progress.OVERDUE,
        ),
        (["in_progress"], [], datetime.date(2026, 11, 1), progress.REVIEW_DUE),
        (["done", "done"], [], datetime.date(2026, 11, 1), progress.DONE),
    ],
)
def test_plan_states_agree_in_python_and_in_the_database(
    commitment_index, concordat, statuses, dues, review, state
):
    plan = make_plan(commitment_index, concordat, statuses=statuses, dues=dues, review_date=review)
    assert plan.progress(TODAY)["state"] == state
    annotated = CommitmentPage.objects.with_progress(TODAY).get(pk=plan.pk)
    assert annotated.plan_state == state


def test_tracked_actions_follow_the_protocol(commitment_index, concordat):
    org = PartnerOrganisationFactory(name="Mind Matters", slug="mind-matters")
    plan = make_plan(commitment_index, concordat, organisation=org)
    action = CommitmentAction.objects.create(
        page=plan,
        action="Train 40 school nurses in mental health first aid",
        lead="Schools team",
        status="in_progress",
        due=datetime.date(2027, 2, 1),
        evidence_url="https://example.org/report",
    )
    CommitmentAction.objects.create(page=plan, action="Publish the plan")
    items = plan.tracked_actions()
    assert items[0] == {
        "key": f"commitments.commitmentaction:{action.translation_key}",
        "action": "Train 40 school nurses in mental health first aid",
        "organisation": org,
        "lead": "Schools team",
        "status": "in_progress",
        "due": datetime.date(2027, 2, 1),
        "evidence_url": "https://example.org/report",
    }
    assert items[1]["lead"] == "" and items[1]["due"] is None and items[1]["evidence_url"] == ""
    assert items[1]["status"] == "planned"


def test_validation_messages(commitment_index, concordat):
    plan = make_plan(commitment_index, concordat)
    plan.review_date = plan.signed_on
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "The review date must be after the day it was signed." in str(error.value)
    plan.review_date = datetime.date(2027, 6, 1)
    plan.signed_on = datetime.date(2027, 1, 1)
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "cannot be in the future" in str(error.value)


def test_campaign_must_take_organisation_signatures(commitment_index, concordat):
    no_pledge = CampaignPage.objects.get(pk=concordat.pk)
    no_pledge.pledge_statement = ""
    no_pledge.save()
    plan = CommitmentPageFactory.build(campaign=no_pledge)
    with pytest.raises(ValidationError) as error:
        plan.clean()
    assert "no commitment organisations can sign" in str(error.value)


def test_one_plan_per_organisation_and_campaign(commitment_index, concordat):
    first = make_plan(commitment_index, concordat)
    second = CommitmentPageFactory.build(
        campaign=concordat, organisation=first.organisation, slug="again", locale=first.locale
    )
    with pytest.raises(ValidationError) as error:
        second.clean()
    assert "already has a commitment page for this campaign" in str(error.value)


def test_action_and_update_dates_are_checked(commitment_index, concordat):
    plan = make_plan(commitment_index, concordat)
    early = CommitmentAction(page=plan, action="x", due=datetime.date(2025, 1, 1))
    with pytest.raises(ValidationError) as error:
        early.clean()
    assert "cannot be before the organisation signed" in str(error.value)
    future = CommitmentUpdate(page=plan, text="x", date=datetime.date(2027, 1, 1))
    with pytest.raises(ValidationError) as error:
        future.clean()
    assert "cannot be dated in the future" in str(error.value)


def test_campaign_page_lists_signatories_by_country(client, commitment_index, concordat):
    ie, fr = organisations_in("IE", "FR")
    make_plan(commitment_index, concordat, organisation=ie)
    make_plan(commitment_index, concordat, organisation=fr)
    html = client.get(f"/en/campaigns/{concordat.slug}/").content.decode()
    assert "Organisations that signed the commitment" in html
    assert html.index("France") < html.index("Ireland")
    assert f'href="/en/commitments/{ie.slug}/"' in html
    assert f'href="/en/commitments/{fr.slug}/"' in html


def test_search_finds_plans_by_their_actions(client, commitment_index, concordat):
    plan = make_plan(commitment_index, concordat, title="Concordat plan")
    CommitmentAction.objects.create(page=plan, action="Run peer-support cafés", locale=plan.locale)
    plan.save_revision().publish()
    response = client.get("/en/search/?q=concordat")
    assert response.status_code == 200
    assert "Concordat plan" in response.content.decode()


def test_factories_build_valid_objects(commitment_index, concordat):
    commitment_index.full_clean()
    plan = CommitmentPageFactory(parent=commitment_index, campaign=concordat)
    plan.full_clean()
    assert plan.live
    action = CommitmentActionFactory(page=plan)
    action.full_clean()
    assert action.locale_id == plan.locale_id  # taken from the page


def test_publishing_a_change_renews_the_listing(client, commitment_index, concordat):
    plan = make_plan(commitment_index, concordat, statuses=["in_progress"])
    assert "0 of 1 action done" in client.get("/en/commitments/").content.decode()
    draft = CommitmentPage.objects.get(pk=plan.pk)
    revision_actions = list(draft.actions.all())
    revision_actions[0].status = "done"
    draft.actions = revision_actions
    draft.save_revision().publish()
    html = client.get("/en/commitments/").content.decode()
    assert "1 of 1 action done" in html
    assert "1 of 1 action done" in client.get(f"/en/commitments/{plan.slug}/").content.decode()


def test_plans_are_in_the_sitemap(client, commitment_index, concordat):
    plan = make_plan(commitment_index, concordat)
    xml = client.get("/sitemap-commitments-en.xml").content.decode()
    assert f"/en/commitments/{plan.slug}/" in xml
    assert "/en/commitments/</loc>" in xml


def test_index_orders_countries_by_their_name_in_the_readers_language(
    client, translated_home, locales, concordat
):
    index = translated_home["en"].add_child(
        instance=CommitmentIndexPage(title="Commitments", slug="commitments")
    )
    index.save_revision().publish()
    index.copy_for_translation(locales["fr"]).save_revision().publish()
    for organisation in organisations_in("ES", "GR", "DE"):
        make_plan(index, concordat, statuses=["planned"], organisation=organisation)

    def order(html, names):
        results = html[html.index('id="results"') :]  # after the facets, which list them too
        return sorted(names, key=results.index)

    english = client.get("/en/commitments/").content.decode()
    # By name, not by code (DE, ES, GR).
    assert order(english, ["Germany", "Spain", "Greece"]) == ["Germany", "Greece", "Spain"]
    french = client.get("/fr/commitments/").content.decode()
    assert order(french, ["Allemagne", "Grèce", "Espagne"]) == ["Allemagne", "Espagne", "Grèce"]
