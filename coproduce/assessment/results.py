"""A round's results: each area's average score from staff and from co-producers,
side by side, with the gap. Read from the results stored when answers are sent
(models.Result), in a fixed number of queries whatever the number of answers.

An average from fewer people than the small-number floor could show what one
person answered, so it is hidden (coproduce.lib.suppression)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext

from coproduce.lib import keyset
from coproduce.lib.figures import AREAS
from coproduce.lib.suppression import suppress

from .models import Answer, Perspective, Result

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
            return gettext("Not enough answers to compare.")
        if gap == 0:
            return gettext("Staff and co-producers agree.")
        if gap < 0:
            return gettext("Co-producers scored %(gap)s lower than staff.") % {"gap": abs(gap)}
        return gettext("Co-producers scored %(gap)s higher than staff.") % {"gap": gap}


def _stored(round_ids, statements_of=None):
    """The stored results (models.Result) of the rounds, in one query: {(round id,
    perspective, area, statement id): (average, people)}; statements only for the round
    `statements_of`, areas and the people who sent answers for all."""
    chosen = Result.objects.filter(round_id__in=round_ids, statement__isnull=True)
    if statements_of is not None:
        chosen = chosen | Result.objects.filter(round_id=statements_of)
    return {
        (row.round_id, row.perspective, row.area, row.statement_id): (row.average, row.people)
        for row in chosen
    }


def _sent(found, round_id):
    """(staff, co-producers) who sent answers, each None when under the floor."""
    return tuple(
        _shown((found.get((round_id, perspective, "", None)) or (None, 0))[1])
        for perspective in (Perspective.STAFF, Perspective.COPRODUCER)
    )


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


def area_scores(round_ids, found=None):
    """{round id: {area: Scores}} for every round given, in one query (or from `found`,
    what _stored read)."""
    round_ids = list(round_ids)
    found = _stored(round_ids) if found is None else found
    results = {}
    for round_id in round_ids:
        staff_n, coproducer_n = _sent(found, round_id)
        results[round_id] = {
            area: _scores(
                found.get((round_id, Perspective.STAFF, area, None)),
                found.get((round_id, Perspective.COPRODUCER, area, None)),
                staff_n,
                coproducer_n,
            )
            for area in AREAS
        }
    return results


def statement_scores(round_, found=None):
    """[(statement, Scores)] for one round, in two queries (one, given `found`)."""
    found = _stored([round_.pk], statements_of=round_.pk) if found is None else found
    staff_n, coproducer_n = _sent(found, round_.pk)
    return [
        (
            statement,
            _scores(
                found.get((round_.pk, Perspective.STAFF, statement.area, statement.pk)),
                found.get((round_.pk, Perspective.COPRODUCER, statement.area, statement.pk)),
                staff_n,
                coproducer_n,
            ),
        )
        for statement in round_.framework.statements.all()
    ]


def round_results(round_, earlier):
    """The round's areas and statements, and the earlier rounds' areas, in one query:
    ({round id: {area: Scores}}, [(statement, Scores)])."""
    round_ids = [round_.pk, *(r.pk for r in earlier)]
    found = _stored(round_ids, statements_of=round_.pk)
    return area_scores(round_ids, found), statement_scores(round_, found)


COMMENTS_PAGE_SIZE = 20


def comments(round_, query, statements):
    """A page of the comments people sent, without names, in order of statement, each
    with its statement from `statements` ({id: statement}: joining the statements in
    the query made the database sort every comment of the round). One person's
    comments are not put together."""
    page = keyset.page(
        Answer.objects.filter(response__round=round_, response__submitted_at__isnull=False)
        .exclude(comment="")
        .values("pk", "statement_id", "response__perspective", "comment"),
        order="statement_id",
        size=COMMENTS_PAGE_SIZE,
        query=query,
    )
    for comment in page:
        comment["statement"] = statements[comment["statement_id"]]
    return page
