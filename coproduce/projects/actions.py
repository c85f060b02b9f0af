"""Project use cases: each one transaction; people are emailed only after it commits."""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coproduce.notifications.actions import notify
from coproduce.people import actions as people_actions

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


@transaction.atomic
def create_project(*, created_by, rung, reason, **fields):
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
    return project


@transaction.atomic
def declare_rung(*, project, rung, reason, declared_by):
    """Changes the declared rung; every change is kept for the timeline."""
    project.declared_rung = rung
    project.declared_reason = reason
    project.save(update_fields=["declared_rung", "declared_reason"])
    return RungDeclaration.objects.create(
        project=project, rung=rung, reason=reason, declared_by=declared_by
    )


@transaction.atomic
def add_team_member(*, project, person, kind, role):
    """Adds someone, or updates their current membership. Someone who left and
    comes back gets a new membership, so the earlier one stays on record."""
    member = TeamMember.objects.current().filter(project=project, person=person).first()
    if member is None:
        member = TeamMember.objects.create(project=project, person=person, kind=kind, role=role)
        people_actions.record_involvement(people=[person], day=member.joined_on)
        return member
    member.kind, member.role = kind, role
    member.save(update_fields=["kind", "role"])
    return member


@transaction.atomic
def end_team_membership(*, member):
    """Leaving keeps the record: who was on the team matters for the evidence."""
    member.left_on = timezone.localdate()
    member.save(update_fields=["left_on"])


@transaction.atomic
def record_decision(*, project, recorded_by, present, proposed=False, **fields):
    status = Decision.Status.PROPOSED if proposed else Decision.Status.RECORDED
    decision = Decision.objects.create(
        project=project, recorded_by=recorded_by, status=status, **fields
    )
    decision.present.set(present)
    return decision


@transaction.atomic
def confirm_decision(*, decision, present, agreement):
    decision.status = Decision.Status.RECORDED
    decision.agreement = agreement
    decision.save(update_fields=["status", "agreement"])
    decision.present.set(present)
    return decision


@transaction.atomic
def add_decision_view(*, decision, author, text):
    return DecisionView.objects.create(decision=decision, author=author, text=text)


@transaction.atomic
def record_feedback(*, project, recorded_by, said_by, **fields):
    item = Feedback.objects.create(project=project, recorded_by=recorded_by, **fields)
    item.said_by.set(said_by)
    return item


def preferred_channels(person):
    """How the person likes to be contacted, from their profile (people app)."""
    profile = getattr(person, "profile", None)
    return profile.contact_method_labels() if profile else []


@transaction.atomic
def answer_feedback(*, item, outcome, response, answered_by, build_url):
    """Records 'we did' and tells each person who said it: by email once committed
    if email suits them, otherwise they are returned for staff to contact the way
    they prefer. Returns (item, [(person, their preferred ways)])."""
    first_answer = not item.is_answered
    item.outcome = outcome
    item.response = response
    item.responded_on = timezone.localdate()
    item.responded_by = answered_by
    item.save(update_fields=["outcome", "response", "responded_on", "responded_by"])
    recipients, follow_up = [], []
    for person in item.said_by.filter(is_active=True).select_related("profile"):
        recipients.append(person)
        channels = preferred_channels(person)
        if channels and "Email" not in channels:
            follow_up.append((person, channels))
    if recipients:
        body = render_to_string(
            "projects/email/feedback_answered.txt",
            {"item": item, "url": build_url(item), "first_answer": first_answer},
        )
        subject = f"You said, we did: {item.project.title}"
        url = reverse("projects:you_said_we_did", args=[item.project_id])
        for person in recipients:
            notify(person, "projects.you_said_answered", subject=subject, body=body, url=url)
    return item, follow_up


@transaction.atomic
def save_stages(*, project, rows):
    """Replaces the stage list in the order given. A row with the id of an existing
    stage updates it (so renaming keeps its decisions); a row without one adds a stage."""
    existing = {stage.pk: stage for stage in project.stages.all()}
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
