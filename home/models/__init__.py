"""Models every section shares: the base page, home and help pages (``pages``), what the
moderated snippets share (``snippets``), the taxonomy, crisis helplines and site-wide
settings. Capability apps (home.language_check, home.cocreation, home.partners) keep their
own models."""

from home.models.helplines import CrisisHelpline, CrisisHelplineQuerySet
from home.models.pages import (
    BasePage,
    GetHelpPage,
    HomePage,
    StandardPage,
    helplines_grouped,
    validate_alt_text,
)
from home.models.settings import SiteSettings
from home.models.sharing import SharedPage
from home.models.snippets import LiveSnippetQuerySet, ModeratedSnippet, concrete_models
from home.models.taxonomy import Audience, TaxonomyTerm, TaxonomyTermQuerySet, Topic

__all__ = [
    "Audience",
    "BasePage",
    "CrisisHelpline",
    "CrisisHelplineQuerySet",
    "GetHelpPage",
    "HomePage",
    "LiveSnippetQuerySet",
    "ModeratedSnippet",
    "SharedPage",
    "SiteSettings",
    "StandardPage",
    "TaxonomyTerm",
    "TaxonomyTermQuerySet",
    "Topic",
    "concrete_models",
    "helplines_grouped",
    "validate_alt_text",
]
