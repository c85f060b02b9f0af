"""The evidenced rung: which rung of the ladder a project's records support.

This file is the one place the rules live. Each rule names a rung and the
conditions it needs, in plain English; the project page and the "How we judge
the evidence" page show them as written here. A project is placed on the highest
rung whose conditions are all met. Thresholds can be tuned in settings with
COPRODUCE_EVIDENCE_THRESHOLDS (same keys as THRESHOLDS below).

What counts as evidence:
- co-producers on the team (anyone who has been a member as a co-producer);
- co-producer co-leadership: a co-producer co-leads the project today, with the staff
  lead's powers. It is shared power, so it counts instead of the share of decisions
  for co-design (rung 6) and for engagement (rung 5); co-production (rung 7) still needs
  the decisions themselves to be shared. A co-lead who has left no longer counts;
- the stages where co-producers were involved, and whether that includes the first;
- recorded decisions made with a co-producer from the team present and co-producers
  agreeing (fully or partly);
- "you said, we did" items answered.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, F, Func, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from .models import Decision, Feedback, Stage, TeamMember

THRESHOLDS = {
    # Share of recorded decisions made with co-producers present and agreeing.
    "coproduction_decision_share": 0.75,
    "codesign_decision_share": 0.5,
    # Share of "you said" items that have an answer.
    "coproduction_feedback_answered_share": 0.75,
    # Fewest recorded decisions before decision shares count as evidence.
    "min_decisions": 3,
}


def thresholds():
    return {**THRESHOLDS, **getattr(settings, "COPRODUCE_EVIDENCE_THRESHOLDS", {})}


@dataclass
class Measures:
    coproducers: int = 0
    co_leads: int = 0
    stages: int = 0
    stages_involved: int = 0
    first_stage_involved: bool = False
    decisions: int = 0
    decisions_shared: int = 0
    feedback: int = 0
    feedback_answered: int = 0

    @property
    def decision_share(self):
        return self.decisions_shared / self.decisions if self.decisions else 0.0

    @property
    def feedback_answered_share(self):
        return self.feedback_answered / self.feedback if self.feedback else 0.0

    @property
    def anything_recorded(self):
        return bool(self.coproducers or self.stages_involved or self.decisions or self.feedback)


@dataclass
class Condition:
    text: str
    met: bool


@dataclass
class Rule:
    rung: int
    summary: str
    conditions: list = field(default_factory=list)

    @property
    def met(self):
        return all(condition.met for condition in self.conditions)

    @property
    def name(self):
        # Every summary is "Name: what it means", in every language.
        return self.summary.split(":")[0]


def percent(share):
    return f"{round(share * 100)}%"


def rules_for(m):
    """The rules, highest rung first, with each condition checked against `m`."""
    t = thresholds()
    enough_decisions = m.decisions >= t["min_decisions"]
    return [
        Rule(
            7,
            gettext(
                "Co-production: an equal partnership from the start to the end, sharing decisions."
            ),
            [
                Condition(gettext("Co-producers are on the project team."), m.coproducers > 0),
                Condition(
                    gettext("Co-producers were involved from the first stage."),
                    m.first_stage_involved,
                ),
                Condition(
                    gettext("Co-producers were involved in every stage."),
                    m.stages > 0 and m.stages_involved == m.stages,
                ),
                Condition(
                    ngettext(
                        "At least %(count)d decision is recorded, and at least "
                        "%(share)s were made with co-producers present and agreeing.",
                        "At least %(count)d decisions are recorded, and at least "
                        "%(share)s were made with co-producers present and agreeing.",
                        t["min_decisions"],
                    )
                    % {
                        "count": t["min_decisions"],
                        "share": percent(t["coproduction_decision_share"]),
                    },
                    enough_decisions and m.decision_share >= t["coproduction_decision_share"],
                ),
                Condition(
                    gettext("At least %(share)s of what co-producers said has an answer.")
                    % {"share": percent(t["coproduction_feedback_answered_share"])},
                    m.feedback > 0
                    and m.feedback_answered_share >= t["coproduction_feedback_answered_share"],
                ),
            ],
        ),
        Rule(
            6,
            gettext("Co-design: co-producers shape the design with real influence."),
            [
                Condition(gettext("Co-producers are on the project team."), m.coproducers > 0),
                Condition(
                    gettext("Co-producers were involved in at least half of the stages."),
                    m.stages > 0 and m.stages_involved * 2 >= m.stages,
                ),
                Condition(
                    ngettext(
                        "At least %(count)d decision is recorded, and at least %(share)s were "
                        "made with co-producers present and agreeing; or a co-producer co-leads "
                        "the project.",
                        "At least %(count)d decisions are recorded, and at least %(share)s were "
                        "made with co-producers present and agreeing; or a co-producer co-leads "
                        "the project.",
                        t["min_decisions"],
                    )
                    % {"count": t["min_decisions"], "share": percent(t["codesign_decision_share"])},
                    (enough_decisions and m.decision_share >= t["codesign_decision_share"])
                    or m.co_leads > 0,
                ),
            ],
        ),
        Rule(
            5,
            gettext("Engagement: co-producers have some influence, within limits others set."),
            [
                Condition(gettext("Co-producers are on the project team."), m.coproducers > 0),
                Condition(
                    gettext("Co-producers were involved in at least one stage."),
                    m.stages_involved > 0,
                ),
                Condition(
                    gettext(
                        "At least one decision was made with co-producers present and agreeing, "
                        "something they said has an answer, or a co-producer co-leads the project."
                    ),
                    m.decisions_shared > 0 or m.feedback_answered > 0 or m.co_leads > 0,
                ),
            ],
        ),
        Rule(
            4,
            gettext("Consultation: co-producers' views are asked for."),
            [
                Condition(
                    gettext(
                        "Co-producers' views are recorded ('you said'), they were present "
                        "when decisions were made, or they were involved in a stage."
                    ),
                    m.feedback > 0 or m.decisions_shared > 0 or m.stages_involved > 0,
                ),
            ],
        ),
        Rule(
            3,
            gettext("Informing: people are told what was decided and why."),
            [Condition(gettext("Something about the project is recorded."), m.anything_recorded)],
        ),
    ]


def evidenced_rung(m):
    """(rung number or None, the rule that placed it). None: nothing recorded yet."""
    for rule in rules_for(m):
        if rule.met:
            return rule.rung, rule
    return None, None


def rungs_for(project_ids):
    """{project id: the rung its records support, or None}, in a fixed number of queries."""
    return {pk: evidenced_rung(m)[0] for pk, m in measures_for(project_ids).items()}


def measures_for(project_ids):
    """Measures for many projects in a fixed number of queries, whatever their number."""
    ids = list(project_ids)
    measures = {pk: Measures() for pk in ids}
    if not ids:
        return measures
    # Everyone who has been a co-producer on the team counts, including past members.
    coproducer_members = TeamMember.objects.filter(
        project_id__in=ids, kind=TeamMember.Kind.COPRODUCER
    )
    # Co-leads count only while they are on the team: the same rows, in the same query.
    current = Q(left_on=None) | Q(left_on__gt=timezone.localdate())
    rows = coproducer_members.values("project_id").annotate(
        n=Count("person", distinct=True),
        co_leads=Count("person", distinct=True, filter=current & Q(co_lead=True)),
    )
    for row in rows:
        measures[row["project_id"]].coproducers = row["n"]
        measures[row["project_id"]].co_leads = row["co_leads"]
    # Every stage's row, in order, once: counts and the first stage come from the same rows.
    stages = (
        Stage.objects.filter(project_id__in=ids)
        .order_by("project_id", "order", "pk")
        .values_list("project_id", "coproducers_involved")
    )
    for project_id, involved in stages:
        measure = measures[project_id]
        if not measure.stages:
            measure.first_stage_involved = involved
        measure.stages += 1
        measure.stages_involved += involved
    _count_decisions_and_feedback(measures, ids)
    return measures


def measures_of(project, team, stages):
    """Measures for one project whose team and stages the page has already fetched, and
    whose decisions and feedback were counted with it (counted_with_the_project)."""
    return Measures(
        coproducers=len({m.person_id for m in team if m.kind == TeamMember.Kind.COPRODUCER}),
        co_leads=len({m.person_id for m in team if m.co_lead and m.is_current}),
        stages=len(stages),
        stages_involved=sum(1 for stage in stages if stage.coproducers_involved),
        first_stage_involved=bool(stages) and stages[0].coproducers_involved,
        decisions=project.decisions_counted,
        decisions_shared=project.decisions_shared_counted,
        feedback=project.feedback_counted,
        feedback_answered=project.feedback_answered_counted,
    )


def counted_with_the_project():
    """The decision and feedback measures as subqueries to annotate a Project query
    with, so the project page reads them with the project: the same definitions as
    _count_decisions_and_feedback."""
    decisions = Decision.objects.filter(project=OuterRef("pk"), status=Decision.Status.RECORDED)
    feedback = Feedback.objects.filter(project=OuterRef("pk"))
    return {
        "decisions_counted": count_of(decisions),
        "decisions_shared_counted": count_of(
            decisions.filter(Exists(_coproducer_present()), agreement__in=_AGREEING)
        ),
        "feedback_counted": count_of(feedback),
        "feedback_answered_counted": count_of(feedback.exclude(outcome=Feedback.Outcome.OPEN)),
    }


def count_of(queryset):
    """A scalar subquery: how many rows `queryset` has (always one row, never NULL)."""
    return Subquery(queryset.order_by().values(n=Func(F("pk"), function="COUNT")))


_AGREEING = [Decision.Agreement.AGREED, Decision.Agreement.PARTLY]


def _coproducer_present():
    """Inside a query of decisions: a co-producer from the team was present."""
    return TeamMember.objects.filter(
        project_id=OuterRef("project_id"),
        kind=TeamMember.Kind.COPRODUCER,
        person__in=Decision.present.through.objects.filter(
            decision_id=OuterRef(OuterRef("pk"))
        ).values("user_id"),
    )


def _count_decisions_and_feedback(measures, ids):
    decision_rows = (
        Decision.objects.filter(project_id__in=ids, status=Decision.Status.RECORDED)
        .annotate(shared=Exists(_coproducer_present()))
        .values("project_id")
        .annotate(
            n=Count("pk"),
            shared_n=Count(
                "pk",
                filter=Q(shared=True, agreement__in=_AGREEING),
            ),
        )
    )
    for row in decision_rows:
        measures[row["project_id"]].decisions = row["n"]
        measures[row["project_id"]].decisions_shared = row["shared_n"]
    feedback_rows = (
        Feedback.objects.filter(project_id__in=ids)
        .values("project_id")
        .annotate(n=Count("pk"), answered=Count("pk", filter=~Q(outcome=Feedback.Outcome.OPEN)))
    )
    for row in feedback_rows:
        measures[row["project_id"]].feedback = row["n"]
        measures[row["project_id"]].feedback_answered = row["answered"]
