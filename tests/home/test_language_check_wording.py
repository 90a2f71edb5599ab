"""What the admin says a high-severity language finding does matches what it does since the
check stopped waiting for a moderator: the page goes back to its editor (a translation to its
translator) as "changes requested", to reword and resubmit, unless a moderator accepts the
finding. In the rule form, the severity choices, the editor's panel and the check's comment,
in English and in French; the old wording is gone from the code and all nine catalogues."""

import html
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.users.models import UserProfile

from home.language_check.models import LanguageCheckTaskState
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh

world = factories.world

ROOT = Path(__file__).resolve().parents[2]
LABEL = CONTENT_TYPES[0][0]
BAD_EN = "He committed suicide last year, his family said."
# The sentences that said a moderator must look at a page the check stopped.
OLD_WORDING = [
    "a moderator must look at the page",
    "High: must be fixed or accepted by a moderator before review",
    "stop the automatic check until you change the wording",
    "Change it (the editor's language check panel suggests",
]
SAID = {
    "en": {
        "help": "A high one also sends the page back to its editor (or a translation to its "
        "translator) as “changes requested” when it is submitted",
        "choice": "High: sends the page back to its editor, unless a moderator accepts it",
        "panel": "Findings marked “high” send the page back to you as “changes requested”",
    },
    "fr": {
        "help": "Un signalement élevé renvoie aussi la page à son rédacteur (ou une traduction "
        "à son traducteur) avec « modifications demandées »",
        "choice": "Élevée : renvoie la page à son rédacteur, sauf si l'équipe de modération "
        "l'accepte",
        "panel": "Les signalements « élevée » vous renvoient la page avec « modifications "
        "demandées »",
    },
}


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def text_of(response):
    """The page's text with entities and line breaks as a reader sees them."""
    return " ".join(html.unescape(response.content.decode()).split())


def test_the_old_wording_is_gone_from_the_code_and_every_catalogue():
    sources = [
        *ROOT.joinpath("home").rglob("*.py"),
        *ROOT.joinpath("templates").rglob("*.html"),
        *ROOT.joinpath("site", "locale").rglob("django.po"),
    ]
    assert len([p for p in sources if p.name == "django.po"]) == 9
    found = [
        f"{path.relative_to(ROOT)}: {old}"
        for path in sources
        if "migrations" not in path.parts
        for old in OLD_WORDING
        if old in " ".join(path.read_text().replace('"\n"', "").split())
    ]
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_rule_form_says_what_a_high_finding_does(world, client, language):
    speaks(world.admin, language)
    client.force_login(world.admin)
    page = text_of(client.get(reverse("wagtailsnippets_home_languagerule:add")))
    assert SAID[language]["help"] in page
    assert SAID[language]["choice"] in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_editor_panel_and_the_checks_comment_say_the_page_comes_back(world, client, language):
    page = fresh(world.pages_a[LABEL])
    page.summary = BAD_EN
    page.save_revision(user=world.editor_a)
    state = page.get_workflow().start(page, world.editor_a)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    speaks(world.editor_a, language)
    client.force_login(world.editor_a)
    shown = text_of(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert SAID[language]["panel"] in shown
    check = LanguageCheckTaskState.objects.get(
        workflow_state=state, status=TaskState.STATUS_REJECTED
    )
    comment = {"en": "The language check sent it back to its editor.", "fr": "La vérification"}
    assert comment[language] in shown
    assert "save a draft" not in check.get_comment()
