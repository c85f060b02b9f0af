"""Project use cases: each one transaction; people are emailed only after it commits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coproduce.notifications.actions import notify
from coproduce.people import actions as people_actions

from . import evidence
from .models import (
    DEFAULT_STAGES,
    Decision,
    DecisionView,
    Feedback,
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


@transaction.atomic
def confirm_decision(*, decision: Decision, present: Iterable[User], agreement: str) -> Decision:
    decision.status = Decision.Status.RECORDED
    decision.agreement = agreement
    decision.save(update_fields=["status", "agreement"])
    decision.present.set(present)
    check_evidence(project_ids=[decision.project_id])
    return decision


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
    recipients = list(item.said_by.filter(is_active=True))
    if recipients:
        body = render_to_string(
            "projects/email/feedback_answered.txt",
            {"item": item, "url": build_url(item), "first_answer": first_answer},
        )
        subject = f"You said, we did: {item.project.title}"
        url = reverse("projects:you_said_we_did", args=[item.project_id])
        for person in recipients:
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
