"""Spreadsheet import: columns mapped, previewed, imported row by row, every bad
row reported in plain English, duplicates found by email, nothing half-saved."""

import csv
import io
import time
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from coproduce.accounts.models import RoleAssignment, User
from coproduce.people import importing
from coproduce.people.models import AccessPassport, ImportJob, Profile, Sharing

pytestmark = pytest.mark.django_db


def make_rows(count, bad_every=20):
    """count rows; every `bad_every`-th row is bad in one of several ways."""
    rows = []
    for i in range(count):
        name, email = f"Person {i}", f"person.{i}@example.org"
        phone = f"0770090{i:04d}"
        if i % bad_every == bad_every - 1:
            kind = (i // bad_every) % 4
            if kind == 0:
                email = "not-an-email"
            elif kind == 1:
                name = ""
            elif kind == 2:
                email = "person.0@example.org"  # a duplicate of row 2
            else:
                email = phone = ""  # no way at all to reach them
        rows.append([name, email, phone, "Needs step-free access" if i % 3 == 0 else ""])
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
    assert by_row[81] == [
        "there is no email address, phone number or postal address, so there is no way "
        "to reach them"
    ]
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
    real = Profile._default_manager.bulk_create

    def fail_for_bo(profiles, **kwargs):
        if any(profile.user.email == "bo@example.org" for profile in profiles):
            raise IntegrityError("simulated")
        return real(profiles, **kwargs)

    with mock.patch.object(Profile._default_manager, "bulk_create", fail_for_bo):
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


def running_job(lead, rows, filename="big.csv"):
    return ImportJob.objects.create(
        uploaded_by=lead,
        filename=filename,
        headers=["n", "e", "p", "a"],
        rows=rows,
        total=len(rows),
        status="running",
        mapping={"name": "0", "email": "1", "phone": "2", "access_notes": "3"},
    )


def test_every_imported_record_has_its_history_saying_where_it_came_from(people):
    job = running_job(people["lead"], make_rows(30), filename="members.csv")
    importing.run(job, batch_size=7)
    assert job.imported == 29
    for model in (User, RoleAssignment, Profile, AccessPassport):
        records = model.history.filter(history_change_reason="Imported from members.csv")
        expected = 10 if model is AccessPassport else 29  # rows 0, 3, 6... have access notes
        assert records.count() == expected, model
        assert set(records.values_list("history_type", "history_user")) == {
            ("+", people["lead"].pk)
        }
    passport = AccessPassport.objects.get(user__email="person.3@example.org")
    assert passport.sharing == Sharing.ARRANGEMENTS  # shared with no one until they confirm


def test_an_address_taken_while_the_import_runs_is_reported_on_its_own_row(people):
    """Someone is given an account for row 4's address after the import read the
    existing ones: that row is reported, and the rest of its batch still goes in."""
    rows = make_rows(10, bad_every=1000)
    User.objects.create_user("person.2@example.org", name="Invited meanwhile")
    job = running_job(people["lead"], rows)
    with mock.patch.object(User.objects, "values_list", return_value=[]):
        importing.run(job, batch_size=5)
    assert job.imported == 9
    assert job.errors == [{"row": 4, "problems": [importing.DUPLICATE]}]
    assert User.objects.get(email="person.2@example.org").name == "Invited meanwhile"
    assert not Profile.objects.filter(user__email="person.2@example.org").exists()
    assert RoleAssignment.objects.filter(user__email__startswith="person.").count() == 9


def test_queries_grow_with_batches_not_rows(people):
    """A batch costs the same handful of queries whether the file is small or large
    (SQLite splits an insert of 100 users in two: it takes 999 values at most)."""

    def queries_for(count, start):
        rows = [
            [f"Person {i}", f"q{start + i}@example.org", "07700900000", "Step-free" * (i % 2)]
            for i in range(count)
        ]
        job = running_job(people["lead"], rows)
        with CaptureQueriesContext(connection) as queries:
            importing.run(job, batch_size=100)
        assert job.imported == count
        return len(queries)

    one_batch = queries_for(100, 0)
    three_batches = queries_for(300, 1000)
    per_batch = (three_batches - one_batch) / 2
    assert per_batch <= 20, (one_batch, three_batches)
    assert three_batches == one_batch + 2 * per_batch
    assert one_batch <= 25


def test_progress_is_shown_as_rows_done_of_the_total(client_as, people):
    job = running_job(people["lead"], make_rows(10))
    ImportJob.objects.filter(pk=job.pk).update(processed=500, total=2000)
    page = client_as("lead").get(reverse("people:import_progress", args=[job.pk]))
    text = page.content.decode()
    assert "500 of 2000 rows done (25%)" in text
    # No JavaScript and no automatic refresh: a link asks again.
    assert 'http-equiv="refresh"' not in text
    assert f'href="{reverse("people:import_progress", args=[job.pk])}"' in text


def test_a_row_with_no_email_goes_in_when_there_is_another_way_to_reach_them(people):
    from coproduce.people import importing

    job = ImportJob.objects.create(
        uploaded_by=people["lead"],
        filename="no-email.csv",
        headers=["Name", "Email", "Phone", "Pronouns", "Address"],
        rows=[
            ["Sam Text", "", "07700 900 321", "", ""],
            ["Pat Post", "", "", "", "1 High Street\nLeeds\nLS1 1AA"],
            ["Lou Wrong", "", "12345", "", ""],
            ["Nobody Reachable", "", "", "", ""],
        ],
        total=4,
        mapping={"name": "0", "email": "1", "phone": "2", "pronouns": "3", "address": "4"},
        status=ImportJob.Status.RUNNING,
    )
    importing.run(job)
    assert job.imported == 2
    assert set(User.objects.filter(email=None).values_list("name", flat=True)) == {
        "Sam Text",
        "Pat Post",
    }
    by_row = {error["row"]: error["problems"] for error in job.errors}
    assert "is not a phone number" in by_row[4][0] and "+ and the country code" in by_row[4][0]
    assert "no way to reach them" in by_row[5][0]
