"""The co-creation workflows (set up idempotently) and their email notifications.

Campaign content (campaign, resource and event pages and partner organisations' own
pages, in the source language):
    language check → partner lead review → moderator approval.
Translation review (every page in another language, and every translation of a topic,
audience or crisis helpline):
    language check → review by a reviewer of that language (or a moderator).

Notifications go only to the people concerned: the page organisation's leads, the
language's reviewers, or the moderators when the language check needs one; each email links
to the page or snippet in the admin.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db.models import Q
from django.db.models.signals import post_save
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signals import task_submitted

from home.roles import MODERATORS, moderators

CAMPAIGN_WORKFLOW = "Campaign content"
TRANSLATION_WORKFLOW = "Translation review"
LANGUAGE_CHECK_TASK = "Language & safe-messaging check"
LEAD_REVIEW_TASK = "Partner lead review"
MODERATOR_TASK = "Moderator approval"
TRANSLATION_REVIEW_TASK = "Translation review by a reviewer of the language"

# The index pages whose subtrees the campaign workflow covers, found by type when they exist
# (and given the workflow as soon as they are created, see assign_campaign_workflow).
INDEX_PAGE_MODELS = [
    "campaigns.CampaignIndexPage",
    "campaigns.ResourceIndexPage",
    "events.EventIndexPage",
    "home.PartnerIndexPage",
]


def _task(model, name):
    task = model.objects.filter(name=name).first()
    if task is None:
        task = model.objects.create(name=name)
    return task


def _workflow(name, tasks):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    if list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)) != [
        t.pk for t in tasks
    ]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _assign(workflow, page):
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def _assign_to_model(workflow, model):
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
    )


def index_pages():
    """The campaign, resource, event and partner index pages in the source language."""
    source = Locale.get_default()
    pages = []
    for label in INDEX_PAGE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        pages.extend(model.objects.filter(locale=source))
    return pages


def setup_workflows():
    """Create or update the workflows and assign them; return them by name. Idempotent."""
    from home.models import LanguageCheckTask, LocaleReviewTask, PartnerLeadReviewTask
    from home.models.workflows import moderated_snippet_models
    from home.roles import setup_roles

    groups = setup_roles()
    moderators = groups[MODERATORS]
    check = _task(LanguageCheckTask, LANGUAGE_CHECK_TASK)
    check.groups.add(moderators)
    lead_review = _task(PartnerLeadReviewTask, LEAD_REVIEW_TASK)
    approval = _task(GroupApprovalTask, MODERATOR_TASK)
    approval.groups.add(moderators)
    translation_review = _task(LocaleReviewTask, TRANSLATION_REVIEW_TASK)

    campaign = _workflow(CAMPAIGN_WORKFLOW, [check, lead_review, approval])
    translated = _workflow(TRANSLATION_WORKFLOW, [check, translation_review])
    for page in index_pages():
        _assign(campaign, page)
    # Every other language's tree: the language homes sit at the top of the page tree.
    source = Locale.get_default()
    for home in Page.objects.filter(depth=2).exclude(locale=source):
        _assign(translated, home)
    # Translated topics, audiences and helplines (ModeratedSnippet.get_workflow leaves the
    # source language's out: moderators publish those directly).
    for model in moderated_snippet_models():
        _assign_to_model(translated, model)
    return {CAMPAIGN_WORKFLOW: campaign, TRANSLATION_WORKFLOW: translated}


# Notifications


def admin_url(obj):
    """The full address of the admin's edit view of ``obj``, a page or a snippet."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + AdminURLFinder().get_edit_url(obj)


def reviewed_object(workflow_state):
    """The page (specific) or moderated snippet a workflow state is about, or ``None`` for
    anything else."""
    from home.models import ModeratedSnippet

    obj = workflow_state.content_object
    if isinstance(obj, Page):
        return obj.specific
    if isinstance(obj, ModeratedSnippet):
        return obj
    return None


def admin_title(obj):
    """How the admin names ``obj``: a page's title, a snippet's string."""
    return obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)


def notify(users, subject, template, context):
    """Email each user (in their admin language) the rendered template."""
    sent = 0
    for user in users:
        if not user.email or not user.is_active:
            continue
        profile = getattr(user, "wagtail_userprofile", None)
        language = profile.get_preferred_language() if profile else settings.LANGUAGE_CODE
        with translation.override(language):
            body = render_to_string(template, {**context, "user": user})
            send_mail(str(subject), body, None, [user.email])
        sent += 1
    return sent


def on_task_submitted(sender, instance, user=None, **kwargs):
    """Tell the reviewers of this step, and only them, that a page or a translated snippet
    waits for them."""
    from home.models import LanguageCheckTask, LocaleReviewTask, PartnerLeadReviewTask

    task = instance.task.specific
    page = reviewed_object(instance.workflow_state)
    if page is None:
        return
    title = admin_title(page)
    context = {
        "page": page,
        "title": title,
        "url": admin_url(page),
        "task": task,
        "task_state": instance,
    }
    if isinstance(task, PartnerLeadReviewTask):
        recipients = task.eligible_reviewers(page)
    elif isinstance(task, LocaleReviewTask):
        # The language's own reviewers; the moderators when it has none (left).
        recipients = task.language_reviewers(page)
        if not recipients.exists():
            recipients = moderators()
    elif isinstance(task, LanguageCheckTask):
        recipients = get_user_model().objects.filter(
            Q(groups__in=task.groups.all()), is_active=True
        )
        context["findings"] = getattr(instance.specific, "findings", [])
    else:
        return
    if user is not None:
        recipients = recipients.exclude(pk=user.pk)
    notify(
        recipients.distinct(),
        _("Waiting for your review: %(title)s") % {"title": title},
        "home/admin/email/review_needed.txt",
        context,
    )


def assign_translation_workflow(sender, instance, created=False, raw=False, **kwargs):
    """A new language home gets the translation workflow at once (no set-up run needed)."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale_id == Locale.get_default().pk:
        return
    workflow = Workflow.objects.filter(name=TRANSLATION_WORKFLOW, active=True).first()
    if workflow is not None:
        _assign(workflow, instance)


def assign_campaign_workflow(sender, instance, created=False, raw=False, **kwargs):
    """A new source-language index of organisation content (e.g. "Our partners", made
    when the first organisation is added) is reviewed at once, not after the next set-up
    run."""
    if raw or not created or not isinstance(instance, Page):
        return
    if instance._meta.label not in INDEX_PAGE_MODELS:
        return
    if instance.locale_id != Locale.get_default().pk:
        return
    workflow = Workflow.objects.filter(name=CAMPAIGN_WORKFLOW, active=True).first()
    if workflow is not None:
        _assign(workflow, instance)


def connect_signals():
    from wagtail.models import TaskState

    from home.models import LanguageCheckTaskState

    # Wagtail's own notifier handles the moderators' GroupApprovalTask (sender TaskState);
    # ours handles the custom task types.
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="openly_task_email")
    task_submitted.connect(
        on_task_submitted, sender=LanguageCheckTaskState, dispatch_uid="openly_check_email"
    )
    post_save.connect(assign_translation_workflow, dispatch_uid="openly_translation_workflow")
    post_save.connect(assign_campaign_workflow, dispatch_uid="openly_campaign_workflow")
