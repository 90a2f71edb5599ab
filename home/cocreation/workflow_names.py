"""The workflows and tasks Openly sets up are named in the admin's language (and the
comments its automatic tasks leave are worded in it).

Their names are stored in English, because the set-up finds them again by name
(home.cocreation.workflows.task_named) and the audit log keeps them as they were. Wagtail's
admin shows ``workflow.name`` and ``task.name`` everywhere (dashboard, status panel, history,
reports, emails), so a name registered in home.registry.workflow_names is loaded as a
DisplayName: equal to, stored and logged as its English key, shown translated. A name an
administrator typed is left as typed. Saving a form that showed the translated name (the
workflow and task editors) stores the key again, so editing in French renames nothing."""

import copy

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import override
from wagtail.log_actions import LogFormatter
from wagtail.models import Task, TaskState, Workflow
from wagtail.workflows import get_task_types

from home.registry import workflow_names

# The workflow actions whose log messages quote workflow and task names (wagtail_hooks.py).
WORKFLOW_LOG_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)


class DisplayName(str):
    """An English workflow or task name that shows itself in the active language.

    As a str it is the English key (comparisons, queries, the database, JSON in log
    entries); str(), %-formatting, format() and templates (through __html__) give the
    translation."""

    def key(self):
        return str.__str__(self)

    def __str__(self):
        label = workflow_names.get(self.key())
        return str(label) if label is not None else self.key()

    def __format__(self, spec):
        return format(str(self), spec)

    def __html__(self):
        return SafeString(escape(str(self)))

    def __reduce__(self):
        # Pickled (e.g. in a cache) as the plain key; loading the model wraps it again.
        return (str, (self.key(),))


def display_name(name):
    """``name`` as shown in the admin: a DisplayName when Openly set it up."""
    if type(name) is str and name in workflow_names:
        return DisplayName(name)
    return name


def translated_names():
    """Every translation of every registered name -> its English key."""
    keys = {}
    for code, _language in settings.LANGUAGES:
        with override(code):
            for key, label in workflow_names.items():
                keys.setdefault(str(label), key)
    return keys


# The stored texts a model shows: a workflow's or task's name, a task state's comment.
SHOWN = ("name", "comment")


def show_translated(sender, instance, **kwargs):
    """post_init: wrap a registered name or comment (a deferred one is left alone)."""
    for attribute in SHOWN:
        text = instance.__dict__.get(attribute)
        if text is not None:
            setattr(instance, attribute, display_name(text))


def store_english(sender, instance, raw=False, **kwargs):
    """pre_save: a registered name shown translated in a form and saved back is stored as
    its English key."""
    name = instance.__dict__.get("name")
    if raw or type(name) is not str:
        return
    key = translated_names().get(name)
    if key is not None:
        instance.name = key


def connect():
    """Connect the receivers for workflows, every task type and every task state type (each
    concrete class sends its own post_init)."""
    task_states = {TaskState, *(model.task_state_class or TaskState for model in get_task_types())}
    for model in {Workflow, Task, *get_task_types(), *task_states}:
        uid = f"openly_workflow_names_{model._meta.label_lower}"
        post_init.connect(show_translated, sender=model, dispatch_uid=uid)
        if not issubclass(model, TaskState):
            pre_save.connect(store_english, sender=model, dispatch_uid=uid)


def _with_display_names(data):
    """A copy of a log entry's data whose workflow and task titles show translated."""
    data = copy.deepcopy(data)
    workflow = data.get("workflow") if isinstance(data, dict) else None
    if isinstance(workflow, dict):
        for part in (workflow, workflow.get("task"), workflow.get("next")):
            if isinstance(part, dict) and "title" in part:
                part["title"] = display_name(part["title"])
    return data


class TranslatedNamesFormatter(LogFormatter):
    """Wagtail's formatter for a workflow action, given the log entry with its workflow and
    task names in the reader's language (the entry keeps them in English)."""

    def __init__(self, formatter):
        self.formatter = formatter
        self.label = formatter.label

    def format_message(self, log_entry):
        entry = copy.copy(log_entry)
        entry.data = _with_display_names(log_entry.data)
        return self.formatter.format_message(entry)

    def format_comment(self, log_entry):
        return display_name(self.formatter.format_comment(log_entry))


def translate_workflow_log_messages(actions):
    """register_log_actions hook, run after Wagtail's: wrap its workflow formatters."""
    for action in WORKFLOW_LOG_ACTIONS:
        formatter = actions.formatters.get(action)
        if formatter is not None and not isinstance(formatter, TranslatedNamesFormatter):
            actions.formatters[action] = TranslatedNamesFormatter(formatter)
