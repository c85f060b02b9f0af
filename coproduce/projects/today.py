"""What projects put on each person's Today (lib.today): answers to what a
co-producer said; "you said" items to answer for those who run a project; for the
lead, projects whose records do not support the rung they declared.

Each provider costs a fixed number of queries, however many projects there are."""

from datetime import datetime, time, timedelta

from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from coproduce.accounts.models import Role
from coproduce.lib.today import NORMAL, Item, count_of, counted, urgency_for

from .models import Decision, Feedback, Position, Project, TeamMember
from .team import projects_led_by, projects_run_by

SHOWN = 10
ANSWER_WITHIN_DAYS = 28  # a "you said" item waiting longer than this is overdue
ANSWERS_SHOWN_FOR_DAYS = 30


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
            sentence=gettext("“%(project)s” answered what you said (“%(said)s”): %(outcome)s.")
            % {
                "project": item.project.title,
                "said": said,
                "outcome": item.get_outcome_display().lower(),
            },
            action_label=gettext("Read the answer"),
            action_url=reverse("projects:you_said_we_did", args=[item.project_id]),
            since=datetime.combine(
                item.responded_on, time.min, tzinfo=timezone.get_current_timezone()
            ),
        )


def _positions_waiting(user):
    return Decision.objects.filter(
        status=Decision.Status.OPEN,
        project__in=TeamMember.objects.current().filter(person=user).values("project"),
    ).exclude(Exists(Position.objects.filter(decision=OuterRef("pk"), person=user)))


def counts(user, now):
    """How many open decisions wait for the person's position, read with every other
    app's numbers in one query (lib.today.register_counts)."""
    numbers = {"projects_positions_waiting": count_of(_positions_waiting(user))}
    if not user.has_role(Role.LEAD, Role.STAFF, Role.ADMINISTRATOR):
        # A co-producer has "you said" items to answer only on projects they co-lead.
        numbers["projects_co_led_open_feedback"] = count_of(
            Feedback.objects.filter(
                outcome=Feedback.Outcome.OPEN, project__in=projects_led_by(user)
            )
        )
    return numbers


def positions_asked(user, now):
    """Open decisions on the person's current teams that have no position from them yet,
    closing soonest first: one query, and none when the count says there are none."""
    if not counted(user, now).get("projects_positions_waiting"):
        return
    waiting = _positions_waiting(user).select_related("project").order_by("closes_on", "pk")[:SHOWN]
    for decision in waiting:
        what = decision.what if len(decision.what) <= 60 else decision.what[:57].rstrip() + "…"
        yield Item(
            key=f"projects.position:{decision.pk}",
            sentence=gettext("A decision on “%(project)s” needs your position (“%(what)s”).")
            % {"project": decision.project.title, "what": what},
            action_label=gettext("Give your position"),
            action_url=reverse("projects:decision_detail", args=[decision.project_id, decision.pk]),
            due=decision.closes_on,
            urgency=urgency_for(decision.closes_on, now) if decision.closes_on else NORMAL,
        )


def you_said_to_answer(user, now):
    """For those who run projects, and co-producers who co-lead one: each project they
    run with "you said" items not answered yet, due four weeks after the oldest was said."""
    if user.has_role(Role.LEAD, Role.STAFF, Role.ADMINISTRATOR):
        projects = projects_run_by(user)
    elif user.has_role(Role.COPRODUCER) and counted(user, now).get("projects_co_led_open_feedback"):
        projects = projects_led_by(user)
    else:
        return
    rows = (
        Feedback.objects.filter(outcome=Feedback.Outcome.OPEN, project__in=projects)
        .values("project_id", "project__title")
        .annotate(n=Count("pk"), oldest=Min("said_on"))
        .order_by("oldest", "project_id")[:SHOWN]
    )
    for row in rows:
        due = row["oldest"] + timedelta(days=ANSWER_WITHIN_DAYS)
        n = row["n"]
        yield Item(
            key=f"projects.you_said:{row['project_id']}",
            sentence=ngettext(
                "%(count)d thing people said about “%(project)s” needs an answer.",
                "%(count)d things people said about “%(project)s” need an answer.",
                n,
            )
            % {"count": n, "project": row["project__title"]},
            action_label=gettext("Answer"),
            action_url=reverse("projects:project_detail", args=[row["project_id"]]),
            due=due,
            urgency=urgency_for(due, now),
        )


def evidence_below_rung(user, now):
    """For the co-production lead: the newest projects under way whose records place
    them below the rung they declared. Reads the rung stored when the records change
    (actions.check_evidence), so it costs one query however many projects there are."""
    if not user.has_role(Role.LEAD):
        return
    below = Q(evidenced_rung_number=None) | Q(evidenced_rung_number__lt=F("declared_rung__number"))
    rows = (
        Project.objects.filter(status=Project.Status.ACTIVE, evidence_checked_at__isnull=False)
        .filter(below)
        .order_by("-created_at", "-pk")
        .values(
            "pk",
            "title",
            "created_at",
            "declared_rung__number",
            "declared_rung__name",
            "evidenced_rung_number",
        )[:SHOWN]
    )
    for row in rows:
        rung, declared = row["evidenced_rung_number"], row["declared_rung__number"]
        yield Item(
            key=f"projects.evidence:{row['pk']}",
            sentence=(
                gettext(
                    "“%(project)s” says it is at rung %(declared)s (%(name)s), "
                    "but its records support rung %(rung)s."
                )
                if rung is not None
                else gettext(
                    "“%(project)s” says it is at rung %(declared)s (%(name)s), "
                    "but its records do not show any rung yet."
                )
            )
            % {
                "project": row["title"],
                "declared": declared,
                "name": gettext(row["declared_rung__name"]),
                "rung": rung,
            },
            action_label=gettext("See the evidence"),
            action_url=reverse("projects:project_detail", args=[row["pk"]]),
            since=row["created_at"],
            urgency=NORMAL,
        )
