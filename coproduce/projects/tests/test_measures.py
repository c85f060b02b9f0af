"""The measures come from the records: team, stages, decisions and answers."""

import pytest

from coproduce.projects import actions, evidence
from coproduce.projects.models import Decision, Stage
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


def test_measures_read_the_records(people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    Stage.objects.filter(project=project, order__in=[1, 2]).update(coproducers_involved=True)
    for agreement, present in [
        (Decision.Agreement.AGREED, [people["coproducer"], people["staff"]]),
        (Decision.Agreement.PARTLY, [people["coproducer"]]),
        (Decision.Agreement.AGREED, [people["staff"]]),  # no co-producer there
        (Decision.Agreement.NOT_ASKED, [people["coproducer"]]),
    ]:
        actions.record_decision(
            project=project,
            recorded_by=people["staff"],
            present=present,
            what="x",
            why="y",
            agreement=agreement,
        )
    actions.record_decision(  # a proposal is not yet in the log
        project=project,
        recorded_by=people["coproducer"],
        present=[people["coproducer"]],
        proposed=True,
        what="x",
        why="y",
        agreement=Decision.Agreement.AGREED,
    )
    said = actions.record_feedback(
        project=project, recorded_by=people["staff"], said_by=[people["coproducer"]], said="z"
    )
    actions.record_feedback(project=project, recorded_by=people["staff"], said_by=[], said="w")
    actions.answer_feedback(
        item=said,
        outcome="done",
        response="We did",
        answered_by=people["staff"],
        build_url=lambda item: "/",
    )
    m = evidence.measures_for([project.pk])[project.pk]
    assert (m.coproducers, m.stages, m.stages_involved, m.first_stage_involved) == (1, 4, 2, True)
    assert (m.decisions, m.decisions_shared) == (4, 2)
    assert (m.feedback, m.feedback_answered) == (2, 1)
    # Half the stages and half the decisions shared: the records support co-design.
    assert evidence.evidenced_rung(m)[0] == 6


def test_a_staff_member_present_does_not_make_a_decision_shared(people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    actions.record_decision(
        project=project,
        recorded_by=people["staff"],
        present=[people["lead"]],
        what="x",
        why="y",
        agreement=Decision.Agreement.AGREED,
    )
    assert evidence.measures_for([project.pk])[project.pk].decisions_shared == 0
