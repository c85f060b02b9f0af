"""A person's rights over their data (a download of everything, and erasure),
and how long records are kept."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousFileOperation
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import get_valid_filename
from django.utils.translation import gettext

from coproduce.lib.language import in_language_of
from coproduce.lib.spreadsheets import csv_from_dicts

from . import retention
from .holdings import ACCOUNT
from .log import record_read
from .models import DataRequest, ReadLog, RetentionPeriod
from .registry import holdings as all_holdings

if TYPE_CHECKING:
    from coproduce.accounts.models import User

    from .registry import Holding
else:
    User = get_user_model()

# (section, about them (or only mentioning them), [one dict per row])
Section = tuple[str, bool, list[dict[str, Any]]]


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat(timespec="seconds")
            if timezone.is_aware(value)
            else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(_plain(v)) for v in value)
    if value is None:
        return ""
    if isinstance(value, Promise):  # a translated label, in the language of the download
        return str(value)
    return value


def _download_holdings() -> list[Holding]:
    """The account first, then every registered holding."""
    return [ACCOUNT, *all_holdings()]


def collect(person: User, *, requested_by: User, reason: str) -> list[Section]:
    """[(section, about_them, rows)] with the account first."""
    return [
        (
            str(holding.section),
            holding.about_them,
            [
                {str(k): _plain(v) for k, v in row.items()}
                for row in holding.rows_for_download(
                    person, requested_by=requested_by, reason=reason
                )
            ],
        )
        for holding in _download_holdings()
    ]


def _slug(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")


def _file_name(original: str) -> str:
    try:
        return str(get_valid_filename(original))
    except SuspiciousFileOperation:  # nothing usable left, such as ".."
        return "file"


def _copy_files(archive: zipfile.ZipFile, person: User) -> list[dict[str, str]]:
    """Copies every file the holdings keep for the person into files/, one folder
    per section; returns the index: one dict per file."""
    index: list[dict[str, str]] = []
    for number, holding in enumerate(_download_holdings(), start=1):
        for record, stored in holding.stored_files(person):
            name = stored.field.name
            original = (
                getattr(record, f"{name}_name", "")  # receipt_name
                or getattr(record, "original_name", "")
                or stored.name.rsplit("/", 1)[-1]
            )
            path = (
                f"files/{number:02d}-{_slug(holding.section)}/"
                f"{len(index) + 1:03d}-{_file_name(original)}"
            )
            try:
                with stored.open("rb") as source:
                    archive.writestr(path, source.read())
            except FileNotFoundError:
                path = gettext("(missing: the file was not found in storage)")
            index.append(
                {
                    "file": path,
                    "section": str(holding.section),
                    "what": str(record),
                    "name": original,
                }
            )
    return index


def export_zip(*, person: User, requested_by: User, reason: str) -> bytes:
    """The ZIP: data.json, one CSV per section, the person's files with an index,
    and a readable summary.html, in the person's language. Built in memory and never
    stored."""
    with in_language_of(person):
        return _export_zip(person=person, requested_by=requested_by, reason=reason)


def _export_zip(*, person: User, requested_by: User, reason: str) -> bytes:
    if requested_by.pk != person.pk:
        record_read(viewer=requested_by, subject=person, what=ReadLog.What.ALL_DATA, reason=reason)
    sections = collect(person, requested_by=requested_by, reason=reason)
    made_at = timezone.localtime()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        files = _copy_files(archive, person)
        if files:
            archive.writestr("files/index.csv", csv_from_dicts(files))
        archive.writestr(
            "data.json",
            json.dumps(
                {
                    "made_at": made_at.isoformat(timespec="seconds"),
                    "sections": {title: rows for title, _, rows in sections},
                    "files": files,
                },
                indent=2,
                ensure_ascii=False,
            ),
        )
        for number, (title, _, rows) in enumerate(sections, start=1):
            if not rows:
                continue
            archive.writestr(f"csv/{number:02d}-{_slug(title)}.csv", csv_from_dicts(rows))
        archive.writestr(
            "summary.html",
            render_to_string(
                "privacy/export_summary.html",
                {"person": person, "made_at": made_at, "sections": sections, "files": files},
            ),
        )
    return buffer.getvalue()


def _anonymise_account(person: User) -> None:
    person.name = "Removed person"
    person.email = f"removed-{person.pk}@removed.invalid"
    person.is_active = False
    person.set_unusable_password()
    person._change_reason = "Personal data erased"  # type: ignore[attr-defined]
    person.save()


@transaction.atomic
def erase_person(*, person: User, erased_by: User, data_request: DataRequest | None = None) -> User:
    """Anonymises every personal field everywhere it is held. Rows that count
    towards aggregates (roles, access requirement types, consent decisions,
    equality answers) stay, pointing at an account that no longer says who it was."""
    person = User.objects.select_for_update().get(pk=person.pk)
    old_email = person.email
    history_deletes: list[Holding] = []
    for holding in all_holdings():
        queryset = holding.queryset(person)
        if holding.erase_with:
            holding.erase_with(person)
        if holding.erase == "delete" and holding.model.split(".")[1].startswith("Historical"):
            history_deletes.append(holding)
        elif holding.erase == "delete":
            queryset.delete()
        elif holding.erase == "blank":
            queryset.update(**{name: "" for name in holding.blank})
    if old_email:  # people without one (decision 0036) had no email queued
        _erase_queued_messages(old_email)
    _anonymise_account(person)
    # Earlier versions hold the old values; they go last, after the saves above made new ones.
    for holding in history_deletes:
        holding.queryset(person).delete()
    User.history.filter(id=person.pk).exclude(history_change_reason="Personal data erased").delete()
    if data_request is not None:
        data_request.completed_at, data_request.completed_by = timezone.now(), erased_by
        data_request.save(update_fields=["completed_at", "completed_by"])
    return person


def _erase_queued_messages(email: str) -> None:
    """Queued emails keep the address and text in the task table."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another task backend keeps nothing here
        return
    DBTaskResult.objects.filter(args_kwargs__icontains=email).delete()


@transaction.atomic
def record_request(
    *,
    person: User,
    kind: str,
    recorded_by: User,
    received_at: datetime | None = None,
    note: str = "",
) -> DataRequest:
    return DataRequest.objects.create(
        person=person,
        kind=kind,
        recorded_by=recorded_by,
        received_at=received_at or timezone.now(),
        note=note,
    )


@transaction.atomic
def complete_request(*, data_request: DataRequest, completed_by: User) -> None:
    data_request.completed_at, data_request.completed_by = timezone.now(), completed_by
    data_request.save(update_fields=["completed_at", "completed_by"])


@transaction.atomic
def set_retention_periods(*, months: dict[str, int], changed_by: User) -> None:
    """{rule key: months} -> saved; the history of each change is kept."""
    known = {rule.key for rule in retention.rules()}
    for key, value in months.items():
        if key not in known:
            raise ValueError(f"No retention rule {key!r}")
        period, created = RetentionPeriod.objects.get_or_create(
            key=key, defaults={"months": value, "updated_by": changed_by}
        )
        if not created and period.months != value:
            period.months = value
            period.updated_by = changed_by
            period.save()
