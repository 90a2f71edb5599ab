"""What the language checker plugs into home and co-creation, and the signals that keep its
rules and stored results fresh (run once, from LanguageCheckConfig.ready)."""

from django.apps import apps as django_apps
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from wagtail.signals import page_published

from home.language_check import stored
from home.language_check.engine import invalidate_rules
from home.language_check.models import AcceptedFinding, LanguageRule
from home.language_check.models.task import (
    NO_ACTIVE_RULES,
    NO_ACTIVE_RULES_LABEL,
    NO_HIGH_SEVERITY_FINDING,
    NO_HIGH_SEVERITY_FINDING_LABEL,
)
from home.language_check.panels import LanguageCheckPanel
from home.language_check.roles import grant_rule_permissions
from home.language_check.rules import seed_report, sync_after_migrate
from home.language_check.workflow import (
    LANGUAGE_CHECK_LABEL,
    LANGUAGE_CHECK_TASK,
    language_check_step,
)
from home.registry import page_plugins, role_grants, setup_steps, workflow_checks, workflow_names


def connect():
    """Register the editor panel, the rules' permissions, the workflow step (and its name, in
    the admin's language) and the rules' seeding, and connect the signals."""
    page_plugins.register("panels", [LanguageCheckPanel()])
    role_grants.register("language_check", grant_rule_permissions)
    workflow_checks.register("language_check", language_check_step)
    workflow_names.register(LANGUAGE_CHECK_TASK, LANGUAGE_CHECK_LABEL)
    workflow_names.register(NO_HIGH_SEVERITY_FINDING, NO_HIGH_SEVERITY_FINDING_LABEL)
    workflow_names.register(NO_ACTIVE_RULES, NO_ACTIVE_RULES_LABEL)
    setup_steps.register("language_rules", seed_report)
    # Every migrate (deploys, make run) brings the rules up to the shipped files.
    post_migrate.connect(
        sync_after_migrate,
        sender=django_apps.get_app_config("language_check"),
        dispatch_uid="openly_rules_sync",
    )

    # A changed rule takes effect at once in every process (see the engine's docstring).
    post_save.connect(invalidate_rules, sender=LanguageRule, dispatch_uid="openly_rules_save")
    post_delete.connect(invalidate_rules, sender=LanguageRule, dispatch_uid="openly_rules_delete")
    # Stored results for the findings report follow publishing, rules and acceptances.
    page_published.connect(stored.on_page_published, dispatch_uid="openly_check_published")
    pre_save.connect(
        stored.remember_rule_language, sender=LanguageRule, dispatch_uid="openly_rule_lang"
    )
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(
            stored.on_rule_changed, sender=LanguageRule, dispatch_uid=f"openly_rule_{name}"
        )
        signal.connect(
            stored.on_acceptance_changed,
            sender=AcceptedFinding,
            dispatch_uid=f"openly_accepted_{name}",
        )
