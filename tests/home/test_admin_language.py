"""The admin speaks its user's language: each role, with French (and German) chosen as
their admin language, walks the screens Openly adds or changes (dashboard and its panels,
the editor of each Openly page type with its panels, workflow history, reports, snippets,
settings) and no English string of Openly's shows. A screen also loads nothing from
another site (no avatar from a third party, no font or script from a CDN).

English is found three ways: a string of Openly's catalogue shown untranslated (a workflow
or task name stored in English, a label fixed at import time), a date with English month
names (a fixed format instead of Django's localized ones), and "… ago" in English. The
content the test writes avoids every catalogue string, so only the interface can match.
"""

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
from django import forms
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.cocreation.roles import setup_roles
from home.demo import demo_content
from home.demo.demo_content import DEMO_PASSWORD, demo_users
from tests.factories import CrisisHelplineFactory, TopicFactory
from tests.home import factories
from tests.home.factories import fresh, translate
from tests.sharing import shared_fixture
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

world = factories.world

LOCALE_DIR = Path(__file__).resolve().parents[2] / "site" / "locale"
ROLES = ["admin", "moderator", "lead_a", "editor_a", "translator", "reviewer_fr", "story_moderator"]
ENGLISH_DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
    r"November|December) \d{4}\b|\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\. \d{1,2}, "
    r"\d{4}\b|\b\d+ (seconds?|minutes?|hours?|days?|weeks?) ago\b"
)


@shared_fixture
def admin_world(world):
    """The co-creation world with a page at each review step whose task names show: a
    campaign at the partner lead review, its French translation at the translation review,
    a story at the safety review; and a helpline, a topic and the site settings."""
    w = world
    w.story_index = StoryIndexPageFactory(parent=w.home)
    setup_roles()
    w.campaign = w.pages_a["campaign"]
    w.event = w.pages_a["event"]
    fresh(w.campaign).save_revision(user=w.editor_a)
    w.campaign.get_workflow().start(fresh(w.campaign), w.editor_a)
    w.french = translate(w.campaign, w.locales["fr"])
    w.french.save_revision(user=w.translator)
    w.french.get_workflow().start(fresh(w.french), w.translator)
    w.story = StoryPageFactory(parent=w.story_index, owner=w.contributor, live=False)
    fresh(w.story).save_revision(user=w.contributor)
    w.story.get_workflow().start(fresh(w.story), w.contributor)
    w.helpline = CrisisHelplineFactory(name="Linea Zeta", country="IT", hours="0-24")
    w.topic = TopicFactory(name="Zeta", slug="zeta")
    return w


def screens(w, role):
    """The admin screens ``role`` has, by name."""
    campaign, event, story = w.campaign, w.event, w.story
    shared = {
        "dashboard": reverse("wagtailadmin_home"),
        "account": reverse("wagtailadmin_account"),
    }
    editing = {
        "campaign editor": reverse("wagtailadmin_pages:edit", args=[campaign.pk]),
        "event editor": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        "new campaign": reverse(
            "wagtailadmin_pages:add",
            args=["campaigns", "campaignpage", campaign.get_parent().pk],
        ),
        "new event": reverse(
            "wagtailadmin_pages:add", args=["events", "eventpage", event.get_parent().pk]
        ),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[campaign.pk]),
        "page history": reverse("wagtailadmin_pages:history", args=[campaign.pk]),
    }
    moderating = {
        **editing,
        "story editor": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "translation editor": reverse("wagtailadmin_pages:edit", args=[w.french.pk]),
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "language findings": reverse("openly_language_findings_report"),
        "resources past review": reverse("campaigns_resources_past_review"),
        "helplines": reverse("wagtailsnippets_home_crisishelpline:list"),
        "helpline": reverse("wagtailsnippets_home_crisishelpline:edit", args=[w.helpline.pk]),
        "topics": reverse("wagtailsnippets_home_topic:list"),
        "organisations": reverse("wagtailsnippets_home_partnerorganisation:list"),
    }
    administering = {
        **moderating,
        "organisation": reverse("wagtailsnippets_home_partnerorganisation:edit", args=[w.org_a.pk]),
        "language rules": reverse("wagtailsnippets_home_languagerule:add"),
        "language assignments": reverse("wagtailsnippets_home_localeassignment:list"),
        "email deliveries": reverse("openly_mail_deliveries"),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "tasks": reverse("wagtailadmin_workflows:task_index"),
        "site settings": reverse(
            "wagtailsettings:edit", args=["home", "sitesettings", w.home.get_site().pk]
        ),
        "story contributors": reverse("story_contributors:index"),
    }
    by_role = {
        "admin": administering,
        "moderator": moderating,
        "lead_a": editing,
        "editor_a": editing,
        "translator": {"translation editor": moderating["translation editor"]},
        "reviewer_fr": {"translation editor": moderating["translation editor"]},
        "story_moderator": {
            "story editor": moderating["story editor"],
            "story contributors": reverse("story_contributors:index"),
        },
    }
    return {**shared, **by_role[role]}


