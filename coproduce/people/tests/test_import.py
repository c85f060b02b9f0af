"""Spreadsheet import: columns mapped, previewed, imported row by row, every bad
row reported in plain English, duplicates found by email, nothing half-saved."""

import csv
import io
import time
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from openpyxl import Workbook

from coproduce.accounts.models import User
from coproduce.people import importing
from coproduce.people.models import AccessPassport, ImportJob, Profile

pytestmark = pytest.mark.django_db


def make_rows(count, bad_every=20):
    """count rows; every `bad_every`-th row is bad in one of several ways."""
    rows = []
    for i in range(count):
        name, email = f"Person {i}", f"person.{i}@example.org"
        if i % bad_every == bad_every - 1:
            kind = (i // bad_every) % 4
            if kind == 0:
                email = "not-an-email"
            elif kind == 1:
                name = ""
            elif kind == 2:
                email = "person.0@example.org"  # a duplicate of row 2
            else:
                email = ""
        rows.append(
            [name, email, f"0770090{i:04d}", "Needs step-free access" if i % 3 == 0 else ""]
        )
    return rows


def csv_upload(rows, name="contacts.csv"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Full name", "Email address", "Mobile", "Access needs"])
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"), content_type="text/csv")


def test_the_whole_journey_with_a_csv(client_as, people, django_capture_on_commit_callbacks):
    client = client_as("lead")
    User.objects.create_user("existing@example.org", name="Already Here")
    rows = make_rows(200)
    rows[5][1] = "EXISTING@example.org"  # duplicate of an account that already exists
    response = client.post(reverse("people:import_start"), {"file": csv_upload(rows)})
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("people:import_columns", args=[job.pk])
    assert job.mapping == {
        "name": "0",
        "email": "1",
        "phone": "2",
        "access_notes": "3",
    }  # guessed from the headers
    response = client.post(
        reverse("people:import_columns", args=[job.pk]),
        {"name": "0", "email": "1", "phone": "2", "access_notes": "3"},
    )
    preview = client.get(reverse("people:import_preview", args=[job.pk])).content.decode()
    assert "189 of 200 rows can be imported" in preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("people:import_preview", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "done" and job.imported == 189 and len(job.errors) == 11
    assert job.rows == []  # no copy of the spreadsheet is kept
    by_row = {error["row"]: error["problems"] for error in job.errors}
    assert by_row[21] == ["'not-an-email' is not an email address"]
    assert by_row[41] == ["the name is missing"]
    assert by_row[61] == ["this email address is also on row 2"]
    assert by_row[81] == ["the email address is missing"]
    assert by_row[7] == ["someone already has this email address, so this is a duplicate"]
    page = client.get(reverse("people:import_progress", args=[job.pk])).content.decode()
    assert "189 people imported" in page and "The name is missing." in page
    imported = User.objects.get(email="person.0@example.org")
    assert imported.has_role("coproducer") and not imported.has_usable_password()
    assert Profile.objects.get(user=imported).phone == "07700900000"
    assert AccessPassport.objects.get(user=imported).own_words == "Needs step-free access"


def test_xlsx_files_are_read(client_as):
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "E-mail", "Telephone"])
    sheet.append(["Ada Brown", "ada@example.org", 7700900001])
    sheet.append([None, None, None])
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("list.xlsx", out.getvalue())
    headers, rows = importing.read_spreadsheet(upload)
    assert headers == ["Name", "E-mail", "Telephone"] and rows == [
        ["Ada Brown", "ada@example.org", "7700900001"]
    ]


@pytest.mark.parametrize(
    "content,name,message",
    [
        (b"\x00\x01garbage", "broken.xlsx", "We could not read this file."),
        (b"Name,Email\n", "empty.csv", "The file has no rows to import."),
        (
            b"Name,Email\nA,a@example.org",
            "list.pdf",
            "The file must be a CSV file or an Excel .xlsx file.",
        ),
    ],
)
def test_bad_files_get_plain_errors(client_as, content, name, message):
    response = client_as("lead").post(
        reverse("people:import_start"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message.encode() in response.content
    assert not ImportJob.objects.exists()


def test_the_same_column_cannot_be_two_things(client_as, people):
    job = ImportJob.objects.create(
        uploaded_by=people["lead"], filename="x.csv", headers=["A", "B"], rows=[["a", "b"]], total=1
    )
    response = client_as("lead").post(
        reverse("people:import_columns", args=[job.pk]), {"name": "0", "email": "0"}
    )
    assert b"This column is already chosen for name" in response.content


def test_a_row_that_fails_half_way_leaves_nothing_behind(people):
    job = ImportJob.objects.create(
        uploaded_by=people["lead"],
        filename="x.csv",
        headers=["Name", "Email"],
        rows=[["Ada", "ada@example.org"], ["Bo", "bo@example.org"]],
        total=2,
        mapping={"name": "0", "email": "1"},
        status="running",
    )
    real = Profile.save

    def fail_for_bo(self, *args, **kwargs):
        if self.user.email == "bo@example.org":
            raise IntegrityError("simulated")
        return real(self, *args, **kwargs)

    with mock.patch.object(Profile, "save", fail_for_bo):
        importing.run(job)
    assert User.objects.filter(email="ada@example.org").exists()
    assert not User.objects.filter(
        email="bo@example.org"
    ).exists()  # the user row was rolled back too
    assert job.imported == 1 and job.errors[0]["row"] == 3


def test_a_thousand_rows_with_five_percent_bad(people):
    rows = make_rows(1000)
    job = ImportJob.objects.create(
        uploaded_by=people["lead"],
        filename="big.csv",
        headers=["n", "e", "p", "a"],
        rows=rows,
        total=len(rows),
        status="running",
        mapping={"name": "0", "email": "1", "phone": "2", "access_notes": "3"},
    )
    started = time.monotonic()
    importing.run(job)
    print(f"1,000 rows in {time.monotonic() - started:.1f} s")
    assert job.imported == 950 and len(job.errors) == 50
