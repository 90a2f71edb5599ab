"""Forms on pages that every reader shares: the campaign pledge, the share-your-story form.

A public page is the same for every anonymous reader, so caches may keep it; its forms
therefore carry no CSRF token and no one-time value (a pledge's duplicate-protection key, a
story's signed form state). Apps register such forms here with ``register_public_form`` in
their ``AppConfig.ready()``; home.public_form_views hands out the values and shows a form
again when the CSRF check refuses it.
"""

from dataclasses import dataclass
from typing import Any

from django.forms import CharField, FileField, TextInput
from django.utils.translation import gettext_lazy as _

from home import registry

SEND_AGAIN = _("For your security, please check your answers and send the form again.")


def trap_field():
    """A field people never see (the page's styles hide it) and bots fill in: declare it as
    ``website`` on a public form; a form sent with it filled in is a bot's."""
    return CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


@dataclass(frozen=True)
class PublicForm:
    """A form on a public page. Its POST goes to the ``route`` of a ``page_model`` page
    (a RoutablePage); ``fresh_fields(request)`` gives its one-time hidden values as
    {field name: text}; ``show_again(page, request, fresh, message)`` returns the page with
    the form showing the reader's answers from ``request.POST``, the hidden values in
    ``fresh`` and ``message`` (with status 200, made 403; another status is kept) — it must
    save nothing — or None to refuse plainly."""

    page_model: Any
    route: str
    fresh_fields: Any
    show_again: Any


def register_public_form(name, page_model, route, fresh_fields, show_again):
    """Register a form on a public page under ``name`` (``?form=`` of ``form_tokens``)."""
    return registry.public_forms.register(
        name, PublicForm(page_model, route, fresh_fields, show_again)
    )


def answers(form, data):
    """What the reader wrote in ``data`` (a POST), as initial values for the unbound
    ``form``: shown again as they were, not checked yet, so no field is marked wrong. Files
    cannot be shown again and are left out."""
    found = {}
    for name, field in form.fields.items():
        if isinstance(field, FileField):
            continue
        value = field.widget.value_from_datadict(data, {}, form.add_prefix(name))
        if value is not None:
            found[name] = value
    return found
