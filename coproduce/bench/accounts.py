"""The accounts the load test signs in with, and the objects each journey visits."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment, User
from coproduce.assessment.models import Round
from coproduce.meetings.models import Attendance, Invitation, Meeting
from coproduce.meetings.organising import meetings_organised_by
from coproduce.opportunities.models import Opportunity
from coproduce.payments.models import Claim, Payment, Status
from coproduce.projects.actions import check_evidence
from coproduce.projects.models import Project, TeamMember

ACCOUNTS = {
    "staff": "bench-staff@example.org",
    "coproducer": "bench-coproducer@example.org",
    "lead": "bench-lead@example.org",
    "finance": "bench-finance@example.org",
}
# The lead also does finance, as in many small organisations, so one journey covers the
# claims list, the finance queue and the dashboard. (The bench server does not require
# two-factor sign-in for these roles: see run.py.)
EXTRA_ROLES = {"lead": [Role.FINANCE]}


def create_accounts(password, rng):
    """Bench accounts with a real password; the co-producer joins a handful of projects,
    is invited to their meetings and has claims of their own."""
    accounts = {}
    for role, email in ACCOUNTS.items():
        user, _ = User.objects.get_or_create(email=email, defaults={"name": f"Bench {role}"})
        user.set_password(password)
        user.save()
        for held in [role, *EXTRA_ROLES.get(role, [])]:
            RoleAssignment.objects.get_or_create(user=user, role=held)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        accounts[role] = user
    projects = list(Project.objects.values_list("pk", flat=True))
    for project_id in rng.sample(projects, min(8, len(projects))):
        TeamMember.objects.get_or_create(
            project_id=project_id,
            person=accounts["coproducer"],
            defaults={"kind": "coproducer", "role": "Member"},
        )
    # The staff account runs a handful of projects, so it organises their meetings and may
    # read the passports of the people in them (docs/decisions/0021-need-to-know-passports.md).
    for project_id in rng.sample(projects, min(8, len(projects))):
        TeamMember.objects.get_or_create(
            project_id=project_id,
            person=accounts["staff"],
            defaults={"kind": "staff", "role": "Member"},
        )
    _meetings_and_claims(accounts["coproducer"], rng)
    # The memberships above were added directly: store those projects' evidenced rungs.
    joined = TeamMember.objects.filter(person__in=[accounts["coproducer"], accounts["staff"]])
    check_evidence(project_ids=set(joined.values_list("project_id", flat=True)))
    return accounts


def _meetings_and_claims(person, rng):
    """Invitations to their projects' meetings (attended if past and coming) and claims
    like other people's (copies of a sample, with the payment of the paid ones)."""
    now = timezone.now()
    meetings = Meeting.objects.filter(project__team__person=person).exclude(
        invitations__person=person
    )
    replies = [Invitation.Reply.YES] * 6 + [Invitation.Reply.NO, Invitation.Reply.MAYBE]
    invitations, attended = [], []
    for meeting in meetings.only("pk", "starts_at", "duration_minutes"):
        reply = rng.choice(replies)
        invitations.append(Invitation(meeting=meeting, person=person, reply=reply, replied_at=now))
        if reply == Invitation.Reply.YES and meeting.starts_at < now:
            attended.append(
                Attendance(meeting=meeting, person=person, minutes=meeting.duration_minutes)
            )
    Invitation.objects.bulk_create(invitations)
    Attendance.objects.bulk_create(attended)
    if Claim.objects.filter(claimant=person).exists():
        return
    projects = list(person.project_memberships.values_list("project_id", flat=True))
    sample = list(Claim.objects.exclude(status=Status.DRAFT).order_by("?")[:40])
    sample += list(Claim.objects.filter(status=Status.DRAFT).order_by("?")[:2])
    copies = []
    for claim in sample:
        claim.pk = None
        claim.claimant = claim.entered_by = person
        claim.project_id = rng.choice(projects) if projects else None
        copies.append(claim)
    Claim.objects.bulk_create(copies)
    Payment.objects.bulk_create(
        Payment(
            claim=claim,
            batch_id=claim.batch_id,
            amount_pence=claim.fee_payable_pence,
            method=claim.payment_choice,
            paid_at=claim.paid_at,
        )
        for claim in Claim.objects.filter(claimant=person, status=Status.PAID)
    )


def journey_objects(accounts, rng, per_kind=50):
    """Sample ids for the detail pages each journey visits."""
    coproducer = accounts["coproducer"]
    visible = Project.objects.filter(
        Q(visibility=Project.Visibility.PUBLIC) | Q(team__person=coproducer)
    ).distinct()

    def sample(queryset):
        ids = list(queryset.values_list("pk", flat=True)[:5000])
        return rng.sample(ids, min(per_kind, len(ids)))

    # Meetings staff look at: mostly the coming month and the last one, as in real use.
    now = timezone.now()
    recent = Meeting.objects.filter(
        starts_at__gte=now - timedelta(days=30),
        starts_at__lte=now + timedelta(days=30),
    )
    lead = accounts["lead"]
    organised = meetings_organised_by(accounts["staff"])
    return {
        "staff": {
            "project": sample(Project.objects.all()),
            "person": sample(User.objects.filter(role_assignments__role=Role.COPRODUCER)),
            "opportunity": sample(Opportunity.objects.all()),
            # Someone else's meeting, and apart from it their own: its organiser sees
            # everyone invited and the checklist, so it is a different page to measure.
            "meeting": sample(recent.exclude(pk__in=organised.values("pk"))),
            "organised_meeting": sample(organised.filter(starts_at__gte=now - timedelta(days=30))),
        },
        "coproducer": {
            "project": sample(visible),
            "opportunity": sample(Opportunity.objects.filter(status=Opportunity.Status.OPEN)),
            "meeting": sample(Meeting.objects.filter(invitations__person=coproducer)),
            "claim": sample(Claim.objects.filter(claimant=coproducer)),
        },
        "lead": {
            "meeting": sample(recent),
            # Claims the lead may open: anyone's but their own (they oversee them).
            "claim": sample(Claim.objects.exclude(claimant=lead).order_by("-pk")),
            "round": sample(Round.objects.all()),
        },
    }


def api_tokens(accounts):
    """API tokens the load reads the API's lists with: the co-producer's own (projects
    and meetings) and an organisation token for finance. Returns {role: token}."""
    from coproduce.api import actions as api

    expires_at = timezone.now() + timedelta(days=30)
    _, coproducer = api.create_personal_token(
        person=accounts["coproducer"],
        name="Bench",
        scopes=["projects", "meetings"],
        expires_at=expires_at,
    )
    _, finance = api.create_organisation_token(
        by=accounts["lead"], name="Bench finance", scopes=["finance"], expires_at=expires_at
    )
    return {"coproducer": coproducer, "finance": finance}
