"""The translation editor's additions (home.cocreation.translation_editor), for its template."""

from django import template

from home.cocreation.translation_editor import editor_state

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_state(context):
    """The state of Openly's bar for the editor wagtail-localize is rendering."""
    return editor_state(
        context["request"].user, context["translation"], context["instance"], context["props"]
    )
