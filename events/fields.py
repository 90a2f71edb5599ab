"""A multiple-choice model field that works the same on SQLite and PostgreSQL."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.CharField):
    """A list of choice codes stored as ``,en,fr,`` in one text column.

    Why not an ArrayField or a JSONField: the default database is SQLite, where neither
    supports "contains this value". With the codes wrapped in commas, "contains ,fr," is a
    plain LIKE that every database runs and that the listing can count per value in one
    aggregate query. Editors see a list of checkboxes.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # `choices` is kept: the migration records the allowed codes.
        return name, path, args, kwargs

    @staticmethod
    def split(value):
        if not value:
            return []
        if isinstance(value, list | tuple):
            return [str(code) for code in value if code]
        return [code for code in str(value).split(",") if code]

    def from_db_value(self, value, expression, connection):
        return self.split(value)

    def to_python(self, value):
        return self.split(value)

    def get_prep_value(self, value):
        codes = self.split(value)
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        known = {str(code) for code, _label in self.flatchoices}
        unknown = [code for code in self.split(value) if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown choice: %(values)s."), params={"values": ", ".join(unknown)}
            )
        if not self.blank and not self.split(value):
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.choices,
            "required": not self.blank,
            "widget": forms.CheckboxSelectMultiple,
            "help_text": self.help_text,
            "label": self.verbose_name.capitalize() if self.verbose_name else None,
        }
        defaults.update(kwargs)
        # Bypass CharField.formfield, which would build a single-choice TypedChoiceField.
        return forms.MultipleChoiceField(**{k: v for k, v in defaults.items() if k != "form_class"})

    def contains_lookup(self, code):
        """The filter keyword arguments for "has this code"."""
        return {f"{self.name}__contains": f",{code},"}
