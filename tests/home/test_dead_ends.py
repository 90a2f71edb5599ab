"""No dead ends: for each workflow, each state a page can be in and each role, what the
person sees when they open the page in the admin (the editor, or a refusal), which actions
the editor offers them, and what the "What next" panel tells them (home.cocreation.next_step).

Every cell is in the table below. Beyond it, one rule holds for every cell: whoever can open
the editor is either offered a way forward or told who acts next.
"""

import re

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from home.cocreation.roles import setup_roles
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh, translate
from tests.sharing import shared_fixture
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

world = factories.world  # the shared co-creation fixture

LABEL = CONTENT_TYPES[0][0]
BAD_EN = "He committed suicide last year, his family said."
BAD_FR = "Il a commis un suicide l'an dernier."
USERS = {
    "editor": "editor_a",  # an editor of the page's organisation
    "other_editor": "editor_b",  # an editor of another organisation
    "lead": "lead_a",  # a lead of the page's organisation
    "translator": "translator",  # translates into French
    "reviewer": "reviewer_fr",  # reviews French translations
    "moderator": "moderator",
    "story_moderator": "story_moderator",
    "ple": "contributor",  # a PLE contributor, who wrote the story
    "superuser": "admin",
}


@shared_fixture
def dead_ends_world(world):
    w = world
    w.editor_b = factories.make_user("editorb")
    w.org_b.add_editor(w.editor_b)
    w.story_index = StoryIndexPageFactory(parent=w.home)
    setup_roles()  # the story workflow and the PLE contributors' rights on the new index
    w.french = translate(w.pages_a[LABEL], w.locales["fr"])
    w.story = StoryPageFactory(parent=w.story_index, owner=w.contributor, live=False)
    return w


# The page of each workflow and who submits it


def _campaign(w):
    return w.pages_a[LABEL], w.editor_a


def _translation(w):
    return w.french, w.translator


def _story(w):
    return w.story, w.contributor


PAGES = {"campaign": _campaign, "translation": _translation, "story": _story}


def submit(page, user, text=None):
    page = fresh(page)
    if text is not None:
        page.summary = text
    page.save_revision(user=user)
    state = page.get_workflow().start(page, user)
    state.refresh_from_db()
    return state


def decide(state, user, action, comment=""):
    task_state = state.current_task_state.specific
    getattr(task_state, action)(user=user, comment=comment)
    state.refresh_from_db()
    return state


def build(w, workflow, name):
    """Bring the workflow's page to the state ``name``; return the page."""
    page, author = PAGES[workflow](w)
    reviewer = {"campaign": w.lead_a, "translation": w.reviewer_fr, "story": w.story_moderator}[
        workflow
    ]
    bad = BAD_FR if workflow == "translation" else BAD_EN
    if name == "draft":
        fresh(page).save_revision(user=author)
    elif name == "first_review":
        submit(page, author)
    elif name == "second_review":
        decide(submit(page, author), reviewer, "approve")
    elif name == "sent_back_by_check":
        assert submit(page, author, bad).status == WorkflowState.STATUS_NEEDS_CHANGES
    elif name == "changes_requested":
        decide(submit(page, author), reviewer, "reject", "Please add the venue's address.")
    elif name == "published":
        state = submit(page, author)
        while state.status == WorkflowState.STATUS_IN_PROGRESS:
            task = state.current_task_state.task.specific
            approver = reviewer if task.get_actions(page, reviewer) else w.moderator
            decide(state, approver, "approve")
        assert fresh(page).live
    elif name == "cancelled":
        submit(page, author).cancel(user=author)
    else:
        raise AssertionError(name)
    return fresh(page)


DENIED = "denied"
ACTION_MARKERS = {
    "submit": 'name="action-submit"',
    "approve": 'data-workflow-action-name="approve"',
    "reject": 'data-workflow-action-name="reject"',
    "cancel": 'name="action-cancel-workflow"',
    "publish": 'name="action-publish"',
}


def observe(client, page, user):
    """(what opens, the actions offered, the "What next" situation) for ``user``."""
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if response.status_code != 200:
        return DENIED, "", None
    html = response.content.decode()
    if (
        "editTranslation" in html
        or "wagtail-localize" in html
        and 'id="page-edit-form"' not in html
    ):
        opened = "translation_editor"
    else:
        opened = "editor"
    actions = " ".join(name for name, marker in ACTION_MARKERS.items() if marker in html)
    key = re.search(r'data-next-step="(\w+)"', html)
    return opened, actions, key.group(1) if key else None


