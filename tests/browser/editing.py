"""Acting in the admin as its users do, in their own language: texts looked up in the
interface catalogues, fields found by their labels, actions chosen from the footer's menu,
segments translated in wagtail-localize's editor."""

import re

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation.trans_real import DjangoTranslation
from wagtail.users.models import UserProfile

# Words French writes as English does: a French run may show them unchanged.
SAME_IN_FRENCH = {"Actions"}


def speak(language, *users):
    """Set the admin language of ``users`` as they would in their account settings."""
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()


def say(language, message, /, **params):
    """``message`` as the interface shows it in ``language``. Outside English it must be
    translated (unless the word is the same), so a French run reads French."""
    with translation.override(language):
        text = gettext(message)
    if language != "en" and message not in SAME_IN_FRENCH:
        assert text != message, f"no {language} translation of {message!r}"
    return text % params if params else text


def label_of(language, model, name):
    """The label the admin gives the field ``model.name`` in ``language``: the model
    field's name."""
    with translation.override(language):
        return str(capfirst(model._meta.get_field(name).verbose_name))


def field(page, language, model, name, role="textbox"):
    """The form field of ``model.name``, found as people find it: by its label (followed by
    "*" when required)."""
    return page.get_by_role(role, name=label_of(language, model, name))


def before_name(language, message, placeholder):
    """A pattern for a translated ``message`` whose ``placeholder`` is filled with a workflow
    or task name (data, named in the language it was set up in): the translated words before
    it, then anything."""
    marker = "\x00"
    start = say(language, message, **{placeholder: marker}).split(marker)[0]
    return re.compile("^" + re.escape(start))


def text_of(locator):
    """The element's visible text with its white space made single spaces."""
    return " ".join(locator.inner_text().split())


def choose_from_more_actions(page, name):
    """Open the menu beside the footer's main button and choose the action called ``name``
    (a text, or a pattern)."""
    page.locator("footer .w-dropdown__toggle").click()
    action = page.locator("footer").get_by_role("button", name=name, exact=True)
    with page.expect_navigation():
        action.click()


def choose_from_more_actions_with_comment(page, name, comment):
    """As ``choose_from_more_actions`` for an action that asks for a comment first."""
    page.locator("footer .w-dropdown__toggle").click()
    page.locator("footer").get_by_role("button", name=name, exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox").fill(comment)
    with page.expect_navigation():
        dialog.get_by_role("button", name=name).click()


def say_in_script(language, message):
    """``message`` as the admin's scripts show it in ``language`` (the JavaScript catalogue,
    e.g. wagtail-localize's translation editor)."""
    text = DjangoTranslation(language, domain="djangojs").gettext(message)
    assert language == "en" or text != message, f"no {language} translation of {message!r}"
    return text


def shown(language, value):
    """``value`` as text in ``language`` (for objects that translate themselves)."""
    with translation.override(language):
        return str(value)


def translate_segment(page, language, heading, text):
    """In the translation editor, translate the segment under ``heading`` (a field's label):
    "Translate", type, "Save", and wait until the editor has stored it."""
    segment = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=heading, exact=True)
    )
    # "Translate" for a segment not translated yet, "Edit" for one that is.
    names = "|".join(re.escape(say_in_script(language, name)) for name in ("Translate", "Edit"))
    segment.get_by_role("button", name=re.compile(f"^({names})$")).click()
    segment.get_by_role("textbox").fill(text)
    with page.expect_response(lambda response: response.request.method != "GET"):
        segment.get_by_role("button", name=say_in_script(language, "Save")).click()
