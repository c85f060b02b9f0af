"""Equality answers leave this app only as counts, and only for those with the
permission. Each read is logged; small counts are hidden so nobody can be picked out."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.translation import gettext

from coproduce.lib.suppression import suppress
from coproduce.privacy.log import record_read
from coproduce.privacy.models import ReadLog

from .models import EqualityMonitoring


def answer_counts(
    viewer, question, reason, floor=None, people=None, permission="people.view_equality_aggregate"
):
    """[(label, count or None)] for one question, over everyone or over `people`
    (a queryset of users); None means the count is too small to show, or could
    be worked out from the others (coproduce.lib.suppression). The dashboard
    passes permission="people.view_equality_report", which the board holds too."""
    if not viewer.has_perm(permission):
        raise PermissionDenied
    if question not in EqualityMonitoring.QUESTIONS:
        raise ValueError(f"Not an equality question: {question}")
    answers = EqualityMonitoring.objects.all()
    if people is not None:
        answers = answers.filter(user__in=people)
    counts = dict(
        answers.exclude(**{question: ""})
        .values_list(question)
        .annotate(n=Count("pk"))
        .values_list(question, "n")
    )
    record_read(viewer=viewer, subject=None, what=ReadLog.What.EQUALITY, reason=reason)
    choices = EqualityMonitoring._meta.get_field(question).choices
    shown, _ = suppress({code: counts.get(code, 0) for code, _label in choices}, floor)
    return [(str(label), shown[code]) for code, label in choices]


def _choices(question):
    return EqualityMonitoring._meta.get_field(question).choices


@dataclass
class CrossTable:
    """A two-way table of counts with its row and column totals; None: hidden."""

    rows: list  # [(code, label)]
    columns: list  # [(code, label)]
    cells: dict  # {(row code, column code): count or None}
    row_totals: dict  # {row code: count or None}
    column_totals: dict  # {column code: count or None}
    total: int | None

    def grid(self, corner=""):
        """Headings then rows, with totals, ready for a Figure's `grid`."""
        head = (corner, *(label for _, label in self.columns), gettext("Total"))
        body = [
            (label, *(self.cells[r, c] for c, _ in self.columns), self.row_totals[r])
            for r, label in self.rows
        ]
        foot = (gettext("Total"), *(self.column_totals[c] for c, _ in self.columns), self.total)
        return (head, *body, foot)


def suppress_cross(counts, row_codes, column_codes, floor=None):
    """Suppresses a two-way table and its margins with the one suppression function,
    line by line (each row, each column, and the two lines of totals), until no
    line has exactly one hidden number: so no hidden count can be worked out by
    subtracting the others from a total. Returns (cells, row totals, column
    totals, grand total), with None for hidden."""
    row_totals = {r: sum(counts[r, c] for c in column_codes) for r in row_codes}
    column_totals = {c: sum(counts[r, c] for r in row_codes) for c in column_codes}
    value = {("cell", r, c): counts[r, c] for r in row_codes for c in column_codes}
    value.update({("row", r): n for r, n in row_totals.items()})
    value.update({("col", c): n for c, n in column_totals.items()})
    value["all"] = sum(row_totals.values())
    lines = [([("cell", r, c) for c in column_codes], ("row", r)) for r in row_codes]
    lines += [([("cell", r, c) for r in row_codes], ("col", c)) for c in column_codes]
    lines += [([("col", c) for c in column_codes], "all"), ([("row", r) for r in row_codes], "all")]
    hidden = set()
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            before = len(hidden)
            shown, total_shown = suppress(
                {m: value[m] for m in members}, floor, hidden={m for m in members if m in hidden}
            )
            hidden.update(m for m, n in shown.items() if n is None)
            if total_shown is None:
                hidden.add(total)
            if total in hidden and not any(m in hidden for m in members):
                # A hidden total is the sum of its line: hide a part of it too.
                nonzero = sorted((value[m], str(m), m) for m in members if value[m])
                if nonzero:
                    hidden.add(nonzero[0][2])
            changed = changed or len(hidden) != before

    def shown(key):
        return None if key in hidden else value[key]

    return (
        {(r, c): shown(("cell", r, c)) for r in row_codes for c in column_codes},
        {r: shown(("row", r)) for r in row_codes},
        {c: shown(("col", c)) for c in column_codes},
        shown("all"),
    )


def cross_counts(
    viewer,
    row_question,
    column_question,
    reason,
    floor=None,
    people=None,
    permission="people.view_equality_aggregate",
):
    """The intersection of two equality questions as a CrossTable, over everyone
    who answered both (or over `people`), suppressed by `suppress_cross`. The read
    is logged like `answer_counts`."""
    if not viewer.has_perm(permission):
        raise PermissionDenied
    for question in (row_question, column_question):
        if question not in EqualityMonitoring.QUESTIONS:
            raise ValueError(f"Not an equality question: {question}")
    answers = EqualityMonitoring.objects.exclude(**{row_question: ""}).exclude(
        **{column_question: ""}
    )
    if people is not None:
        answers = answers.filter(user__in=people)
    found = {
        (r, c): n
        for r, c, n in answers.values_list(row_question, column_question)
        .annotate(n=Count("pk"))
        .values_list(row_question, column_question, "n")
    }
    record_read(viewer=viewer, subject=None, what=ReadLog.What.EQUALITY, reason=reason)
    # Labels as text in the language of the moment: figures are stored as JSON.
    rows = [(code, str(label)) for code, label in _choices(row_question)]
    columns = [(code, str(label)) for code, label in _choices(column_question)]
    row_codes, column_codes = [r for r, _ in rows], [c for c, _ in columns]
    counts = {(r, c): found.get((r, c), 0) for r in row_codes for c in column_codes}
    cells, row_totals, column_totals, total = suppress_cross(counts, row_codes, column_codes, floor)
    return CrossTable(rows, columns, cells, row_totals, column_totals, total)
