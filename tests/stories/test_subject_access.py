"""Subject access: a contributor downloads everything held about them from their status
page (only with the private session), a story moderator exports or erases a contributor's
data in the admin; nobody else may, each use is in the audit log, and nothing of anyone
else is in the file."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ModelLogEntry

from campaigns.stories import lifecycle, relink
from campaigns.stories.constants import (
    DATA_DOWNLOAD_ACTION,
    DATA_ERASE_ACTION,
    DATA_EXPORT_ACTION,
    ContributorState,
)
from campaigns.stories.models import ContributorRecord, StoryPage
from home.cocreation.roles import (
    MODERATORS,
    PARTNER_EDITORS,
    PARTNER_LEADS,
    PLE_CONTRIBUTORS,
    STORY_MODERATORS,
    TRANSLATORS,
)
from home.mail.models import Delivery
from tests.stories.conftest import (
    CONTRIBUTOR_EMAIL,
    STATUS_PAGE,
    form_data,
    old_form_state,
    open_link,
)

pytestmark = pytest.mark.django_db

DATA_URL = "/en/stories/status/data/"
OTHER_EMAIL = "someone.else@example.invalid"
OTHER_TITLE = "The winter I stopped hiding"
OTHER_BODY = "Nobody at work knew until I told my manager, and she simply listened to me."
MODERATOR_EMAIL = "story.moderator@example.invalid"
FORBIDDEN_ROLES = [PARTNER_EDITORS, PARTNER_LEADS, TRANSLATORS, PLE_CONTRIBUTORS, MODERATORS]


@pytest.fixture
def queued_mail(settings):
    """Every email goes through the durable queue, so each has a Delivery."""
    settings.EMAIL_BACKEND = "home.mail.backend.QueuedEmailBackend"
    settings.OPENLY_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
    settings.OPENLY_EMAIL_SEND_AT_ONCE = True


@pytest.fixture
def other(roles, submitted, django_capture_on_commit_callbacks):
    """A second contributor's story, sent from another browser; returns (record, link)."""
    state, token = old_form_state()
    data = form_data(
        form_state=state,
        title=OTHER_TITLE,
        body=OTHER_BODY,
        email=OTHER_EMAIL,
        display_name="Oksana",
        age_range="45-54",
        country="UA",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/en/stories/share/", data)
    assert response.status_code == 303
    record = ContributorRecord.objects.exclude(pk=submitted[1].pk).get()
    return record, f"/en/stories/status/{token}/"


def user_in(group_name, roles, name=None):
    name = name or group_name.lower().replace(" ", "_")
    user = get_user_model().objects.create_user(name, f"{name}@example.invalid", "pw")
    user.groups.add(roles[group_name])
    return user


def download(client):
    response = client.post(DATA_URL)
    assert response.status_code == 200, response.status_code
    return response, json.loads(response.content.decode("utf-8"))


def assert_private_json_download(response):
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".json" in response["Content-Disposition"]
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response["X-Robots-Tag"].startswith("noindex")


def assert_no_personal_data(entry):
    text = entry.label + entry.message + json.dumps(entry.data)
    for secret in [CONTRIBUTOR_EMAIL, OTHER_EMAIL, "Learning to ask for help", "Mira"]:
        assert secret not in text


# --- The contributor's download -----------------------------------------------------------


def test_the_status_page_offers_the_download(client, submitted):
    _story, _record, link = submitted
    open_link(client, link)
    html = client.get(STATUS_PAGE).content.decode()
    assert f'action="{DATA_URL}"' in html
    assert "Download my data" in html


def test_download_needs_the_private_session(client, submitted, other):
    _story, record, link = submitted
    refused = client.post(DATA_URL)
    assert refused.status_code == 403
    assert "no-store" in refused["Cache-Control"]
    assert refused["Content-Type"].startswith("text/html")
    assert CONTRIBUTOR_EMAIL not in refused.content.decode()
    # A GET, even with the session, gives no file: the download is the form's POST.
    open_link(client, link)
    again = client.get(DATA_URL)
    assert again.status_code == 303 and again["Location"] == STATUS_PAGE
    assert not ModelLogEntry.objects.filter(action=DATA_DOWNLOAD_ACTION).exists()


def test_download_holds_this_contributor_and_nobody_else(client, submitted, other):
    story, record, link = submitted
    open_link(client, link)
    response, data = download(client)
    assert_private_json_download(response)
    raw = response.content.decode("utf-8")
    for theirs in [OTHER_EMAIL, OTHER_TITLE, OTHER_BODY, "Oksana", "45-54", "45–54"]:
        assert theirs not in raw

    mine = data["Your record"]
    assert mine["Email address"] == CONTRIBUTOR_EMAIL
    assert mine["Language"] == "en"
    assert mine["Status"] == "Received"
    consents = {c["Consent"]: c for c in mine["Consents"]}
    assert len(consents) == 4
    for consent in consents.values():
        assert consent["Wording version"] == record.consent_version
        assert consent["Given at"] == record.consented_at.isoformat()
    assert consents["Agreed that the story is published on the site."]["Given"] is True
    assert consents["Agreed to be contacted by email about the story."]["Given"] is False
    assert mine["Shared at"] == record.submitted_at.isoformat()

    [english] = data["Your story"]
    assert english["Language"] == "en"
    assert english["Title"] == "Learning to ask for help"
    assert english["Text"].startswith("For years I thought I had to cope alone.")
    assert (english["Display name"], english["Age range"]) == ("Mira", "25–34")
    assert english["Country"] == "France"
    assert english["Picture"] == "No picture"
    assert english["Published"] is False
    [version] = english["Versions"]
    assert version["By"] == "You" and version["Approved by you"] is True
    # The token is stored nowhere readable, and is not in the file.
    assert link.rstrip("/").rsplit("/", 1)[1] not in raw


def test_topics_and_content_notes_are_named(
    client, roles, topics, django_capture_on_commit_callbacks
):
    state, token = old_form_state()
    data = form_data(form_state=state, topics=["anxiety"], content_notes=["self-harm"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/stories/share/", data).status_code == 303
    open_link(client, f"/en/stories/status/{token}/")
    _response, data = download(client)
    [story] = data["Your story"]
    assert (story["Topics"], story["Content notes"]) == (["Anxiety"], ["Self-harm"])


def test_the_other_contributor_gets_only_theirs(submitted, other):
    _other_record, other_link = other
    browser = Client()
    open_link(browser, other_link)
    response, data = download(browser)
    raw = response.content.decode("utf-8")
    assert data["Your record"]["Email address"] == OTHER_EMAIL
    assert [s["Title"] for s in data["Your story"]] == [OTHER_TITLE]
    assert CONTRIBUTOR_EMAIL not in raw and "Learning to ask for help" not in raw


def test_download_is_audited_without_personal_data(client, submitted):
    _story, record, link = submitted
    open_link(client, link)
    download(client)
    [entry] = ModelLogEntry.objects.filter(action=DATA_DOWNLOAD_ACTION)
    assert entry.object_id == str(record.pk)
    assert entry.user_id is None
    assert_no_personal_data(entry)
    # The next download lists the first one in its audit log.
    _response, data = download(client)
    assert "Data downloaded" in [e["What"] for e in data["Audit log"]]


def test_versions_say_who_without_naming_reviewers(client, submitted, roles):
    story, _record, link = submitted
    moderator = user_in(STORY_MODERATORS, roles, name="kind_reviewer")
    moderator.email = MODERATOR_EMAIL
    moderator.first_name, moderator.last_name = "Ringo", "Reviewer"
    moderator.save()
    edited = story.get_latest_revision_as_object()
    edited.body = "<p>For years I thought I had to cope alone, edited gently.</p>"
    edited.save_revision(user=moderator)
    open_link(client, link)
    response, data = download(client)
    raw = response.content.decode("utf-8")
    for reviewer in [MODERATOR_EMAIL, "kind_reviewer", "Ringo", "Reviewer"]:
        assert reviewer not in raw
    first, second = data["Your story"][0]["Versions"]
    assert (first["By"], first["Approved by you"]) == ("You", True)
    assert (second["By"], second["Approved by you"]) == ("Our team", False)
    assert second["Text"] == "For years I thought I had to cope alone, edited gently."
    # The story as it stands is the latest version.
    assert data["Your story"][0]["Text"] == second["Text"]


def test_every_language_is_in_the_file(client, submitted, translated_home):
    story, _record, link = submitted
    fr_locale = translated_home["fr"].locale
    story.get_parent().copy_for_translation(fr_locale).save_revision().publish()
    fr_story = story.copy_for_translation(fr_locale)
    fr_story.title = "Apprendre à demander de l'aide"
    fr_story.save_revision()
    open_link(client, link)
    _response, data = download(client)
    titles = {s["Language"]: s["Title"] for s in data["Your story"]}
    assert titles == {"en": "Learning to ask for help", "fr": "Apprendre à demander de l'aide"}
    fr_versions = next(s for s in data["Your story"] if s["Language"] == "fr")["Versions"]
    # A translation is our team's work, even the copy saved without a user.
    assert fr_versions and {v["By"] for v in fr_versions} == {"Our team"}


def test_emails_to_this_contributor_are_listed(
    client, roles, queued_mail, django_capture_on_commit_callbacks
):
    tokens = []
    for email in [CONTRIBUTOR_EMAIL, OTHER_EMAIL]:
        state, token = old_form_state()
        tokens.append(token)
        with django_capture_on_commit_callbacks(execute=True):
            response = Client().post("/en/stories/share/", form_data(form_state=state, email=email))
        assert response.status_code == 303
    assert Delivery.objects.filter(kind=Delivery.Kind.STATUS_LINK).count() == 2
    open_link(client, f"/en/stories/status/{tokens[0]}/")
    _response, data = download(client)
    [email] = data["Emails sent to you"]
    assert (email["Kind"], email["State"]) == ("Story status link", "Sent")
    assert email["Queued at"] and email["Finished at"]
    assert email["Attempts"] == 1


def test_new_links_and_status_updates_are_listed_too(
    client, roles, queued_mail, django_capture_on_commit_callbacks
):
    state, _token = old_form_state()
    data = form_data(form_state=state, consent_contact="on")
    with django_capture_on_commit_callbacks(execute=True):
        assert Client().post("/en/stories/share/", data).status_code == 303
    record = ContributorRecord.objects.get()
    new_tokens = []
    with django_capture_on_commit_callbacks(execute=True):
        relink.send_new_links(
            CONTRIBUTOR_EMAIL, lambda token: new_tokens.append(token) or f"http://x/{token}/"
        )
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.changes_requested(record.page_id)
    open_link(client, f"/en/stories/status/{new_tokens[0]}/")
    _response, data = download(client)
    kinds = [email["Kind"] for email in data["Emails sent to you"]]
    assert kinds == ["Story status link", "Story status link", "Story status update"]
    assert record.deliveries.count() == Delivery.objects.count() == 3


def test_a_picture_is_given_by_its_address(client, submitted):
    story, _record, link = submitted
    image = Image.objects.create(title="Picture", file=get_test_image_file())
    story.image, story.image_alt = image, "A walk by the sea"
    story.save_revision()
    open_link(client, link)
    _response, data = download(client)
    picture = data["Your story"][0]["Picture"]
    assert picture["File"].startswith("http://testserver/")
    assert picture["File"].endswith(image.file.url)
    assert picture["Description"] == "A walk by the sea"


def test_a_withdrawn_contributor_still_gets_what_is_left(client, submitted):
    _story, _record, link = submitted
    open_link(client, link)
    client.post(STATUS_PAGE, {"action": "withdraw"})
    _response, data = download(client)
    assert data["Your record"]["Email address"] is None
    assert data["Your record"]["Status"] == "Withdrawn"


# --- Story moderators in the admin --------------------------------------------------------


def export_url(record):
    return f"/admin/story_contributors/export/{record.pk}/"


def erase_url(record):
    return f"/admin/story_contributors/erase/{record.pk}/"


def test_story_moderator_exports_the_same_file(client, submitted, other, roles):
    _story, record, _link = submitted
    moderator = user_in(STORY_MODERATORS, roles)
    client.force_login(moderator)
    inspect = client.get(f"/admin/story_contributors/inspect/{record.pk}/").content.decode()
    assert export_url(record) in inspect and erase_url(record) in inspect
    listing = client.get("/admin/story_contributors/").content.decode()
    assert export_url(record) in listing
    response = client.get(export_url(record))
    assert response.status_code == 200
    assert_private_json_download(response)
    data = json.loads(response.content.decode("utf-8"))
    assert data["Your record"]["Email address"] == CONTRIBUTOR_EMAIL
    assert [s["Title"] for s in data["Your story"]] == ["Learning to ask for help"]
    assert OTHER_EMAIL not in response.content.decode("utf-8")
    [entry] = ModelLogEntry.objects.filter(action=DATA_EXPORT_ACTION)
    assert (entry.object_id, entry.user_id) == (str(record.pk), moderator.pk)
    assert_no_personal_data(entry)


def test_the_export_speaks_the_contributors_language(client, submitted, roles):
    _story, record, _link = submitted
    ContributorRecord.objects.filter(pk=record.pk).update(language="fr")
    client.force_login(user_in(STORY_MODERATORS, roles))
    data = json.loads(client.get(export_url(record)).content.decode("utf-8"))
    assert data["Your record"]["Status"] == "Reçu"
    assert data["Your story"][0]["Picture"] == "Pas de photo"


def test_story_moderator_erases_after_confirming(client, submitted, roles):
    story, record, _link = submitted
    moderator = user_in(STORY_MODERATORS, roles)
    client.force_login(moderator)
    confirm = client.get(erase_url(record))
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "The story in 1 language" in html
    assert "1 saved version of the story." in html
    assert "The email address, and the consents" in html
    assert "Yes, erase now" in html
    assert CONTRIBUTOR_EMAIL not in html
    # Looking at the confirmation erases nothing.
    record.refresh_from_db()
    assert record.email == CONTRIBUTOR_EMAIL
    assert not ModelLogEntry.objects.filter(action=DATA_ERASE_ACTION).exists()

    response = client.post(erase_url(record), follow=True)
    assert response.status_code == 200
    assert "the contributor&#x27;s data was erased" in response.content.decode()
    record = ContributorRecord.objects.filter(pk=record.pk).first()
    if record is not None:
        assert record.state == ContributorState.WITHDRAWN
        assert record.email == ""
    assert not StoryPage.objects.live().exists()
    [entry] = ModelLogEntry.objects.filter(action=DATA_ERASE_ACTION)
    assert entry.user_id == moderator.pk
    assert_no_personal_data(entry)


@pytest.mark.parametrize("group", FORBIDDEN_ROLES)
def test_other_roles_may_not_export_or_erase(client, submitted, roles, group):
    _story, record, _link = submitted
    client.force_login(user_in(group, roles))
    for url in [export_url(record), erase_url(record)]:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert CONTRIBUTOR_EMAIL not in response.content.decode()
    assert client.post(erase_url(record)).status_code in (302, 403, 404)
    # Nor a record that does not exist: the same refusal, saying nothing about ids.
    assert client.get(f"/admin/story_contributors/export/{record.pk + 99}/").status_code in (
        302,
        403,
    )
    record.refresh_from_db()
    assert (record.email, record.state) == (CONTRIBUTOR_EMAIL, ContributorState.RECEIVED)
    assert not ModelLogEntry.objects.filter(
        action__in=[DATA_EXPORT_ACTION, DATA_ERASE_ACTION]
    ).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, submitted):
    _story, record, _link = submitted
    for url in [export_url(record), erase_url(record)]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    record.refresh_from_db()
    assert record.email == CONTRIBUTOR_EMAIL
