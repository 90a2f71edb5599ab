"""Labels of language findings in the admin and in emails, translated when shown (stored
findings keep only the codes, so a label is never frozen in another person's language)."""

from django import template
from django.utils.translation import gettext

from home.language_check.models import LanguageRule

register = template.Library()


@register.filter
def finding_category(code):
    """The readable name of a finding's category, e.g. 'Stigmatising term'."""
    return dict(LanguageRule.CATEGORY_CHOICES).get(code, code)


@register.filter
def finding_severity(code):
    """'high', 'medium' or 'low' in the reader's language."""
    return {"high": gettext("high"), "medium": gettext("medium"), "low": gettext("low")}.get(
        code, code
    )
