"""Where a person's data is held: every relation from any model to the user
model is listed here, with what a download includes and what erasure does.

tests/test_rights.py walks every model and fails if a relation to the user model
is missing, so a new model cannot hold personal data without deciding this."""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model


@dataclass(frozen=True)
class Holding:
    model: str  # "app_label.ModelName"
    field: str  # the relation that points at the person
    section: str  # heading in the download
    fields: tuple = ()  # what the download includes
    erase: str = "keep"  # "keep": the row stays, pointing at the anonymised account;
    # "delete": the row goes; "blank": the listed `blank` fields are emptied
    blank: tuple = ()
    about_them: bool = True  # False: it records what they did to someone else's record
    export: object = field(
        default=None, compare=False
    )  # callable(person) -> rows, instead of `fields`
    erase_with: object = field(
        default=None, compare=False
    )  # callable(person): also run on erasure, for text held in rows below this one

    def model_class(self):
        return apps.get_model(self.model)

    def queryset(self, person):
        return self.model_class()._default_manager.filter(**{self.field: person})

    def rows(self, person):
        if self.export:
            return self.export(person)
        return list(self.queryset(person).values(*self.fields))


_HOLDINGS: dict[tuple, Holding] = {}


def register(*holdings):
    for holding in holdings:
        _HOLDINGS[(holding.model, holding.field)] = holding


def holdings():
    return list(_HOLDINGS.values())


def relations_to_users():
    """(model label, field name) for every concrete relation to the user model."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if not model_field.is_relation or model_field.auto_created and not model_field.concrete:
                continue
            if model_field.related_model is user_model and (
                model_field.concrete or model_field.many_to_many
            ):
                found.add((model._meta.label, model_field.name))
    return found
