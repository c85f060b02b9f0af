"""A round's results: each area's average score from staff and from co-producers,
side by side, with the gap. Worked out in the database in a fixed number of
queries, whatever the number of rounds or answers.

An average from fewer people than the small-number floor could show what one
person answered, so it is hidden (coproduce.lib.suppression)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count

from coproduce.lib.figures import AREAS
from coproduce.lib.suppression import suppress

from .models import Answer, Perspective, Response

ONE_PLACE = Decimal("0.1")


def one_place(value):
    return None if value is None else Decimal(value).quantize(ONE_PLACE, ROUND_HALF_UP)


@dataclass
class Scores:
    staff: Decimal | None = None
    coproducer: Decimal | None = None
    staff_people: int | None = 0
    coproducer_people: int | None = 0

    @property
    def gap(self):
        """Co-producers' score minus staff's: below zero, co-producers see less progress."""
        if self.staff is None or self.coproducer is None:
            return None
        return self.coproducer - self.staff

    @property
    def gap_words(self):
        gap = self.gap
        if gap is None:
            return "Not enough answers to compare."
        if gap == 0:
            return "Staff and co-producers agree."
        if gap < 0:
            return f"Co-producers scored {abs(gap)} lower than staff."
        return f"Co-producers scored {gap} higher than staff."


def respondents(round_ids):
    """{(round id, perspective): people who submitted}."""
    rows = (
        Response.objects.filter(round_id__in=round_ids, submitted_at__isnull=False)
        .values("round_id", "perspective")
        .annotate(n=Count("pk"))
    )
    return {(row["round_id"], row["perspective"]): row["n"] for row in rows}


def _shown(n):
    """The number of people behind an average, or None when under the floor."""
    shown, _ = suppress({"people": n})
    return shown["people"]


def _average(cell):
    """(average, people whose scores are behind it) -> the average, shown only
    when enough people scored that very statement or area: someone who left
    gaps must not leave one person's score standing alone."""
    if cell is None:
        return None
    average, people = cell
    return one_place(average) if _shown(people) else None


def _scores(staff, coproducer, staff_n, coproducer_n):
    """staff, coproducer: (average, people) or None; staff_n, coproducer_n: the
    people who sent answers, for the sentence above the results."""
    return Scores(
        staff=_average(staff),
        coproducer=_average(coproducer),
        staff_people=staff_n,
        coproducer_people=coproducer_n,
    )


def area_scores(round_ids):
    """{round id: {area: Scores}} for every round given, in two queries."""
    round_ids = list(round_ids)
    people = respondents(round_ids)
    averages = (
        Answer.objects.filter(
            response__round_id__in=round_ids,
            response__submitted_at__isnull=False,
            score__isnull=False,
        )
        .values("response__round_id", "response__perspective", "statement__area")
        .annotate(average=Avg("score"), people=Count("response", distinct=True))
    )
    found = {
        (row["response__round_id"], row["response__perspective"], row["statement__area"]): (
            row["average"],
            row["people"],
        )
        for row in averages
    }
    results = {}
    for round_id in round_ids:
        staff_n = _shown(people.get((round_id, Perspective.STAFF), 0))
        coproducer_n = _shown(people.get((round_id, Perspective.COPRODUCER), 0))
        results[round_id] = {
            area: _scores(
                found.get((round_id, Perspective.STAFF, area)),
                found.get((round_id, Perspective.COPRODUCER, area)),
                staff_n,
                coproducer_n,
            )
            for area in AREAS
        }
    return results


def statement_scores(round_):
    """[(statement, Scores)] for one round, in two queries."""
    people = respondents([round_.pk])
    staff_n = _shown(people.get((round_.pk, Perspective.STAFF), 0))
    coproducer_n = _shown(people.get((round_.pk, Perspective.COPRODUCER), 0))
    rows = (
        Answer.objects.filter(
            response__round=round_, response__submitted_at__isnull=False, score__isnull=False
        )
        .values("statement_id", "response__perspective")
        .annotate(average=Avg("score"), people=Count("response", distinct=True))
    )
    found = {
        (row["statement_id"], row["response__perspective"]): (row["average"], row["people"])
        for row in rows
    }
    return [
        (
            statement,
            _scores(
                found.get((statement.pk, Perspective.STAFF)),
                found.get((statement.pk, Perspective.COPRODUCER)),
                staff_n,
                coproducer_n,
            ),
        )
        for statement in round_.framework.statements.all()
    ]


def comments(round_):
    """Comments people submitted, by area and perspective, without names."""
    return list(
        Answer.objects.filter(response__round=round_, response__submitted_at__isnull=False)
        .exclude(comment="")
        .select_related("statement")
        .order_by("statement__order", "response__perspective", "pk")
        .values("statement__area", "statement__text", "response__perspective", "comment")
    )
