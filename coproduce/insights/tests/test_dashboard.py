import io
import re
import zipfile
import zlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.insights.tests.data import build
from coproduce.lib import figures
from coproduce.lib.figures import Figure, Row

pytestmark = pytest.mark.django_db

MY_FIGURES = (
    "Ladder of co-production: declared and evidenced",
    "Projects involving co-producers from the start",
    "“You said, we did”: answered and time to answer",
    "Active co-producers",
    "Reach: ethnic group by gender",
    "Staff trained in co-production",
    "Culture: self-assessment scores",
    "Review: self-assessment scores",
    "Action plan: open and overdue actions",
)


@pytest.fixture
def data(people):
    return build(1, people["lead"])


def test_lead_sees_every_figure_by_area_with_links_to_the_records(client_as, data):
    page = client_as("lead").get(reverse("insights:dashboard")).content.decode()
    for title in MY_FIGURES:
        assert title.replace("“", "&ldquo;").replace("”", "&rdquo;") in page or title in page, title
    assert page.index('id="area-culture"') < page.index('id="area-structure"')
    assert page.index('id="area-practice"') < page.index('id="area-review"')
    assert "See the records behind this" in page
    assert reverse("assessment:round_detail", args=[data.pk]) in page
    # Scores: staff 4, co-producers 3; a gap of -1.
    assert "Co-producers scored 1.0 lower than staff." in page
    # Bars carry their value in words, and a class for their length.
    assert "cp-w-" in page and 'role="img"' in page


def test_board_sees_aggregates_without_links_into_records(client_as, data):
    page = client_as("board").get(reverse("insights:dashboard")).content.decode()
    assert "Staff trained in co-production" in page and "Reach: ethnic group by gender" in page
    assert "See the records behind this" not in page
    assert "/assessment/" not in page and "/projects/" not in page and "/learning/" not in page


@pytest.mark.parametrize(
    "query",
    [
        "?period=custom&start=2026-05-01&end=2026-01-01",
        "?period=custom&start=&end=",
        "?period=custom&start=not-a-date&end=2026-01-01",
        "?period=custom&start=1066-10-14&end=2026-01-01",
        "?period=nonsense",
        "?period=custom&start=2026-01-01&end=9999-12-31",
    ],
)
def test_a_wrong_period_gets_a_clear_message_and_no_server_error(client_as, query):
    response = client_as("lead").get(reverse("insights:dashboard") + query)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    for name in ("insights:report_pdf", "insights:report_xlsx", "insights:report_csv"):
        assert client_as("lead").get(reverse(name) + query).status_code == 200


def test_a_chosen_period_counts_only_its_own_records(client_as, data):
    today = timezone.localdate()
    long_ago = (
        f"?period=custom&start={today - timedelta(days=900):%Y-%m-%d}"
        f"&end={today - timedelta(days=800):%Y-%m-%d}"
    )
    page = client_as("lead").get(reverse("insights:dashboard") + long_ago).content.decode()
    assert "No self-assessment round was opened in this period." in page
    assert "No projects were running in this period." in page


def test_a_figure_that_fails_is_reported_without_taking_the_page_down(client_as, data):
    def broken(period, viewer):
        raise RuntimeError("boom")

    figures.register("test.broken", "review", broken)
    try:
        page = client_as("lead").get(reverse("insights:dashboard")).content.decode()
    finally:
        figures._SOURCES.pop("test.broken")
    assert "This figure could not be worked out just now." in page
    assert "Action plan: open and overdue actions" in page


def test_any_registered_figure_is_drawn_generically_and_links_only_with_permission(client_as):
    figures.register(
        "test.claims",
        "structure",
        lambda period, viewer: Figure(
            title="Claims paid within 14 days",
            summary="12 of 15 claims (80%) were paid within 14 days.",
            value=80,
            unit="%",
            rows=(
                Row(label="Within 14 days", value=12, url="/claims/?fast"),
                Row(label="Later", value=3),
            ),
            columns=("When paid", "Claims"),
            url="/claims/",
            url_permission="assessment.run_rounds",
            notes=("Counts claims approved in the period.",),
        ),
    )
    try:
        lead = client_as("lead").get(reverse("insights:dashboard")).content.decode()
        board = client_as("board").get(reverse("insights:dashboard")).content.decode()
    finally:
        figures._SOURCES.pop("test.claims")
    for page in (lead, board):
        assert "12 of 15 claims (80%) were paid within 14 days." in page
        assert "Counts claims approved in the period." in page and "80%" in page
        assert "cp-w-100" in page and "cp-w-25" in page  # 12 of 12, 3 of 12 rounded to 5s
    assert 'href="/claims/?fast"' in lead and 'href="/claims/"' in lead
    assert "/claims/" not in board


def test_the_board_report_is_a_tagged_pdf_with_every_figure(client_as, data):
    response = client_as("board").get(reverse("insights:report_pdf") + "?period=3m")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    content = pdf_objects(response.content)
    assert b"/StructTreeRoot" in content and b"/MarkInfo" in content
    assert b"/Lang (en-GB)" in content
    # Each figure's heading is in the document outline (bookmarks), as text.
    for title in (*MY_FIGURES, "Co-production board report"):
        assert pdf_string(title) in content, title


def pdf_objects(content):
    """The PDF with its compressed streams (object streams included) unpacked."""
    unpacked = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            unpacked.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(unpacked)


def pdf_string(text):
    """How a PDF writes `text` as a string: plain, or UTF-16 in hex."""
    if text.isascii():
        return b"(" + text.encode() + b")"
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


def test_every_table_downloads_as_xlsx_and_csv(client_as, data):
    from openpyxl import load_workbook

    response = client_as("lead").get(reverse("insights:report_xlsx"))
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == len(figures.sources())
    cells = {cell.value for sheet in book for row in sheet.iter_rows() for cell in row}
    assert "Staff trained in co-production" in cells and "Total" in cells
    response = client_as("lead").get(reverse("insights:report_csv"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert len(archive.namelist()) == len(figures.sources())
    reach = next(name for name in archive.namelist() if "ethnicity-by-gender" in name)
    # 12 co-producers spread over 12 groups: every group is hidden, in the file too.
    table = archive.read(reach).decode()
    assert "Fewer than 5 (not shown)" in table and "Total" in table
