"""Importing an organisation's existing contact spreadsheet.

Upload -> choose which column is which -> preview -> import. Rows are saved in
batches, each in one transaction; a row either goes in whole or not at all, and every
row that cannot go in is reported in plain English with its row number."""

import csv
import io
import secrets

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django_tasks import task
from openpyxl import load_workbook
from simple_history.utils import bulk_create_with_history

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.language import in_language_of

from .contact_details import phone_number
from .forms import is_email
from .models import AccessPassport, ImportJob, Profile, Sharing

User = get_user_model()

# (our field, label, required, longest allowed)
FIELDS = [
    ("name", gettext_lazy("Name"), True, 150),
    # Not needed: a phone number or postal address is another way to reach someone
    # (decision 0036).
    ("email", gettext_lazy("Email address"), False, 254),
    ("phone", gettext_lazy("Phone number"), False, 40),
    ("pronouns", gettext_lazy("Pronouns"), False, 40),
    ("address", gettext_lazy("Postal address"), False, 500),
    ("access_notes", gettext_lazy("Access needs, in their words"), False, 4000),
]
# Column names are matched as written in the file, in English or in Welsh, whatever
# language the person importing it reads the site in.
GUESSES = {
    "name": ("name", "full name", "preferred name", "contact name", "enw", "enw llawn"),
    "email": (
        "email",
        "email address",
        "e-mail",
        "email_address",
        "e-bost",
        "ebost",
        "cyfeiriad e-bost",
    ),
    "phone": (
        "phone",
        "phone number",
        "telephone",
        "mobile",
        "tel",
        "ffôn",
        "rhif ffôn",
        "ffôn symudol",
    ),
    "pronouns": ("pronouns", "rhagenwau"),
    "address": ("address", "postal address", "home address", "cyfeiriad", "cyfeiriad post"),
    "access_notes": (
        "access needs",
        "access",
        "access requirements",
        "support needs",
        "anghenion mynediad",
        "gofynion mynediad",
        "anghenion cymorth",
    ),
}
MAX_ROWS = 20000
DUPLICATE = gettext_lazy("someone already has this email address, so this is a duplicate")


class SpreadsheetError(Exception):
    pass


def read_spreadsheet(upload):
    """(headers, rows) as strings. Raises SpreadsheetError with a plain message."""
    name = upload.name.lower()
    try:
        if name.endswith(".xlsx"):
            book = load_workbook(upload, read_only=True, data_only=True)
            values = [
                ["" if cell is None else str(cell).strip() for cell in row]
                for row in book.worksheets[0].iter_rows(values_only=True)
            ]
            book.close()
        else:
            raw = upload.read()
            for encoding in ("utf-8-sig", "cp1252"):
                try:
                    text = raw.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            values = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    except SpreadsheetError:
        raise
    except Exception as error:  # a damaged file can fail in many ways
        raise SpreadsheetError(
            gettext("We could not read this file. Check it is a CSV or .xlsx file and try again.")
        ) from error
    values = [row for row in values if any(row)]
    if len(values) < 2:
        raise SpreadsheetError(
            gettext("The file has no rows to import. The first row must hold column names.")
        )
    if len(values) - 1 > MAX_ROWS:
        raise SpreadsheetError(
            gettext("The file has more than %(most)s rows. Split it into smaller files.")
            % {"most": f"{MAX_ROWS:,}"}
        )
    headers = [
        header or gettext("Column %(number)s") % {"number": i + 1}
        for i, header in enumerate(values[0])
    ]
    width = len(headers)
    rows = [(row + [""] * width)[:width] for row in values[1:]]
    return headers, rows


def guess_mapping(headers):
    mapping = {}
    for field, *_ in FIELDS:
        for index, header in enumerate(headers):
            if header.strip().lower() in GUESSES[field]:
                mapping[field] = str(index)
                break
    return mapping


class MappingForm(forms.Form):
    def __init__(self, *args, headers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", gettext("Not in this file"))] + [
            (str(i), header) for i, header in enumerate(headers)
        ]
        for field, label, required, _ in FIELDS:
            self.fields[field] = forms.ChoiceField(
                label=gettext("Which column holds: %(label)s?") % {"label": label},
                choices=choices,
                required=required,
                error_messages={
                    "required": gettext("Choose the column that holds the %(label)s. It is needed.")
                    % {"label": label.lower()}
                },
            )

    def clean(self):
        cleaned = super().clean()
        used = {}
        for field, label, *_ in FIELDS:
            column = cleaned.get(field)
            if column:
                if column in used:
                    self.add_error(
                        field,
                        gettext("This column is already chosen for %(other)s. Choose another.")
                        % {"other": used[column]},
                    )
                used[column] = label.lower()
        return cleaned


def map_row(row, mapping):
    return {
        field: row[int(mapping[field])].strip() if mapping.get(field) not in (None, "") else ""
        for field, *_ in FIELDS
    }


