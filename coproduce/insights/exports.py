"""The board report as a tagged PDF, and every figure's table as CSV (a zip, one
file per figure) or XLSX (one sheet per figure)."""

import csv
import io
import re
import zipfile

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from coproduce.lib.suppression import floor

from .periods import period_words


def _slug(text, limit=60):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit] or "figure"


def _all(areas):
    return [shown for _key, _label, items in areas for shown in items]


def pdf(areas, period, viewer):
    from weasyprint import HTML

    html = render_to_string(
        "insights/report.html",
        {
            "areas": areas,
            "period": period,
            "period_words": period_words(period),
            "made_at": timezone.localtime(),
            "ORGANISATION_NAME": settings.COPRODUCE_ORGANISATION_NAME,
            "floor": floor(),
        },
    )
    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def csv_zip(areas, period):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, shown in enumerate(_all(areas), start=1):
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow([shown.title])
            writer.writerow([period_words(period)])
            if shown.figure:
                writer.writerow([shown.figure.summary])
            headings, rows = shown.table()
            writer.writerow(headings)
            writer.writerows(rows)
            archive.writestr(f"{number:02d}-{_slug(shown.key)}.csv", out.getvalue())
    return buffer.getvalue()


def xlsx(areas, period):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used = set()
    for number, shown in enumerate(_all(areas), start=1):
        name = f"{number} {shown.title}"[:31]
        name = re.sub(r"[\[\]\*\?/\\:]", " ", name)
        while name in used:
            name = name[:28] + f" {number}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append([shown.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append([period_words(period)])
        if shown.figure:
            sheet.append([shown.figure.summary])
        headings, rows = shown.table()
        sheet.append(list(headings))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        sheet.column_dimensions["A"].width = 50
        sheet.column_dimensions["B"].width = 30
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
