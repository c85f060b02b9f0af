"""Project use cases: each one transaction; people are emailed only after it commits."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from coproduce.lib import events
from coproduce.lib.language import in_language_of
from coproduce.notifications.actions import notify
from coproduce.people import actions as people_actions

from . import evidence
from .models import (
    DEFAULT_STAGES,
    Decision,
    DecisionView,
    Feedback,
    Position,
    Project,
    RungDeclaration,
    Stage,
    TeamMember,
)

if TYPE_CHECKING:
    from coproduce.accounts.models import User

    from .models import Rung

EVIDENCE_CHECKED_AT_ONCE = 500  # projects whose measures are read in one go


def check_evidence(*, project_ids: Iterable[int]) -> None:
    """Stores the rung each project's records support, with when it was checked. Every
    action that changes the records calls it; the hourly job checks every project, for
    changes made elsewhere (a person erased, say). One update for each rung found."""
    ids = list(project_ids)
    now = timezone.now()
    for start in range(0, len(ids), EVIDENCE_CHECKED_AT_ONCE):
        by_rung: defaultdict[int | None, list[int]] = defaultdict(list)
        for pk, rung in evidence.rungs_for(ids[start : start + EVIDENCE_CHECKED_AT_ONCE]).items():
            by_rung[rung].append(pk)
        for rung, pks in by_rung.items():
            Project.objects.filter(pk__in=pks).update(
                evidenced_rung_number=rung, evidence_checked_at=now
            )


@transaction.atomic
def check_every_projects_evidence() -> int:
    """The hourly job: every project's evidenced rung worked out again."""
    ids = list(Project.objects.order_by("pk").values_list("pk", flat=True))
    check_evidence(project_ids=ids)
    return len(ids)


@transaction.atomic
def create_project(*, created_by: User, rung: Rung, reason: str, **fields: Any) -> Project:
    project = Project.objects.create(declared_rung=rung, declared_reason=reason, **fields)
    Stage.objects.bulk_create(
        Stage(project=project, name=name, order=position)
        for position, name in enumerate(DEFAULT_STAGES, start=1)
    )
    RungDeclaration.objects.create(
        project=project, rung=rung, reason=reason, declared_by=created_by
    )
    TeamMember.objects.create(
        project=project, person=project.lead, kind=TeamMember.Kind.STAFF, role="Project lead"
    )
    check_evidence(project_ids=[project.pk])
    return project


@transaction.atomic
def save_project(*, project: Project) -> Project:
    """Changes a project's details: title, purpose, lead, status, who may see it, dates."""
    project.save()
    return project


@transaction.atomic
def declare_rung(
    *, project: Project, rung: Rung, reason: str, declared_by: User
) -> RungDeclaration:
    """Changes the declared rung; every change is kept for the timeline."""
    project.declared_rung = rung
    project.declared_reason = reason
    project.save(update_fields=["declared_rung", "declared_reason"])
    return RungDeclaration.objects.create(
        project=project, rung=rung, reason=reason, declared_by=declared_by
    )


@transaction.atomic
def add_team_member(
    *, project: Project, person: User, kind: str, role: str, co_lead: bool | None = None
) -> TeamMember:
    """Adds someone, or updates their current membership. Someone who left and
    comes back gets a new membership, so the earlier one stays on record. Only a
    co-producer can be a co-lead (the database refuses anything else); `co_lead`
    None keeps what it was, so being chosen for an opportunity never ends a co-lead."""
    member: TeamMember | None = (
        TeamMember.objects.current().filter(project=project, person=person).first()
    )
    if member is None:
        member = TeamMember.objects.create(
            project=project, person=person, kind=kind, role=role, co_lead=bool(co_lead)
        )
        people_actions.record_involvement(people=[person], day=member.joined_on)
    else:
        member.kind, member.role = kind, role
        if co_lead is not None:
            member.co_lead = co_lead
        member.co_lead = member.co_lead and kind == TeamMember.Kind.COPRODUCER
        member.save(update_fields=["kind", "role", "co_lead"])
    check_evidence(project_ids=[project.pk])
    return member


