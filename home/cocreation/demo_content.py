"""Demo of the co-creation loop, loaded after the campaign, story and event demos so their
pages exist: workflows assigned, organisation pages in every workflow state, language
findings to look at (draft and live, one accepted as justified). Idempotent: a page that
already has a workflow history or a draft is left alone."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, WorkflowState

from home.cocreation.models import PartnerOrganisation
from home.cocreation.organisations import organisation_owned_models
from home.cocreation.workflows import setup_workflows
from home.demo import DEMO_LOCALES, add_child, translate_page
from home.language_check.models import AcceptedFinding, LanguageRule
from home.models import StandardPage
from home.partners.models import PartnerPage

# Which demo users belong to which organisation (slugs from home.demo_content.PARTNERS).
MEMBERSHIPS = {
    "sante-mentale-ensemble": {"editors": ["editor"], "leads": ["lead"]},
    "stimme": {"editors": ["editor2"], "leads": ["lead2"]},
}
# (username, language code, role)
LANGUAGE_ASSIGNMENTS = [
    ("translator", "fr", "translator"),
    ("translator", "uk", "translator"),
    ("reviewer", "fr", "reviewer"),
    ("reviewer", "uk", "reviewer"),
]


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def set_up_members(demo):
    """Put the demo partner users into their organisations and give translators languages."""
    from home.cocreation.models import LocaleAssignment

    for slug, members in MEMBERSHIPS.items():
        organisation = PartnerOrganisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        for username in members["editors"]:
            if user := _user(username):
                organisation.add_editor(user)
        for username in members["leads"]:
            if user := _user(username):
                organisation.add_lead(user)
    for username, code, role in LANGUAGE_ASSIGNMENTS:
        user = _user(username)
        locale = Locale.objects.filter(language_code=code).first()
        if user and locale:
            LocaleAssignment.objects.get_or_create(user=user, locale=locale, role=role)
    demo.say("Partner editors and leads in their organisations; translators' languages set")


def _has_history(page):
    return page.has_unpublished_changes or WorkflowState.objects.for_instance(page).exists()


def _org_pages(source):
    """Live organisation pages in the source language, the demo editor's organisation's
    first, in a stable order."""
    pages = []
    for model in organisation_owned_models():
        pages.extend(model.objects.live().filter(locale=source).select_related("organisation"))
    members = set(MEMBERSHIPS)
    pages.sort(key=lambda p: (p.organisation.slug not in members, p._meta.label, p.pk))
    return pages


def _with_summary(page, extra):
    page.summary = (page.summary + " " + extra).strip()[:400]
    return page


def load(demo):
    setup_workflows()  # the content apps' index pages exist now
    set_up_members(demo)
    source = Locale.get_default()
    editor, lead, moderator = _user("editor"), _user("lead"), _user("moderator")
    pages = _org_pages(source)
    if any(_has_history(page) for page in pages):
        pages = []  # set up on an earlier run
    steps = [
        (
            "a draft with wordings to look at",
            "Many people suffer from anxiety; it is not crazy.",
            None,
        ),
        ("waiting at the partner lead review", "", "submit"),
        ("stopped by the language check", "One man committed suicide, the paper wrote.", "submit"),
        ("changes requested by the lead", "", "reject"),
        ("waiting for moderator approval", "", "approve"),
        ("approved, its changes scheduled to go live in a week", "", "schedule"),
    ]
    done = []
    for (label, extra, action), page in zip(steps, pages, strict=False):
        if extra:
            _with_summary(page, extra)
        if action == "schedule":
            page.go_live_at = timezone.now() + datetime.timedelta(days=7)
        page.save_revision(user=editor)
        if action:
            state = page.get_workflow().start(page, editor)
            state.refresh_from_db()
            task_state = state.current_task_state
            if action in ("reject", "approve", "schedule") and task_state is not None:
                reviewer = (
                    lead if lead and task_state.task.specific.is_reviewer(page, lead) else None
                )
                getattr(task_state.specific, "reject" if action == "reject" else "approve")(
                    user=reviewer,
                    comment="Please add where readers can get help." if action == "reject" else "",
                )
            if action == "schedule":
                # The moderator approves too: the changes wait for their go-live time.
                state.refresh_from_db()
                if state.current_task_state is not None:
                    state.current_task_state.specific.approve(user=moderator)
        done.append(f"{page.title} ({label})")
    if done:
        demo.say("Workflow states: " + "; ".join(done))
    _translation_in_review(demo)
    _language_guide(demo)


def _translation_in_review(demo):
    """A French translation of an organisation page, waiting for the French reviewer."""
    french = Locale.objects.filter(language_code="fr").first()
    if french is None:
        return
    # A campaign, resource or event: organisations' own pages are not what this shows.
    candidates = [
        page
        for model in organisation_owned_models()
        if model is not PartnerPage
        for page in model.objects.filter(locale=french).order_by("pk")
    ]
    if any(_has_history(page) for page in candidates):
        return  # set up on an earlier run
    for page in candidates[:1]:
        translator = _user("translator")
        page.save_revision(user=translator)
        page.get_workflow().start(page, translator)
        demo.say(f"Translation in review: {page.title} (fr)")
        return


def _language_guide(demo):
    """A live page that names stigmatising words on purpose, with the findings accepted as
    justified: it shows both the report and the acceptance."""
    about = StandardPage.objects.filter(slug="about", locale=Locale.get_default()).first()
    if about is None:
        return
    guide = add_child(
        about,
        StandardPage(
            title="Words matter: a language guide for partners",
            slug="language-guide",
            summary="Which words hurt, and what to write instead.",
            body=[
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Headlines still call people “psychos” or say someone "
                        "“committed suicide”. Write “died by suicide” instead, and say a "
                        "person lives with a condition rather than that they suffer from "
                        "it.</p>"
                    ),
                }
            ],
        ),
    )
    moderator = _user("moderator")
    for phrase, matched in (
        ("psycho", "psychos"),
        ("commit* suicide", "committed suicide"),
    ):
        rule = LanguageRule.objects.filter(language="en", phrase=phrase).first()
        if rule:
            AcceptedFinding.objects.get_or_create(
                page=guide,
                rule=rule,
                matched_text=matched,
                defaults={
                    "reason": "A guide quoting the words to avoid.",
                    "accepted_by": moderator,
                },
            )
    # Drafts for the translators to work on (the skeleton would otherwise publish copies).
    for code in DEMO_LOCALES:
        translate_page(guide, code, {}, publish_now=False)
    demo.say("Language guide page with two findings accepted as justified")
