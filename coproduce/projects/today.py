"""What projects put on each person's Today (lib.today): answers to what a
co-producer said; "you said" items to answer for those who run a project; for the
lead, projects whose records do not support the rung they declared.

Each provider costs a fixed number of queries, however many projects there are."""

from datetime import datetime, time, timedelta

from django.db.models import Count, Exists, F, Func, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.lib.today import NORMAL, Item, count_of, urgency_for

from . import evidence
from .models import Decision, Feedback, Position, Project, Stage, TeamMember
from .team import projects_run_by

SHOWN = 10
ANSWER_WITHIN_DAYS = 28  # a "you said" item waiting longer than this is overdue
ANSWERS_SHOWN_FOR_DAYS = 30
EVIDENCE_CHECKED = 200  # the projects under way checked for evidence, newest first


def answers_to_you_said(user, now):
    """Answers given in the last 30 days to what this person said, on projects they
    may see."""
    if not user.has_role(Role.COPRODUCER):
        return
    since = timezone.localdate(now) - timedelta(days=ANSWERS_SHOWN_FOR_DAYS)
    visible = Q(project__visibility=Project.Visibility.PUBLIC) | Q(
        project__in=TeamMember.objects.current().filter(person=user).values("project")
    )
    found = (
        Feedback.objects.filter(said_by=user, responded_on__gte=since)
        .exclude(outcome=Feedback.Outcome.OPEN)
        .filter(visible)
        .select_related("project")
        .order_by("-responded_on", "-pk")[:SHOWN]
    )
    for item in found:
        said = item.said if len(item.said) <= 60 else item.said[:57].rstrip() + "…"
        yield Item(
            key=f"projects.answered:{item.pk}",
            sentence=f"“{item.project.title}” answered what you said (“{said}”): "
            f"{item.get_outcome_display().lower()}.",
            action_label="Read the answer",
            action_url=reverse("projects:you_said_we_did", args=[item.project_id]),
            since=datetime.combine(
                item.responded_on, time.min, tzinfo=timezone.get_current_timezone()
            ),
        )


def positions_asked(user, now):
    """Open decisions on the person's current teams that have no position from them yet,
    closing soonest first: one query."""
    waiting = (
        Decision.objects.filter(
            status=Decision.Status.OPEN,
            project__in=TeamMember.objects.current().filter(person=user).values("project"),
        )
        .exclude(Exists(Position.objects.filter(decision=OuterRef("pk"), person=user)))
        .select_related("project")
        .order_by("closes_on", "pk")[:SHOWN]
    )
    for decision in waiting:
        what = decision.what if len(decision.what) <= 60 else decision.what[:57].rstrip() + "…"
        yield Item(
            key=f"projects.position:{decision.pk}",
            sentence=f"A decision on “{decision.project.title}” needs your position (“{what}”).",
            action_label="Give your position",
            action_url=reverse("projects:decision_detail", args=[decision.project_id, decision.pk]),
            due=decision.closes_on,
            urgency=urgency_for(decision.closes_on, now) if decision.closes_on else NORMAL,
        )


def you_said_to_answer(user, now):
    """For those who run projects: each project they run with "you said" items not
    answered yet, due four weeks after the oldest was said."""
    if not user.has_role(Role.LEAD, Role.STAFF, Role.ADMINISTRATOR):
        return
    rows = (
        Feedback.objects.filter(outcome=Feedback.Outcome.OPEN, project__in=projects_run_by(user))
        .values("project_id", "project__title")
        .annotate(n=Count("pk"), oldest=Min("said_on"))
        .order_by("oldest", "project_id")[:SHOWN]
    )
    for row in rows:
        due = row["oldest"] + timedelta(days=ANSWER_WITHIN_DAYS)
        n = row["n"]
        yield Item(
            key=f"projects.you_said:{row['project_id']}",
            sentence=f"{n} {'thing' if n == 1 else 'things'} people said about "
            f"“{row['project__title']}” {'needs' if n == 1 else 'need'} an answer.",
            action_label="Answer",
            action_url=reverse("projects:project_detail", args=[row["project_id"]]),
            due=due,
            urgency=urgency_for(due, now),
        )


