"""Demo of the co-creation loop, loaded after the campaign, story and event demos so their
pages exist: workflows assigned, organisation pages in every workflow state, language
findings to look at (draft and live, one accepted as justified). Idempotent: a page that
already has a workflow history or a draft is left alone.

The content itself is in demo_content.toml beside this module."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, WorkflowState

from home.cocreation.models import LocaleAssignment, PartnerOrganisation
from home.cocreation.organisations import organisation_owned_models
from home.cocreation.workflows import setup_workflows
from home.demo.building import DEMO_LOCALES, add_child, translate_page
from home.demo.loading import read_data

# Names that are moving out of home's core into home.cocreation / home.language_check.
from home.language_check.models import AcceptedFinding, LanguageRule
from home.models import StandardPage
from home.partners.models import PartnerPage


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def set_up_members(demo, data):
    """Put the demo partner users into their organisations and give translators languages."""
    for slug, members in data["memberships"].items():
        organisation = PartnerOrganisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        for username in members["editors"]:
            if user := _user(username):
                organisation.add_editor(user)
        for username in members["leads"]:
            if user := _user(username):
                organisation.add_lead(user)
    for assignment in data["language_assignments"]:
        user = _user(assignment["username"])
        locale = Locale.objects.filter(language_code=assignment["language"]).first()
        if user and locale:
            LocaleAssignment.objects.get_or_create(
                user=user, locale=locale, role=assignment["role"]
            )
    demo.say("Partner editors and leads in their organisations; translators' languages set")


def _has_history(page):
    return page.has_unpublished_changes or WorkflowState.objects.for_instance(page).exists()


def _org_pages(source, members):
    """Live organisation pages in the source language, those of the organisations with demo
    members first, in a stable order."""
    pages = []
    for model in organisation_owned_models():
        pages.extend(model.objects.live().filter(locale=source).select_related("organisation"))
    pages.sort(key=lambda p: (p.organisation.slug not in members, p._meta.label, p.pk))
    return pages


def _with_summary(page, extra):
    page.summary = (page.summary + " " + extra).strip()[:400]
    return page


def load(demo):
    """Assign the workflows and walk organisation pages into every workflow state."""
    data = read_data(__file__)
    setup_workflows()  # the content apps' index pages exist now
    set_up_members(demo, data)
    pages = _org_pages(Locale.get_default(), set(data["memberships"]))
    if any(_has_history(page) for page in pages):
        pages = []  # set up on an earlier run
    people = {role: _user(role) for role in ("editor", "lead", "moderator")}
    done = []
    for step, page in zip(data["workflow_steps"], pages, strict=False):
        _walk(page, step, data["reject_comment"], people)
        done.append(f"{page.title} ({step['label']})")
    if done:
        demo.say("Workflow states: " + "; ".join(done))
    _translation_in_review(demo)
    _language_guide(demo, data["language_guide"])


def _walk(page, step, reject_comment, people):
    """Take ``page`` through one step of its workflow, as the demo editor, lead and
    moderator (``people``, by username) would."""
    editor, lead, moderator = people["editor"], people["lead"], people["moderator"]
    action = step.get("action")
    if extra := step.get("summary_addition"):
        _with_summary(page, extra)
    if action == "schedule":
        page.go_live_at = timezone.now() + datetime.timedelta(days=7)
    page.save_revision(user=editor)
    if not action:
        return
    state = page.get_workflow().start(page, editor)
    state.refresh_from_db()
    task_state = state.current_task_state
    if action in ("reject", "approve", "schedule") and task_state is not None:
        reviewer = lead if lead and task_state.task.specific.is_reviewer(page, lead) else None
        getattr(task_state.specific, "reject" if action == "reject" else "approve")(
            user=reviewer,
            comment=reject_comment if action == "reject" else "",
        )
    if action == "schedule":
        # The moderator approves too: the changes wait for their go-live time.
        state.refresh_from_db()
        if state.current_task_state is not None:
            state.current_task_state.specific.approve(user=moderator)


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


def _language_guide(demo, guide_data):
    """A live page that names stigmatising words on purpose, with the findings accepted as
    justified: it shows both the report and the acceptance."""
    about = StandardPage.objects.filter(slug="about", locale=Locale.get_default()).first()
    if about is None:
        return
    guide = add_child(about, StandardPage(**guide_data["page"]))
    moderator = _user("moderator")
    for finding in guide_data["accepted_findings"]:
        rule = LanguageRule.objects.filter(language="en", phrase=finding["phrase"]).first()
        if rule:
            AcceptedFinding.objects.get_or_create(
                page=guide,
                rule=rule,
                matched_text=finding["matched_text"],
                defaults={"reason": guide_data["accepted_reason"], "accepted_by": moderator},
            )
    # Drafts for the translators to work on (the skeleton would otherwise publish copies).
    for code in DEMO_LOCALES:
        translate_page(guide, code, {}, publish_now=False)
    demo.say("Language guide page with two findings accepted as justified")
