"""GOV.UK Frontend markup for every Django form, so each page gets the same
labels, hints, inline errors and error summary without repeating markup."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import ModelFormMetaclass
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from coproduce.lib import bilingual
from coproduce.lib.views import id_param


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


CHOICE_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def widget_kind(bound_field: forms.BoundField) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


INPUT_CLASSES = {
    "input": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
    "checkbox": "govuk-checkboxes__input",
}


class DateInput(forms.DateInput):
    """The browser's date picker, which needs ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str = "%Y-%m-%d") -> None:  # noqa: A002 (Django's own name)
        super().__init__(attrs=attrs, format=format)


class IdChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A record chosen by its id. Anything but a plain id the database can hold is an
    invalid choice, so a doctored form gets an error message, not a server error."""

    default_error_messages = {"invalid_choice": _("Choose one of the options shown")}

    def to_python(self, value: Any) -> Any:
        if is_doctored(self, value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Records chosen by id (checkboxes); each id is checked as `IdChoiceField` does."""

    default_error_messages = {
        "invalid_choice": _("Choose only from the options shown"),
        "invalid_pk_value": _("Choose only from the options shown"),
    }

    def _check_values(self, value: Any) -> Any:
        if not isinstance(value, str) and any(is_doctored(self, pk) for pk in value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super()._check_values(value)  # type: ignore[misc]  # private in the stubs


def is_doctored(field: forms.ModelChoiceField[Any], value: Any) -> bool:
    """A submitted value that cannot be the id of a record `field` offers."""
    if value in field.empty_values or isinstance(value, models.Model) or field.to_field_name:
        return False
    return id_param(value) is None


def id_formfield(model_field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """A ModelForm's field for `model_field`, with the id-checking kinds above for
    relations (Django would give plain ModelChoiceField and ModelMultipleChoiceField)."""
    if isinstance(model_field, models.ManyToManyField):
        kwargs.setdefault("form_class", IdMultipleChoiceField)
    elif isinstance(model_field, models.ForeignKey):
        kwargs.setdefault("form_class", IdChoiceField)
    return model_field.formfield(**kwargs)


class IdFieldsMetaclass(ModelFormMetaclass):
    def __new__(
        mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]
    ) -> IdFieldsMetaclass:
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(id_formfield)
        return super().__new__(mcs, name, bases, attrs)


class WelshVersionFields:
    """For a form with Welsh versions of its fields (named `..._cy`): they are typed in
    Welsh (`lang="cy"`, so spelling checkers and screen readers use Welsh) and shown
    together in a "Welsh version (optional)" fieldset (forms/govuk_form.html)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.welsh_fields:
            self.fields[name].widget.attrs["lang"] = bilingual.WELSH

    @property
    def welsh_fields(self) -> list[str]:
        return bilingual.welsh_field_names(list(self.fields))


class ModelForm(WelshVersionFields, forms.ModelForm, metaclass=IdFieldsMetaclass):  # type: ignore[type-arg]
    """Every ModelForm of the project: its relations are chosen through `IdChoiceField`
    and `IdMultipleChoiceField`, and any Welsh versions of its fields are grouped
    (`WelshVersionFields`)."""
