from datetime import timedelta

from django.utils import timezone

from coproduce.assessment import actions
from coproduce.assessment.models import Framework, Perspective, Statement


def scie():
    from coproduce.assessment.defaults import load_scie

    return load_scie(Framework, Statement)


def open_round(*, lead, title="Spring round", days=21, framework=None):
    return actions.open_round(
        framework=framework or scie(),
        title=title,
        closes_on=timezone.localdate() + timedelta(days=days),
        opened_by=lead,
    )


def answer_all(round_, person, perspective, score, comment="", submit=True):
    """`score`: a number for every statement, or {area: number}."""
    statements = list(round_.framework.statements.all())
    return actions.save_answers(
        round_=round_,
        person=person,
        perspective=perspective,
        answers={
            s: (score[s.area] if isinstance(score, dict) else score, comment) for s in statements
        },
        submit=submit,
    )


STAFF, COPRODUCER = Perspective.STAFF, Perspective.COPRODUCER