# What each role finds, per workflow and state: "<actions offered> > <What next situation>"
# for whoever can open the editor; a role left out is refused the editor (it is not their
# page: they never see it to act on). Actions: submit (Submit/Resubmit to …), approve and
# reject (Request changes, with a comment), cancel (Cancel workflow), publish.
# Situations: see home.cocreation.next_step.
# fmt: off
TABLE = {
    ("campaign", "draft"): {
        "editor": "submit > submit",
        "lead": "submit > submit",
        "moderator": "submit publish > publish",
        "superuser": "submit publish > publish",
    },
    ("campaign", "first_review"): {
        "editor": "cancel > wait",
        "lead": "approve reject cancel > review",
        "moderator": "publish > wait",
        "superuser": "approve reject cancel publish > review",
    },
    ("campaign", "second_review"): {
        "editor": "cancel > wait",
        "lead": "> wait",
        "moderator": "approve reject cancel publish > review",
        "superuser": "approve reject cancel publish > review",
    },
    ("campaign", "sent_back_by_check"): {
        "editor": "submit cancel > resubmit",
        "lead": "submit > resubmit",
        "moderator": "submit publish > resubmit",
        "superuser": "submit publish > resubmit",
    },
    ("campaign", "changes_requested"): {
        "editor": "submit cancel > resubmit",
        "lead": "submit > resubmit",
        "moderator": "submit publish > resubmit",
        "superuser": "submit publish > resubmit",
    },
    ("campaign", "published"): {
        "editor": "submit > submit",
        "lead": "submit > submit",
        "moderator": "submit publish > publish",
        "superuser": "submit publish > publish",
    },
    ("campaign", "cancelled"): {
        "editor": "submit > submit",
        "lead": "submit > submit",
        "moderator": "submit publish > publish",
        "superuser": "submit publish > publish",
    },
    ("translation", "draft"): {
        "editor": "submit > submit",
        "lead": "submit > submit",
        "translator": "submit > submit",
        "moderator": "submit publish > publish",
        "superuser": "submit publish > publish",
    },
    ("translation", "first_review"): {
        "editor": "> wait",
        "lead": "> wait",
        "translator": "cancel > wait",
        "reviewer": "approve reject cancel > review",
        "moderator": "approve reject cancel publish > review",
        "superuser": "approve reject cancel publish > review",
    },
    ("translation", "sent_back_by_check"): {
        "editor": "submit > resubmit",
        "lead": "submit > resubmit",
        "translator": "submit cancel > resubmit",
        "moderator": "submit publish > resubmit",
        "superuser": "submit publish > resubmit",
    },
    ("translation", "changes_requested"): {
        "editor": "submit > resubmit",
        "lead": "submit > resubmit",
        "translator": "submit cancel > resubmit",
        "moderator": "submit publish > resubmit",
        "superuser": "submit publish > resubmit",
    },
    ("translation", "published"): {
        "editor": "submit > submit",
        "lead": "submit > submit",
        "translator": "submit > submit",
        "moderator": "submit publish > publish",
        "superuser": "submit publish > publish",
    },
    ("translation", "cancelled"): {
        "editor": "submit > submit",
        "lead": "submit > submit",
        "translator": "submit > submit",
        "moderator": "submit publish > publish",
        "superuser": "submit publish > publish",
    },
    ("story", "draft"): {
        "moderator": "submit publish > publish",
        "story_moderator": "submit publish > publish",
        "ple": "submit > submit",
        "superuser": "submit publish > publish",
    },
    ("story", "first_review"): {
        "moderator": "> wait",
        "story_moderator": "approve reject cancel publish > review",
        "ple": "cancel > wait",
        "superuser": "approve reject cancel publish > review",
    },
    ("story", "second_review"): {
        "moderator": "approve reject cancel publish > review",
        "story_moderator": "> wait",
        "ple": "cancel > wait",
        "superuser": "approve reject cancel publish > review",
    },
    ("story", "changes_requested"): {
        "moderator": "submit publish > resubmit",
        "story_moderator": "submit publish > resubmit",
        "ple": "submit cancel > resubmit",
        "superuser": "submit publish > resubmit",
    },
    ("story", "published"): {
        "moderator": "submit publish > publish",
        "story_moderator": "submit publish > publish",
        "ple": "submit > submit",
        "superuser": "submit publish > publish",
    },
    ("story", "cancelled"): {
        "moderator": "submit publish > publish",
        "story_moderator": "submit publish > publish",
        "ple": "submit > submit",
        "superuser": "submit publish > publish",
    },
}
# fmt: on


