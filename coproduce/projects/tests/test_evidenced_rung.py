"""Pins the evidenced-rung rules with an example for each rung."""

import pytest

from coproduce.projects import evidence
from coproduce.projects.evidence import Measures

EXAMPLES = {
    None: Measures(),
    3: Measures(decisions=2),
    4: Measures(feedback=3),
    5: Measures(coproducers=2, stages=4, stages_involved=1, feedback=3, feedback_answered=1),
    6: Measures(coproducers=2, stages=4, stages_involved=2, decisions=4, decisions_shared=2),
    7: Measures(
        coproducers=3,
        stages=4,
        stages_involved=4,
        first_stage_involved=True,
        decisions=4,
        decisions_shared=3,
        feedback=4,
        feedback_answered=3,
    ),
}


@pytest.mark.parametrize("expected", EXAMPLES, ids=lambda rung: f"rung-{rung}")
def test_each_rung_has_an_example(expected):
    rung, rule = evidence.evidenced_rung(EXAMPLES[expected])
    assert rung == expected
    if expected is not None:
        assert rule.met and rule.rung == expected


def test_all_stages_but_not_from_the_start_is_not_coproduction():
    measures = Measures(**{**EXAMPLES[7].__dict__, "first_stage_involved": False})
    rung, _ = evidence.evidenced_rung(measures)
    assert rung == 6


def test_too_few_decisions_do_not_count_as_shared_decision_making():
    measures = Measures(**{**EXAMPLES[7].__dict__, "decisions": 2, "decisions_shared": 2})
    assert evidence.evidenced_rung(measures)[0] == 5


def test_unanswered_feedback_holds_a_project_below_coproduction():
    measures = Measures(**{**EXAMPLES[7].__dict__, "feedback_answered": 1})
    assert evidence.evidenced_rung(measures)[0] == 6


def test_thresholds_can_be_tuned(settings):
    settings.COPRODUCE_EVIDENCE_THRESHOLDS = {"coproduction_decision_share": 0.9}
    assert evidence.evidenced_rung(EXAMPLES[7])[0] == 6


def test_conditions_explain_themselves_in_plain_english():
    rule = evidence.rules_for(EXAMPLES[6])[0]
    not_met = [c.text for c in rule.conditions if not c.met]
    assert "Co-producers were involved from the first stage." in not_met