def check_row(data, seen, existing):
    """Plain-English problems with one row; `seen` maps emails to earlier row numbers."""
    problems = []
    email = data["email"].lower()
    if not data["name"]:
        problems.append(gettext("the name is missing"))
    if not email:
        if not data["phone"] and not data["address"]:
            problems.append(
                gettext(
                    "there is no email address, phone number or postal address, so there is "
                    "no way to reach them"
                )
            )
    elif not is_email(email):
        problems.append(
            gettext("'%(email)s' is not an email address") % {"email": data["email"][:80]}
        )
    elif email in seen:
        problems.append(gettext("this email address is also on row %(row)s") % {"row": seen[email]})
    elif email in existing:
        problems.append(str(DUPLICATE))
    if data["phone"]:
        try:
            phone_number(data["phone"])
        except ValidationError:
            problems.append(
                gettext(
                    "'%(phone)s' is not a phone number: write a UK number like "
                    "07700 900 982, or start with + and the country code"
                )
                % {"phone": data["phone"][:40]}
            )
    for field, label, _, longest in FIELDS:
        if len(data[field]) > longest:
            problems.append(
                gettext("the %(label)s is longer than %(longest)s characters")
                % {"label": label.lower(), "longest": longest}
            )
    return problems


def preview(job, limit=20):
    """The first rows as they would be imported, with the problems in the whole file."""
    existing = set(User.objects.values_list("email", flat=True))
    seen, sample, problem_rows = {}, [], 0
    for number, row in enumerate(job.rows, start=2):
        data = map_row(row, job.mapping)
        problems = check_row(data, seen, existing)
        if data["email"]:
            seen.setdefault(data["email"].lower(), number)
        problem_rows += bool(problems)
        if len(sample) < limit:
            sample.append((number, data, problems))
    return sample, problem_rows


# Rows saved together: one transaction and a handful of queries per batch, not per row.
BATCH_SIZE = 500


def _create_people(rows, job):
    """Saves the people of these checked rows, each with their co-producer role, profile
    and (if the row has access notes) access passport, and a history record for each of
    those saying which file they came from and who imported it."""
    reason = f"Imported from {job.filename}"
    history = {"default_user": job.uploaded_by, "default_change_reason": reason}
    users = []
    for data in rows:
        # No password until they accept an invitation; random after the "!" that marks it
        # unusable, as set_unusable_password does (its slower random was a twelfth of the time).
        password = UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)
        email = data["email"].lower() or None  # NULL: many people have no address
        users.append(User(email=email, name=data["name"], password=password))
    users = bulk_create_with_history(users, User, **history)
    bulk_create_with_history(
        [
            RoleAssignment(user=user, role=Role.COPRODUCER, granted_by=job.uploaded_by)
            for user in users
        ],
        RoleAssignment,
        **history,
    )
    bulk_create_with_history(
        [
            Profile(
                user=user, phone=data["phone"], pronouns=data["pronouns"], address=data["address"]
            )
            for user, data in zip(users, rows, strict=True)
        ],
        Profile,
        **history,
    )
    bulk_create_with_history(
        [
            # Not shared with anyone until the person confirms it themself.
            AccessPassport(user=user, own_words=data["access_notes"], sharing=Sharing.ARRANGEMENTS)
            for user, data in zip(users, rows, strict=True)
            if data["access_notes"]
        ],
        AccessPassport,
        **history,
    )


def _save_batch(batch, job, errors):
    """Saves a batch of checked (row number, data) pairs in one transaction; returns how
    many went in. If any row clashes (someone gave that address an account while the
    import ran), the batch is saved again row by row, so each row still goes in whole or
    not at all and the clash is reported against its own row."""
    try:
        with transaction.atomic():
            _create_people([data for _, data in batch], job)
        return len(batch)
    except IntegrityError:
        saved = 0
        for number, data in batch:
            try:
                with transaction.atomic():
                    _create_people([data], job)
            except IntegrityError:
                errors.append({"row": number, "problems": [str(DUPLICATE)]})
            else:
                saved += 1
        return saved


def run(job, batch_size=BATCH_SIZE):
    existing = set(User.objects.values_list("email", flat=True))
    seen, errors, imported = {}, [], 0
    for batch_start in range(0, len(job.rows), batch_size):
        batch_end = min(batch_start + batch_size, len(job.rows))
        batch = []
        for index in range(batch_start, batch_end):
            number = index + 2  # row 1 holds the column names
            data = map_row(job.rows[index], job.mapping)
            problems = check_row(data, seen, existing)
            if data["email"]:
                seen.setdefault(data["email"].lower(), number)
            if problems:
                errors.append({"row": number, "problems": problems})
            else:
                batch.append((number, data))
        if batch:
            imported += _save_batch(batch, job, errors)
        # Progress for the import's page, committed between batches.
        ImportJob.objects.filter(pk=job.pk).update(processed=batch_end, imported=imported)
    errors.sort(key=lambda error: error["row"])
    job.processed, job.imported, job.errors = len(job.rows), imported, errors
    job.rows = []
    job.status, job.finished_at = ImportJob.Status.DONE, timezone.now()
    job.save(update_fields=["processed", "imported", "errors", "rows", "status", "finished_at"])
    return job


@task()
def run_import(job_id):
    job = ImportJob.objects.select_related("uploaded_by").get(pk=job_id)
    if job.status == ImportJob.Status.RUNNING:
        # The rows left out are stored with their reasons, in the words of whoever imported.
        with in_language_of(job.uploaded_by):
            run(job)


@transaction.atomic
def start(job):
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status != ImportJob.Status.READY:
        return job
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])
    transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job
