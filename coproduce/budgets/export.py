"""The year's plan, committed, actual and variance as CSV or XLSX (lib.spreadsheets)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coproduce.lib.spreadsheets import XlsxBook, csv_text


def tables(summary):
    """(title, heading of the first column, rows) for each of the page's three tables."""
    return (
        (_("By month"), _("Month"), [
            (date_format(month, "F Y"), amounts) for month, amounts in summary.rows("month")
        ]),
        (_("By project"), _("Project"), summary.rows("project")),
        (_("By activity"), _("Activity"), summary.rows("type")),
    )  # fmt: skip


def headings(first):
    return [
        first,
        _("Plan (£)"),
        _("Committed (£)"),
        _("Actual (£)"),
        _("Variance (£)"),
    ]


def as_csv(summary):
    rows = [[_("Involvement budget %(year)s, in GBP") % {"year": summary.year.label}]]
    for title, first, table in tables(summary):
        rows += [[], [title], headings(first)]
        rows += [[label, *_numbers(amounts)] for label, amounts in table]
        rows.append([_("Total"), *_numbers(summary.total)])
    return csv_text(rows).encode("utf-8-sig")


def as_xlsx(summary):
    book = XlsxBook()
    for title, first, table in tables(summary):
        sheet = book.sheet(title, widths=(30, 14, 14, 14, 14))
        sheet.append(headings(first), bold=True)
        for label, amounts in table:
            sheet.append([label, *_numbers(amounts)])
        sheet.append([_("Total"), *_numbers(summary.total)], bold=True)
    return book.to_bytes()


def _numbers(amounts):
    # Exact decimals, numbers to a spreadsheet (a minus sign is not made text): never a float.
    return [amounts.plan, amounts.committed, amounts.actual, amounts.variance]