@transaction.atomic
def end_team_membership(*, member: TeamMember) -> None:
    """Leaving keeps the record: who was on the team matters for the evidence."""
    member.left_on = timezone.localdate()
    member.save(update_fields=["left_on"])


@transaction.atomic
def record_decision(
    *,
    project: Project,
    recorded_by: User,
    present: Iterable[User],
    proposed: bool = False,
    **fields: Any,
) -> Decision:
    status = Decision.Status.PROPOSED if proposed else Decision.Status.RECORDED
    decision = Decision.objects.create(
        project=project, recorded_by=recorded_by, status=status, **fields
    )
    decision.present.set(present)
    check_evidence(project_ids=[project.pk])
    return decision


class DecisionClosed(Exception):
    """A closed decision is the record of what was decided: nothing rewrites it."""


class NotOnTeam(Exception):
    """Only the project's current team members have a position on its decisions."""


def _locked_open(decision: Decision) -> Decision:
    """The decision, locked until the transaction ends, if it is still open: two people
    closing it, or a position arriving as it closes, cannot both go through."""
    locked = Decision.objects.select_for_update().get(pk=decision.pk)
    if locked.status != Decision.Status.OPEN:
        raise DecisionClosed(f"Decision {decision.pk} is not open for positions.")
    return locked


def _current_team(project_id: int) -> list[User]:
    memberships = TeamMember.objects.current().filter(project_id=project_id, person__is_active=True)
    return [member.person for member in memberships.select_related("person")]


def _tell_team(decision: Decision, *, event: str, message: Callable[[], tuple[str, str]]) -> None:
    """`message()` gives (subject, body); it is called in each member's own language."""
    url = reverse("projects:decision_detail", args=[decision.project_id, decision.pk])
    for person in _current_team(decision.project_id):
        with in_language_of(person):
            subject, body = message()
            notify(
                person,
                "projects.decision",
                subject=subject,
                body=f"{body}\n\n{decision.what}",
                url=url,
                key=f"projects.decision_{event}:{decision.pk}",
            )


@transaction.atomic
def open_decision(
    *,
    project: Project,
    opened_by: User,
    what: str,
    why: str,
    closes_on: date,
    meeting: Any = None,
    stage: Stage | None = None,
    suggestion: Decision | None = None,
) -> Decision:
    """Puts a proposal to the team: each member gives their position until `closes_on`
    (or until the lead closes it early). A co-producer's `suggestion` becomes the proposal.
    Every current team member is told, on their own channel."""
    decision = suggestion or Decision(project=project, recorded_by=opened_by)
    if suggestion is not None and suggestion.status != Decision.Status.PROPOSED:
        raise DecisionClosed(f"Decision {suggestion.pk} is already open or closed.")
    decision.what, decision.why, decision.stage, decision.meeting = what, why, stage, meeting
    decision.closes_on = decision.decided_on = closes_on
    decision.status = Decision.Status.OPEN
    decision.agreement = Decision.Agreement.NOT_ASKED
    decision.save()
    _tell_team(
        decision,
        event="opened",
        message=lambda: (
            gettext("Your position is asked: %(project)s") % {"project": project.title},
            gettext(
                "A decision is open for your position until %(date)s. "
                "Say whether you agree, abstain, disagree or block, and why if you like."
            )
            % {"date": date_format(closes_on, "j F Y")},
        ),
    )
    return decision