@pytest.mark.django_db
@pytest.mark.parametrize(("workflow", "state"), list(TABLE), ids=["-".join(key) for key in TABLE])
def test_what_each_role_sees_can_do_and_is_told(dead_ends_world, client, workflow, state):
    """One page state, every role (built once per state: the roles only look)."""
    w = dead_ends_world
    page = build(w, workflow, state)
    found = {}
    for role, attribute in USERS.items():
        opened, actions, key = observe(client, page, getattr(w, attribute))
        if opened == DENIED:
            continue
        assert opened == "editor", role
        found[role] = f"{actions} > {key}".strip()
        # No dead end: a way forward, or told who acts next.
        assert actions or key == "wait", role
    expected = {role: cell.strip() for role, cell in TABLE[(workflow, state)].items()}
    assert found == expected


@pytest.mark.django_db
def test_every_state_of_every_workflow_is_in_the_table():
    states = {workflow: [s for (wf, s) in TABLE if wf == workflow] for workflow in PAGES}
    assert states["campaign"] == [
        "draft", "first_review", "second_review", "sent_back_by_check", "changes_requested",
        "published", "cancelled",
    ]  # fmt: skip
    assert "sent_back_by_check" in states["translation"]
    assert {"first_review", "second_review", "changes_requested"} <= set(states["story"])


def next_step_text(client, page, user):
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    start = html.index("data-next-step=")
    return html[start : html.index("</div>", start)]


@pytest.mark.django_db
def test_the_editor_sees_the_leads_comment_and_how_to_resubmit(dead_ends_world, client):
    w = dead_ends_world
    page = build(w, "campaign", "changes_requested")
    text = next_step_text(client, page, w.editor_a)
    assert "Please add the venue&#x27;s address." in text
    assert "Lead wrote:" in text
    assert "Resubmit to Partner lead review" in text


@pytest.mark.django_db
def test_a_page_sent_back_by_the_check_says_what_to_change_and_whom_to_ask(dead_ends_world, client):
    w = dead_ends_world
    page = build(w, "campaign", "sent_back_by_check")
    text = next_step_text(client, page, w.editor_a)
    assert "“committed suicide”" in text
    assert "Resubmit to Language &amp; safe-messaging check" in text
    assert "ask a moderator (Moderator)" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("workflow", "state", "role", "named"),
    [
        ("campaign", "first_review", "editor", "taken by Lead."),
        ("campaign", "first_review", "moderator", "taken by Lead."),
        ("campaign", "second_review", "lead", "the moderators (Moderator)"),
        ("translation", "first_review", "translator", "Moderator and Reviewerfr"),
        ("story", "first_review", "ple", "the story moderators (Storymod)"),
    ],
)
def test_who_waits_is_told_who_acts_next(dead_ends_world, client, workflow, state, role, named):
    w = dead_ends_world
    page = build(w, workflow, state)
    assert named in next_step_text(client, page, getattr(w, USERS[role]))


@pytest.mark.django_db
def test_the_submitter_waiting_is_told_how_to_take_the_page_back(dead_ends_world, client):
    w = dead_ends_world
    page = build(w, "campaign", "first_review")
    assert "Cancel workflow" in next_step_text(client, page, w.editor_a)
    assert "Cancel workflow" not in next_step_text(client, page, w.editor_a2)


@pytest.mark.django_db
def test_a_translator_resubmits_a_translation_sent_back(dead_ends_world, client):
    """The translation editor's "Submit translation for review" resumes the workflow that
    asked for changes (starting a second one failed while it was open)."""
    w = dead_ends_world
    page = build(w, "translation", "sent_back_by_check")
    reworded = fresh(page)
    reworded.summary = "Il est mort par suicide l'an dernier."
    reworded.save_revision(user=w.translator)
    client.force_login(w.translator)
    response = client.post(reverse("openly_submit_translation_review", args=[page.pk]))
    assert response.status_code == 302
    state = fresh(page).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name.startswith("Translation review")
