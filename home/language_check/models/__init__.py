"""The language checker's models: rules, accepted findings, stored results (``rules``) and
the workflow step (``task``, which uses the engine, itself built on ``rules``)."""

from home.language_check.models.rules import (
    RULE_LANGUAGES,
    AcceptedFinding,
    LanguageRule,
    PageLanguageCheck,
)
from home.language_check.models.task import LanguageCheckTask, LanguageCheckTaskState

__all__ = [
    "RULE_LANGUAGES",
    "AcceptedFinding",
    "LanguageCheckTask",
    "LanguageCheckTaskState",
    "LanguageRule",
    "PageLanguageCheck",
]