@transaction.atomic
def record_position(
    *,
    decision: Decision,
    person: User,
    stance: str,
    reason: str = "",
    recorded_by: User,
    way: str = Position.Way.WEB,
    on_behalf_reason: str = "",
) -> Position:
    """Records (or changes) where `person` stands while the decision is open. Staff
    recording for someone else must say why ("by phone")."""
    locked = _locked_open(decision)
    if (
        not TeamMember.objects.current()
        .filter(project_id=locked.project_id, person=person)
        .exists()
    ):
        raise NotOnTeam(f"{person} is not on the team of project {locked.project_id}.")
    if way == Position.Way.ON_BEHALF and not on_behalf_reason.strip():
        raise ValueError("A position recorded on someone's behalf needs the reason.")
    position, _ = Position.objects.update_or_create(
        decision=locked,
        person=person,
        defaults={
            "stance": stance,
            "reason": reason,
            "way": way,
            "recorded_by": recorded_by,
            "on_behalf_reason": on_behalf_reason if way == Position.Way.ON_BEHALF else "",
            "recorded_at": timezone.now(),
        },
    )
    return position


def attended(decision: Decision) -> list[User]:
    """Who the linked meeting's attendance says was there, by name."""
    meeting = decision.meeting
    if meeting is None:
        return []
    rows = meeting.attendance.select_related("person").order_by("person__name")
    return [row.person for row in rows]


@transaction.atomic
def record_meeting_positions(
    *, decision: Decision, recorded_by: User, stances: Mapping[User, tuple[str, str]]
) -> int:
    """The organiser records, for the people the meeting's attendance says were there,
    {person: (stance, reason)}; people left without a stance are skipped."""
    there = {person.pk for person in attended(decision)}
    recorded = 0
    for person, (stance, reason) in stances.items():
        if person.pk not in there:
            raise NotOnTeam(f"{person} was not at the meeting.")
        if stance:
            record_position(
                decision=decision,
                person=person,
                stance=stance,
                reason=reason,
                recorded_by=recorded_by,
                way=Position.Way.MEETING,
            )
            recorded += 1
    return recorded


def outcome_of(stances: Iterable[str]) -> str:
    """Decision 0033: any block and it is blocked; otherwise agreed when more agree
    than disagree. Abstaining counts for neither."""
    counted = Counter(stances)
    if counted[Position.Stance.BLOCK]:
        return Decision.Outcome.BLOCKED
    if counted[Position.Stance.AGREE] > counted[Position.Stance.DISAGREE]:
        return Decision.Outcome.AGREED
    return Decision.Outcome.NOT_AGREED


def _coproducers_agreement(decision: Decision, positions: Sequence[Position]) -> str:
    """The group-level answer older decisions ticked by hand, from co-producers' positions,
    so the evidenced rung reads decisions with positions as it reads the older ones."""
    coproducers = set(
        TeamMember.objects.filter(
            project_id=decision.project_id, kind=TeamMember.Kind.COPRODUCER
        ).values_list("person_id", flat=True)
    )
    theirs = [p.stance for p in positions if p.person_id in coproducers]
    agreeing = theirs.count(Position.Stance.AGREE)
    if not theirs:
        return Decision.Agreement.NOT_ASKED
    if agreeing == len(theirs):
        return Decision.Agreement.AGREED
    return Decision.Agreement.PARTLY if agreeing else Decision.Agreement.DISAGREED


@transaction.atomic
def close_decision(*, decision: Decision) -> Decision:
    """Closes the decision for good: the outcome from the positions, who was there from
    the meeting's attendance (or, with no meeting, those who gave a position), and the
    team told the outcome on their channel."""
    locked = _locked_open(decision)
    positions = list(locked.positions.all())
    present = attended(locked) or [p.person for p in locked.positions.select_related("person")]
    locked.outcome = outcome_of(p.stance for p in positions)
    locked.agreement = _coproducers_agreement(locked, positions)
    locked.status = Decision.Status.RECORDED
    locked.closed_at = timezone.now()
    locked.decided_on = timezone.localdate(locked.closed_at)
    locked.save(update_fields=["outcome", "agreement", "status", "closed_at", "decided_on"])
    locked.present.set(present)
    check_evidence(project_ids=[locked.project_id])
    events.emit(events.DECISION_CLOSED, object_id=locked.pk, occurrence="closed")
    _tell_team(
        locked,
        event="closed",
        message=lambda: (
            gettext("Decision closed: %(outcome)s (%(project)s)")
            % {"outcome": locked.get_outcome_display().lower(), "project": locked.project.title},
            gettext(
                "The decision closed on %(date)s. "
                "Outcome: %(outcome)s. See who was there and every position."
            )
            % {
                "date": date_format(locked.decided_on, "j F Y"),
                "outcome": locked.get_outcome_display().lower(),
            },
        ),
    )
    return locked


