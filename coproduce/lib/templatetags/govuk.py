"""Template helpers for GOV.UK Frontend markup. Loaded as a builtin."""

from typing import Any

from django import template
from django.forms import BaseForm, BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString

from coproduce.lib import bilingual, views
from coproduce.lib.forms import INPUT_CLASSES, widget_kind

register = template.Library()


@register.filter
def govuk_kind(bound_field: BoundField) -> str:
    return widget_kind(bound_field)


def described_by(bound_field: BoundField) -> str:
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    return " ".join(ids)


@register.filter
def govuk_widget(bound_field: BoundField) -> SafeString:
    """The field's own widget with GOV.UK classes and aria-describedby added."""
    kind = widget_kind(bound_field)
    classes = [INPUT_CLASSES.get(kind, "")]
    existing = bound_field.field.widget.attrs.get("class")
    if existing:
        classes.append(existing)
    if bound_field.errors and kind in {"input", "textarea", "select", "file"}:
        classes.append(f"{INPUT_CLASSES[kind]}--error")
    attrs: dict[str, str | bool] = {"class": " ".join(c for c in classes if c)}
    description = described_by(bound_field)
    if description and kind not in {"radios", "checkboxes"}:
        attrs["aria-describedby"] = description
    return bound_field.as_widget(attrs=attrs)


@register.filter
def govuk_described_by(bound_field: BoundField) -> str:
    return described_by(bound_field)


@register.filter
def has_errors(form: Any) -> bool:
    """True for a form or formset with any error."""
    if form is None or form == "":
        return False
    if hasattr(form, "management_form"):
        return bool(form.non_form_errors()) or any(f.errors for f in form.forms)
    return bool(getattr(form, "errors", None))


@register.simple_tag(takes_context=True)
def error_summary_items(context: template.Context, *forms: Any) -> list[tuple[object, str]]:
    """Each error as (message, anchor), non-field errors first, for the error summary."""
    items: list[tuple[object, str]] = []

    expanded: list[BaseForm] = []
    for form in forms:
        if hasattr(form, "management_form"):  # a formset: its own errors, then each form's
            items.extend((error, "") for error in form.non_form_errors())
            expanded.extend(form.forms)
        else:
            expanded.append(form)
    for form in expanded:
        if not form or not getattr(form, "errors", None):
            continue
        for error in form.non_field_errors():
            items.append((error, f"#{form.prefix or 'form'}-non-field-error"))
        for bound_field in form:
            for error in bound_field.errors:
                target = bound_field.auto_id
                if widget_kind(bound_field) in {"radios", "checkboxes"}:
                    target = f"{bound_field.auto_id}_0"
                items.append((error, f"#{target}"))
    return items


@register.simple_tag(takes_context=True)
def may_follow(context: template.Context, url: str) -> bool:
    """{% may_follow url as ok %}: whether the person may open `url` (see lib.views)."""
    return views.may_follow(context["request"], url)


@register.simple_tag(takes_context=True)
def link(context: template.Context, url: str, label: str) -> str:
    """{% link url label %}: a link the person can follow, else the label as plain text,
    so nobody is shown a link that ends in "You cannot see this page"."""
    if views.may_follow(context["request"], url):
        return format_html('<a class="govuk-link" href="{}">{}</a>', url, label)
    return label


@register.simple_tag
def in_reader_language(obj: Any, field: str) -> bilingual.Version:
    """`{% in_reader_language story "title" as title %}`: the English or Welsh version of a
    field for the reader (lib.bilingual), with `.lang` for the passage and `.note`."""
    return bilingual.pick_field(obj, field)


@register.filter
def govuk_welsh_split(form: BaseForm) -> tuple[list[BoundField], list[BoundField]]:
    """The form's visible fields, and apart from them its Welsh versions of fields
    (lib.forms.WelshVersionFields), which go in a fieldset of their own."""
    welsh = set(getattr(form, "welsh_fields", ()))
    fields = form.visible_fields()
    return (
        [field for field in fields if field.name not in welsh],
        [field for field in fields if field.name in welsh],
    )
