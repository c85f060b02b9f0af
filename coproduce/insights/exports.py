"""The board report as a tagged PDF, and every figure's table as CSV (a zip, one
file per figure) or XLSX (one sheet per figure)."""

import io
import re
import zipfile

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from coproduce.lib.spreadsheets import XlsxBook, csv_text
from coproduce.lib.suppression import floor

from .periods import period_words


def _slug(text, limit=60):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit] or "figure"


def _all(areas):
    return [shown for _key, _label, items in areas for shown in items]


def pdf(areas, period, as_of, commentaries=()):
    from weasyprint import HTML

    html = render_to_string(
        "insights/report.html",
        {
            "areas": areas,
            "period": period,
            "period_words": period_words(period),
            "made_at": timezone.localtime(),
            "as_of": as_of,
            "commentaries": commentaries,
            "ORGANISATION_NAME": settings.COPRODUCE_ORGANISATION_NAME,
            "floor": floor(),
        },
    )
    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def _lines(shown, period):
    """A figure's title, period and summary above its table, as rows."""
    yield [shown.title], True
    yield [period_words(period)], False
    if shown.figure:
        yield [shown.figure.summary], False
    headings, rows = shown.table()
    yield list(headings), True
    for row in rows:
        yield list(row), False


def csv_zip(areas, period):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, shown in enumerate(_all(areas), start=1):
            text = csv_text(row for row, _heading in _lines(shown, period))
            archive.writestr(f"{number:02d}-{_slug(shown.key)}.csv", text)
    return buffer.getvalue()


def xlsx(areas, period):
    book = XlsxBook()
    for number, shown in enumerate(_all(areas), start=1):
        sheet = book.sheet(f"{number} {shown.title}", widths=(50, 30))
        for row, heading in _lines(shown, period):
            sheet.append(row, bold=heading)
    return book.to_bytes()