def close_due_decisions(today: date | None = None) -> int:
    """Closes every open decision whose closing date has passed (the scheduled job).
    Each closes in its own transaction; one closed meanwhile by its lead is skipped."""
    today = today or timezone.localdate()
    closed = 0
    due = Decision.objects.filter(status=Decision.Status.OPEN, closes_on__lt=today)
    for decision in due.order_by("closes_on", "pk").iterator():
        try:
            close_decision(decision=decision)
        except DecisionClosed:
            continue
        closed += 1
    return closed


@transaction.atomic
def add_decision_view(*, decision: Decision, author: User, text: str) -> DecisionView:
    return DecisionView.objects.create(decision=decision, author=author, text=text)


@transaction.atomic
def record_feedback(
    *, project: Project, recorded_by: User, said_by: Iterable[User], **fields: Any
) -> Feedback:
    item = Feedback.objects.create(project=project, recorded_by=recorded_by, **fields)
    item.said_by.set(said_by)
    check_evidence(project_ids=[project.pk])
    return item


@transaction.atomic
def answer_feedback(
    *,
    item: Feedback,
    outcome: str,
    response: str,
    answered_by: User,
    build_url: Callable[[Feedback], str],
) -> Feedback:
    """Records 'we did' and tells each person who said it, the way each chose
    (notifications: a phone call or letter becomes a task for staff). The message does
    not quote what they said: free text may hold detail about their health."""
    first_answer = not item.is_answered
    item.outcome = outcome
    item.response = response
    item.responded_on = timezone.localdate()
    item.responded_by = answered_by
    item.save(update_fields=["outcome", "response", "responded_on", "responded_by"])
    check_evidence(project_ids=[item.project_id])
    events.emit(events.YOU_SAID_ANSWERED, object_id=item.pk)
    recipients = list(item.said_by.filter(is_active=True))
    if recipients:
        context = {"item": item, "url": build_url(item), "first_answer": first_answer}
        url = reverse("projects:you_said_we_did", args=[item.project_id])
        for person in recipients:
            with in_language_of(person):
                body = render_to_string("projects/email/feedback_answered.txt", context)
                subject = gettext("You said, we did: %(project)s") % {"project": item.project.title}
                notify(person, "projects.you_said_answered", subject=subject, body=body, url=url)
    return item


@transaction.atomic
def save_stages(*, project: Project, rows: Sequence[dict[str, Any]]) -> None:
    """Replaces the stage list in the order given. A row with the id of an existing
    stage updates it (so renaming keeps its decisions); a row without one adds a stage."""
    existing: dict[Any, Stage] = {stage.pk: stage for stage in project.stages.all()}
    keep = {row["stage_id"] for row in rows if row.get("stage_id") in existing}
    Stage.objects.filter(project=project).exclude(pk__in=keep).delete()
    # Two passes so the unique (project, order) never clashes mid-way.
    for position, row in enumerate(rows, start=1):
        stage = existing.get(row.get("stage_id")) or Stage(project=project)
        stage.name = row["name"]
        stage.order = 1000 + position
        stage.coproducers_involved = row["coproducers_involved"]
        stage.how_involved = row["how_involved"]
        stage.save()
    for stage in Stage.objects.filter(project=project):
        stage.order -= 1000
        stage.save(update_fields=["order"])
    check_evidence(project_ids=[project.pk])
