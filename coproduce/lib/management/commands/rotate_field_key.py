"""Writes every encrypted value again with the newest key in COPRODUCE_FIELD_KEY,
so older keys can be retired. Safe to run again: values already on the newest key
are left as they are."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Field, Model

from coproduce.lib import encryption


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _describe(model: type[Model], field: Field[Any, Any]) -> str:
    return f"{model._meta.verbose_name_plural} ({model._meta.label}.{field.name})"


class Command(BaseCommand):
    help = (
        "Write every encrypted value (bank details) again with the newest key in "
        "COPRODUCE_FIELD_KEY. Run it after putting a new key first in the list."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only report whether the keys read every value; change nothing.",
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Rows written per transaction."
        )

    def handle(
        self, *args: Any, check: bool = False, batch_size: int = 500, **options: Any
    ) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        if encryption.derived_from_secret_key():
            self.stdout.write(
                "COPRODUCE_FIELD_KEY is not set, so the key is derived from SECRET_KEY. "
                "Set COPRODUCE_FIELD_KEY to use a key of its own."
            )
        else:
            count = len(encryption.configured_keys())
            self.stdout.write(
                f"COPRODUCE_FIELD_KEY holds {count} keys; the first is the newest."
                if count > 1
                else "COPRODUCE_FIELD_KEY holds 1 key."
            )
        survey = [self._survey(model, field) for model, field in encryption.encrypted_fields()]
        unreadable = sum(len(found["unreadable"]) for found in survey)
        if unreadable:
            raise CommandError(
                f"{unreadable} encrypted value{'s' if unreadable != 1 else ''} cannot be read "
                "with the keys this site has, so nothing was changed. Put the key they were "
                "written with after the newest one (COPRODUCE_FIELD_KEY=newest,older; before "
                "the site had a field key, the older one is SECRET_KEY) and run this again."
            )
        if check:
            self.stdout.write(self.style.SUCCESS("The keys read every encrypted value."))
            return
        written = sum(self._rotate(found, batch_size) for found in survey)
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {written} value{'s' if written != 1 else ''} written again with the "
                "newest key. Every encrypted value now uses it."
            )
        )

    def _survey(self, model: type[Model], field: Field[Any, Any]) -> dict[str, Any]:
        """Each value of one column: read by the newest key, by an older one, or by none."""
        found: dict[str, Any] = {
            "model": model,
            "field": field,
            "newest": 0,
            "older": [],
            "unreadable": [],
        }
        values = (
            model._default_manager.exclude(**{field.attname: ""})
            .order_by("pk")
            .values_list("pk", field.attname)
        )
        for pk, token in values.iterator(chunk_size=2000):
            if encryption.written_with_newest_key(token):
                found["newest"] += 1
                continue
            try:
                encryption.decrypt(token)
            except encryption.InvalidToken:
                found["unreadable"].append(pk)
            else:
                found["older"].append(pk)
        total = found["newest"] + len(found["older"]) + len(found["unreadable"])
        line = (
            f"  {_describe(model, field)}: {total} value{'s' if total != 1 else ''}, "
            f"{found['newest']} on the newest key, {len(found['older'])} on an older key"
        )
        if found["unreadable"]:
            line += f", {len(found['unreadable'])} that no key can read"
        self.stdout.write(line + ".")
        return found

    def _rotate(self, found: dict[str, Any], batch_size: int) -> int:

        model, field = found["model"], found["field"]
        written = 0
        for batch in _chunks(found["older"], batch_size):
            with transaction.atomic():
                # Locked and read again, so a value saved since the survey is not overwritten.
                rows = (
                    model._default_manager.select_for_update()
                    .filter(pk__in=batch)
                    .values_list("pk", field.attname)
                )
                for pk, token in rows:
                    if encryption.written_with_newest_key(token):
                        continue
                    # update() leaves "last changed" times and change history alone.
                    model._default_manager.filter(pk=pk).update(
                        **{field.attname: encryption.rotate(token)}
                    )
                    written += 1
            self.stdout.write(f"  {_describe(model, field)}: {written} written so far.")
        return written