def evidence_below_rung(user, now):
    """For the co-production lead: projects under way whose records place them below
    the rung they declared, by the same measures as the project list, over the newest
    projects under way: one query."""
    if not user.has_role(Role.LEAD):
        return
    # The newest first, then their measures: measured in the same query, the
    # subqueries would run for every project under way before the newest were chosen.
    # Plain rows of the few columns shown: building 200 projects cost more than the SQL.
    newest = Project.objects.filter(status=Project.Status.ACTIVE).order_by("-created_at", "-pk")
    rows = (
        Project.objects.filter(pk__in=newest.values("pk")[:EVIDENCE_CHECKED])
        .annotate(**{f"measure_{name}": value for name, value in _measured().items()})
        .order_by("-created_at", "-pk")
        .values(
            "pk",
            "title",
            "created_at",
            "declared_rung__number",
            "declared_rung__name",
            *(f"measure_{name}" for name in _MEASURES),
        )
    )
    shown = 0
    for row in rows:
        measures = evidence.Measures(**{name: row[f"measure_{name}"] for name in _MEASURES})
        rung, _ = evidence.evidenced_rung(measures)
        declared = row["declared_rung__number"]
        if rung is not None and rung >= declared:
            continue
        yield Item(
            key=f"projects.evidence:{row['pk']}",
            sentence=f"“{row['title']}” says it is at rung {declared} "
            f"({row['declared_rung__name']}), but its records "
            + (f"support rung {rung}." if rung is not None else "do not show any rung yet."),
            action_label="See the evidence",
            action_url=reverse("projects:project_detail", args=[row["pk"]]),
            since=row["created_at"],
            urgency=NORMAL,
        )
        shown += 1
        if shown == SHOWN:
            return


_MEASURES = (
    "coproducers",
    "stages",
    "stages_involved",
    "first_stage_involved",
    "decisions",
    "decisions_shared",
    "feedback",
    "feedback_answered",
)


def _measured():
    """evidence.measures_for's measures as subqueries on each project, so checking the
    projects costs one query rather than six. Kept to the same definitions."""
    here = OuterRef("pk")
    coproducers = TeamMember.objects.filter(project=here, kind=TeamMember.Kind.COPRODUCER)
    stages = Stage.objects.filter(project=here)
    coproducer_present = TeamMember.objects.filter(
        project_id=OuterRef("project_id"),
        kind=TeamMember.Kind.COPRODUCER,
        person__in=Decision.present.through.objects.filter(
            decision_id=OuterRef(OuterRef("pk"))
        ).values("user_id"),
    )
    decisions = Decision.objects.filter(project=here, status=Decision.Status.RECORDED)
    shared = decisions.filter(
        Exists(coproducer_present),
        agreement__in=[Decision.Agreement.AGREED, Decision.Agreement.PARTLY],
    )
    feedback = Feedback.objects.filter(project=here)
    return {
        "coproducers": Subquery(
            coproducers.order_by().values(
                n=Func(
                    F("person"), function="COUNT", template="%(function)s(DISTINCT %(expressions)s)"
                )
            )
        ),
        "stages": count_of(stages),
        "stages_involved": count_of(stages.filter(coproducers_involved=True)),
        "first_stage_involved": Coalesce(
            Subquery(stages.order_by("order", "pk").values("coproducers_involved")[:1]),
            Value(False),
        ),
        "decisions": count_of(decisions),
        "decisions_shared": count_of(shared),
        "feedback": count_of(feedback),
        "feedback_answered": count_of(feedback.exclude(outcome=Feedback.Outcome.OPEN)),
    }
