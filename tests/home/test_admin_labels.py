"""Every label, heading, help text and choice Openly shows in the admin is translatable: a
field without a verbose_name is labelled from its attribute name ("summary" → "Summary"), in
English whatever the editor's language, and a StreamField block without a label likewise.

Checked from the admin's own registrations (page types, snippets, settings, model viewsets):
what an editor can see is what those edit forms, listings, filters, exports and inspect views
show, so a field added anywhere there without a translatable label fails here."""

import pytest
from django.apps import apps
from django.conf.locale import LANG_INFO
from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import Promise
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.blocks import Block
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models

OPENLY_APPS = ("home", "campaigns", "events")


def is_openly(obj):
    return obj.__module__.split(".")[0] in OPENLY_APPS


def translatable(text):
    """Empty, or a lazy translation (a plain str is fixed at import time, in English)."""
    return not text or isinstance(text, Promise)


def walk_panels(panel):
    yield panel
    for child in getattr(panel, "children", []):
        yield from walk_panels(child)
    if isinstance(panel, InlinePanel):
        yield from walk_panels(panel.child_edit_handler)


def walk_blocks(block, path):
    """The blocks Openly declares under ``block`` (a Wagtail block's own children, such as
    ImageBlock's, are Wagtail's to label)."""
    for name, child in getattr(block, "child_blocks", {}).items():
        if is_openly(type(block)):
            yield f"{path}.{name}", child
        yield from walk_blocks(child, f"{path}.{name}")
    child = getattr(block, "child_block", None)
    if isinstance(child, Block):
        yield f"{path}[]", child
        yield from walk_blocks(child, f"{path}[]")


def openly_viewsets():
    """Snippet viewsets of Openly's models and Openly's own model viewsets."""
    found = [model.snippet_viewset for model in get_snippet_models() if is_openly(model)]
    for hook in hooks.get_hooks("register_admin_viewset"):
        viewset = hook()
        if isinstance(viewset, ModelViewSet) and is_openly(viewset.model):
            found.append(viewset)
    return found


def edit_handlers():
    for model in get_page_models():
        if is_openly(model):
            yield model, model.get_edit_handler()
    for viewset in openly_viewsets():
        yield viewset.model, viewset.get_edit_handler()
    for model in settings_registry:
        if is_openly(model):
            yield model, model.edit_handler if hasattr(model, "edit_handler") else None


def panel_problems():
    problems = []
    for model, handler in edit_handlers():
        if handler is None:
            continue
        handler = handler.bind_to_model(model)
        for panel in walk_panels(handler):
            where = f"{model._meta.label} {type(panel).__name__}({panel.heading!r})"
            if not translatable(panel.heading):
                problems.append(f"{where}: heading")
            if not translatable(panel.help_text):
                problems.append(f"{where}: help text")
            field = model_field(panel)
            if field is None:
                continue
            # A field panel is headed by its field's verbose_name, helped by its help_text.
            if not panel.heading and not translatable(getattr(field, "verbose_name", "")):
                problems.append(f"{where}: label {field.verbose_name!r} of {field.name}")
            if not panel.help_text and not translatable(getattr(field, "help_text", "")):
                problems.append(f"{where}: help text of {field.name}")
            problems.extend(f"{where}: choice {label!r}" for label in untranslated_choices(field))
            if isinstance(field, StreamField):
                for path, block in walk_blocks(field.stream_block, field.name):
                    if not translatable(block.label):
                        problems.append(f"{model._meta.label} block {path}: label {block.label!r}")
                    if not translatable(getattr(block.meta, "help_text", "")):
                        problems.append(f"{model._meta.label} block {path}: help text")
    return problems


def model_field(panel):
    """The model field a panel edits; None for other panels and for fields only the form
    has (their labels are the form's, checked on the rendered pages by
    test_admin_language.py)."""
    if not isinstance(panel, FieldPanel):
        return None
    try:
        return panel.db_field
    except FieldDoesNotExist:
        return None


# Languages are offered by their own names (Deutsch, Français, العربية), the same in every
# admin language, so that each speaker finds their own: choices keyed by a language code.
def untranslated_choices(field):
    # django-countries names its countries itself, in the active language.
    if type(field).__name__ == "CountryField":
        return []
    return [
        label
        for value, label in field.flatchoices or []
        if not translatable(label) and value not in LANG_INFO
    ]


def column_problems():
    """Listing columns, filters, exports and inspect views name fields by their
    verbose_name."""
    problems = []
    for viewset in openly_viewsets():
        model = viewset.model
        names = []
        for attribute in ("list_display", "list_filter", "list_export", "inspect_view_fields"):
            value = getattr(viewset, attribute, None)
            if isinstance(value, (list, tuple)):
                names.extend(value)
        for name in names:
            if not isinstance(name, str):
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                attribute = getattr(model, name, None)
                label = getattr(attribute, "short_description", None)
                if attribute is not None and callable(attribute) and not translatable(label):
                    problems.append(f"{model._meta.label} column {name}: no translatable label")
                continue
            if not translatable(getattr(field, "verbose_name", "")):
                problems.append(f"{model._meta.label} column {name}: {field.verbose_name!r}")
    return problems


def model_name_problems():
    """Model names show as page types, snippet menus, headings and permissions."""
    problems = []
    for model in apps.get_models():
        if not is_openly(model) or model._meta.auto_created:
            continue
        for attribute in ("verbose_name", "verbose_name_plural"):
            if not isinstance(model._meta.original_attrs.get(attribute), Promise):
                problems.append(f"{model._meta.label} Meta.{attribute}")
    return problems


@pytest.mark.parametrize(
    "check", [panel_problems, column_problems, model_name_problems], ids=lambda f: f.__name__
)
def test_everything_the_admin_shows_is_translatable(check):
    problems = check()
    assert not problems, f"{len(problems)} untranslatable: " + "\n".join(problems)