class Reader(HTMLParser):
    """What a person reads on a page (text and the attributes said or shown to them) and
    what the browser loads from elsewhere."""

    SPOKEN = ("title", "placeholder", "aria-label", "alt", "data-w-tooltip-content-value")
    LOADED = {"script": "src", "img": "src", "link": "href", "iframe": "src", "source": "src"}

    def __init__(self):
        super().__init__()
        self.texts, self.loaded, self._hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "textarea"):
            self._hidden += 1
        self.texts.extend(attrs[name] for name in self.SPOKEN if attrs.get(name))
        # A link loads something when it is a style sheet, a preload or an icon.
        rel = attrs.get("rel") or ""
        loads = tag != "link" or any(word in rel for word in ("stylesheet", "preload", "icon"))
        if tag in self.LOADED and attrs.get(self.LOADED[tag]) and loads:
            self.loaded.append(attrs[self.LOADED[tag]])
        if tag == "img" and attrs.get("srcset"):
            self.loaded.extend(part.split()[0] for part in attrs["srcset"].split(","))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "textarea"):
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(" ".join(data.split()))


@functools.cache
def catalogue_english(code):
    """Openly's English strings whose translation into ``code`` differs: whole strings
    (a label shown alone) and longer phrases (quoted inside a sentence). Read once per
    language: every screen of every role is compared with the same catalogue."""
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    strings = {e.msgid for e in po if e.msgstr and e.msgstr != e.msgid and "%" not in e.msgid}
    strings = {s for s in strings if "{" not in s and "\n" not in s and len(s) > 3}
    phrases = {s for s in strings if len(s.split()) >= 3}
    return frozenset(strings), frozenset(phrases)


