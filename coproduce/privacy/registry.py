"""Where a person's data is held: every relation from any model to the user
model is listed here (and copies matched by their email address), with what a
download includes and what erasure does. A holding exports its own fields, the
rows below each record (`parts`), its files and its encrypted fields, and names
anything it leaves out with the reason (`withheld`).

tests/test_rights.py walks every model and fails if a relation to the user model
is missing, so a new model cannot hold personal data without deciding this; it
also puts a value in every text and file field of a record about the person, and
fails if the download does not show it."""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils.translation import gettext


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
    )  # callable(person): also run on erasure, for text held in rows below this one or
    # what erasing the record itself takes (the profile is emptied, not deleted)
    parts: tuple = ()  # relations to the rows that belong to each record (a claim's
    # expenses), which `export` includes
    files: tuple = ()  # file fields, as paths from the model ("expenses__receipt"),
    # whose files the download copies
    encrypted: tuple = ()  # fields stored encrypted with `cipher`, read in clear for the download
    cipher: object = field(default=None, compare=False)  # has decrypt(token) -> dict
    read_as: str = ""  # the ReadLog kind recorded when the download reads `encrypted`
    withheld: dict = field(default_factory=dict, compare=False)  # {path: why}: text,
    # file or part of an about_them record that the download leaves out, and why
    select: object = field(default=None, compare=False)  # callable(person) -> queryset, for
    # copies held outside a relation (a form sent from their address); `field` is then
    # the field that matches them

    def model_class(self):
        return apps.get_model(self.model)

    def queryset(self, person):
        if self.select:
            return self.select(person)
        value = person.pk if self.field == "pk" else person  # "pk": the account itself
        return self.model_class()._default_manager.filter(**{self.field: value})

    def rows(self, person):
        if self.export:
            return self.export(person)
        return list(self.queryset(person).values(*self.fields))

    def rows_for_download(self, person, *, requested_by, reason):
        """The rows, with encrypted fields read in clear; that read is logged
        even when it is the person's own download, so it can be seen later."""
        if not self.encrypted:
            return self.rows(person)
        from .log import record_read

        rows = []
        for row in self.queryset(person).values(*self.fields, *self.encrypted):
            for name in self.encrypted:
                clear = self.cipher.decrypt(row.pop(name))
                row.update(
                    clear or {name: gettext("Cannot be read: the key that locked it has changed")}
                )
            rows.append(row)
        if rows:
            record_read(
                viewer=requested_by, subject=person, what=self.read_as, reason=reason, own_too=True
            )
        return rows

    def stored_files(self, person):
        """(record, file) for each file held under `files`, in a stable order."""
        found = []
        for path in self.files:
            *through, name = path.split("__")
            records = list(self.queryset(person).order_by("pk"))
            for relation in through:
                records = [
                    below
                    for record in records
                    for below in getattr(record, relation).order_by("pk")
                ]
            found += [
                (record, getattr(record, name)) for record in records if getattr(record, name)
            ]
        return found


_HOLDINGS: dict[tuple, Holding] = {}


def register(*holdings):
    for holding in holdings:
        _HOLDINGS[(holding.model, holding.field)] = holding


def holdings():
    return list(_HOLDINGS.values())


def sent_from_their_address(model_label, field="email", **also):
    """A `select` for copies held outside a relation: the rows whose `field` is
    the person's email address, such as a form they sent before they had an account."""

    def select(person):
        manager = apps.get_model(model_label)._default_manager
        if not person.email:
            return manager.none()  # no address, so nothing sent from one
        return manager.filter(**{f"{field}__iexact": person.email}, **also)

    return select


def holdings_by_relation():
    """The holdings that follow a relation to the user model, not a `select`."""
    return [holding for holding in holdings() if not holding.select]


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
