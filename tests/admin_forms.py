"""What an admin form sends back unchanged, read from the form the view renders, for tests
that post the page editor as a person would (changing a field or two, choosing an action)."""

from django.forms import CheckboxInput
from django.urls import reverse
from wagtail import blocks
from wagtail.blocks.base import BlockWidget


def _block_data(block, state, prefix, data):
    """The fields the admin's script posts for a StreamField block in ``state`` (its form
    state, as the editor received it)."""
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = child.get("id") or ""
            if isinstance(block, blocks.StreamBlock):
                data[f"{prefix}-{index}-type"] = child["type"]
                child_block = block.child_blocks[child["type"]]
            else:
                child_block = block.child_block
            _block_data(child_block, child["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _block_data(child_block, state.get(name), f"{prefix}-{name}", data)
    elif isinstance(block, blocks.BooleanBlock):
        if state:
            data[prefix] = "on"
    else:
        data[prefix] = "" if state is None else state


def _field_data(bound, data):
    value = bound.value()
    widget = bound.field.widget
    if isinstance(widget, BlockWidget):
        state = widget.block_def.get_form_state(value)
        _block_data(widget.block_def, state, bound.html_name, data)
    elif isinstance(widget, CheckboxInput):
        if value:
            data[bound.html_name] = "on"
    elif value is None:
        data[bound.html_name] = ""
    elif isinstance(value, list | tuple):
        data[bound.html_name] = [str(item) for item in value]
    else:
        formatted = widget.format_value(value)
        data[bound.html_name] = "" if formatted is None else formatted


def edit_form_data(client, page):
    """The page editor's form data for ``page``, as ``client``'s user would post it."""
    form = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).context["form"]
    data = {}
    for bound in form:
        if not bound.field.disabled:
            _field_data(bound, data)
    for formset in form.formsets.values():
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for child in formset.forms:
            for bound in child:
                _field_data(bound, data)
    return data


def submit(page, user):
    """``page`` saved by ``user`` and submitted to its workflow; the workflow state."""
    page.save_revision(user=user)
    state = page.get_workflow().start(page, user)
    state.refresh_from_db()
    return state


def act(client, user, page, state, action="approve", comment=""):
    """``user`` takes ``action`` on the current task of ``state`` from the admin, as the
    workflow action buttons do; the response and the task state afterwards."""
    client.force_login(user)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    state.refresh_from_db()
    task_state.refresh_from_db()
    return response, task_state