def content_names():
    """Titles of the test's pages and names of its users: content, which may well be
    English words that are also in the catalogue ("Campaigns", "Contributor")."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    users = get_user_model().objects.all()
    return {*Page.objects.values_list("title", flat=True), *(u.get_full_name() for u in users)}


def english_on(html, code):
    strings, phrases = catalogue_english(code)
    strings -= content_names()
    reader = Reader()
    reader.feed(html)
    # The sidebar's labels come as JSON for its script.
    menu = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    texts = reader.texts + re.findall(r'"label": "([^"\\]*)"', menu.group(1) if menu else "")
    found = set()
    for text in texts:
        if text in strings:
            found.add(text)
        found.update(phrase for phrase in phrases if phrase in text and phrase != text)
        if ENGLISH_DATE.search(text):
            found.add(text)
    # A date may also sit in data the page's scripts read.
    found.update(match.group(0) for match in ENGLISH_DATE.finditer(html))
    return found


def off_site(html):
    reader = Reader()
    reader.feed(html)
    return [url for url in reader.loaded if urlsplit(url).netloc not in ("", "testserver")]


def in_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["fr", "de"])
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reads_the_admin_in_its_language(client, admin_world, role, code):
    user = getattr(admin_world, role)
    in_language(user, code)
    client.force_login(user)
    english, elsewhere = {}, {}
    for name, url in screens(admin_world, role).items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        html = response.content.decode()
        if found := english_on(html, code):
            english[name] = sorted(found)
        if loaded := off_site(html):
            elsewhere[name] = loaded
    assert not english, f"English in the {code} admin of {role}: {english}"
    assert not elsewhere, f"loaded from other sites: {elsewhere}"


@pytest.mark.django_db
def test_task_names_are_translated_everywhere_they_show(client, admin_world):
    """The lead's dashboard and the page's status name the step in French; the database
    and the audit log keep the English name, by which the set-up finds it again."""
    from wagtail.models import Task

    in_language(admin_world.lead_a, "fr")
    client.force_login(admin_world.lead_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Relecture par les responsables partenaires" in html
    assert "Partner lead review" not in html
    html = client.get(
        reverse("wagtailadmin_pages:workflow_history", args=[admin_world.campaign.pk])
    ).content.decode()
    assert "Contenu de campagne" in html
    assert Task.objects.filter(name="Partner lead review").exists()


@pytest.mark.django_db
def test_a_task_saved_from_the_french_editor_keeps_its_english_name(client, admin_world):
    from wagtail.models import Task

    task = Task.objects.get(name="Partner lead review")
    in_language(admin_world.admin, "fr")
    client.force_login(admin_world.admin)
    url = reverse("wagtailadmin_workflows:edit_task", args=[task.pk])
    form = client.get(url).context["form"]
    assert form["name"].value() == "Partner lead review"
    assert "Relecture par les responsables partenaires" in client.get(url).content.decode()
    response = client.post(url, {"name": "Relecture par les responsables partenaires"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.name == "Partner lead review"


@pytest.mark.django_db
def test_a_refusal_is_worded_in_the_admin_language(client, admin_world):
    """Wagtail words its refusal outside the view, where its own switch to the user's
    language no longer holds (home.admin_language)."""
    in_language(admin_world.editor_a, "fr")
    client.force_login(admin_world.editor_a)
    other = admin_world.pages_b["event"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]), follow=True)
    html = response.content.decode()
    assert "Sorry, you do not have permission" not in html
    assert "Désolé" in html


class Demo:
    def say(self, message):
        pass


@pytest.mark.django_db
def test_demo_users_have_full_names_and_can_change_their_language(client, locales):
    """Wagtail's account form asks for a first and a last name: without a last name no
    preference could be saved."""
    for fields in demo_users():
        assert fields["first_name"] and fields["last_name"], fields["username"]
    demo_content._users(Demo())
    for fields in demo_users():
        assert client.login(username=fields["username"], password=DEMO_PASSWORD)
        url = reverse("wagtailadmin_account")
        response = client.get(url)
        if response.status_code != 200:  # PLE contributors without admin access
            continue
        data = account_form_data(response)
        data["locale-preferred_language"] = "fr"
        response = client.post(url, data)
        assert response.status_code == 302, (fields["username"], form_errors(response))
        profile = UserProfile.objects.get(user__username=fields["username"])
        assert profile.preferred_language == "fr"
        client.logout()


def account_form_data(response):
    """The account page's forms as the browser would post them unchanged."""
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            for field in panel.get_form():
                if isinstance(field.field, forms.FileField):
                    continue  # no new avatar
                value = field.value()
                if value is True:
                    data[field.html_name] = "on"
                elif value not in (None, False):
                    data[field.html_name] = value
    return data


def form_errors(response):
    context = getattr(response, "context", None) or {}
    return {
        panel.name: panel.get_form().errors
        for panels in context.get("panels_by_tab", {}).values()
        for panel in panels
    }


@pytest.mark.django_db
def test_review_emails_name_the_step_in_each_reviewers_language(admin_world, mailoutbox):
    """The lead who reads the admin in French is written to in French, the step's name
    included (home.cocreation.workflows.notify)."""
    in_language(admin_world.lead_a, "fr")
    event = fresh(admin_world.event)
    event.save_revision(user=admin_world.editor_a)
    event.get_workflow().start(event, admin_world.editor_a)
    to_lead = [m for m in mailoutbox if admin_world.lead_a.email in m.to]
    assert len(to_lead) == 1
    assert "Relecture par les responsables partenaires" in to_lead[0].body
    assert "Partner lead review" not in to_lead[0].body


@pytest.mark.django_db
def test_story_review_notices_are_written_in_each_reviewers_language(admin_world, mailoutbox):
    from campaigns.stories.notifications import notify_reviewers

    english = factories.make_user("storymod2", [factories.STORY_MODERATORS])
    in_language(admin_world.story_moderator, "fr")
    task = admin_world.story.current_workflow_state.current_task_state.task
    assert notify_reviewers(admin_world.story.pk, task.pk)
    by_address = {address: message for message in mailoutbox for address in message.to}
    french = by_address[admin_world.story_moderator.email]
    assert french.subject == "Un nouveau témoignage attend une relecture"
    assert "Relecture de sécurité du témoignage" in french.body
    assert english.email not in french.to
    assert by_address[english.email].subject == "A new story is waiting for review"
    assert "Story safety review" in by_address[english.email].body
