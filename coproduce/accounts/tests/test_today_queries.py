"""Today makes the same number of queries for each role with a handful of records as
with the benchmark's generated organisation, and ten times as many of the person's own
items (invitations, arrangements, claims waiting, things said, actions, messages); and
no more than 15 for anyone (issue 15's bar for every page)."""

import random
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.assessment.models import Action, Framework
from coproduce.assessment.tests.factories import open_round
from coproduce.bench import dataset
from coproduce.learning.models import Module
from coproduce.lib import today
from coproduce.meetings.models import Arrangement, Attendance, Invitation, Meeting
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.payments import actions as payment_actions
from coproduce.payments.models import ActivityType, Claim, PaymentBatch, Status
from coproduce.payments.tests.factories import make_activity_type, make_claim
from coproduce.people import consent
from coproduce.people.models import ConsentRecord, Profile, ProfileTag
from coproduce.projects.models import Feedback, Project
from coproduce.projects.tests.factories import make_project
from coproduce.site.models import ContactMessage
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

SCALE = 0.01
EXPECTED_QUERIES = {
    "coproducer": 13,
    "staff": 12,
    "lead": 14,
    "finance": 11,
    "board": 8,
    "administrator": 13,
    "lead_finance": 15,  # approves and pays: one query reads both kinds of claim waiting
}


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def meetings(organiser, n, days, title):
    start = (timezone.now() + timedelta(days=days)).replace(second=0, microsecond=0)
    return Meeting.objects.bulk_create(
        Meeting(title=f"{title} {i}", kind="online", starts_at=start + timedelta(hours=i),
                duration_minutes=60, organiser=organiser)
        for i in range(n)
    )  # fmt: skip


def grow(people, project, seed, around):
    coproducer, staff, lead = people["coproducer"], people["staff"], people["lead"]
    dataset.generate(SCALE, random.Random(seed), log=lambda message: None)
    invited = meetings(staff, around, 3, "Invited")
    coming = meetings(staff, around, 5, "Coming")
    past = meetings(staff, around, -2, "Past")
    Invitation.objects.bulk_create(Invitation(meeting=m, person=coproducer) for m in invited)
    Invitation.objects.bulk_create(
        Invitation(meeting=m, person=coproducer, reply="yes") for m in coming + past
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=m, person=coproducer, minutes=60, recorded_by=staff)
        for m in past[: around // 2]
    )
    for n, meeting in enumerate(coming):
        item = Arrangement.objects.create(
            meeting=meeting, code=f"bsl{n}", label="BSL interpreter", owner=staff,
            due_on=timezone.localdate() - timedelta(days=1),
        )  # fmt: skip
        item.needed_by.add(coproducer)
    # An activity of the test's own, so no generated claim is a repeat of these.
    own = ActivityType.objects.filter(slug="today-test").first() or make_activity_type(
        slug="today-test"
    )
    copies = []
    for n in range(around):
        claim = make_claim(
            claimant=people["coproducer_staff"],
            project=project,
            activity_type=own,
            days_ago=seed * 100 + n,
        )
        payment_actions.submit(claim=claim, by=people["coproducer_staff"])
        copies.append(claim)
    for claim in copies[: around // 2]:
        payment_actions.approve(claim=claim, by=lead)
    payment_actions.create_batch(claims=copies[: around // 4], by=people["finance"])
    returned = make_claim(claimant=coproducer, activity_type=own, days_ago=seed * 100)
    Claim.objects.filter(pk=returned.pk).update(status=Status.RETURNED, returned_reason="Receipt")
    for n in range(around):
        item = Feedback.objects.create(project=project, said=f"Said {n}")
        item.said_by.add(coproducer)
    Action.objects.bulk_create(
        Action(area="culture", what=f"Action {n}", owner=staff, created_by=lead,
               due_on=timezone.localdate() - timedelta(days=n + 1))
        for n in range(around)
    )  # fmt: skip
    ContactMessage.objects.bulk_create(
        ContactMessage(name="A", email="a@example.org", topic="other", message="Hi")
        for _ in range(around)
    )
    Module.objects.bulk_create(
        Module(title=f"Module {n}", description="D", content="C", required_for=["staff", "coproducer"],
               complete_by=timezone.localdate() + timedelta(days=n))
        for n in range(around)
    )  # fmt: skip


def test_today_makes_the_same_queries_for_each_role_with_a_large_organisation(people):
    coproducer, lead = people["coproducer"], people["lead"]
    project = make_project(lead=people["staff"], coproducers=[coproducer],
                           status=Project.Status.ACTIVE)  # fmt: skip
    Feedback.objects.create(
        project=project, said="Answered", outcome="done", response="Did it",
        responded_on=timezone.localdate(),
    ).said_by.add(coproducer)  # fmt: skip
    make_opportunity(created_by=people["staff"], topics="transport, buses")
    open_round(lead=lead, framework=Framework.objects.order_by("pk").first())
    profile, _ = Profile.objects.get_or_create(user=coproducer)
    ProfileTag.objects.create(profile=profile, kind="interest", value="transport")
    ConsentRecord.objects.create(person=coproducer, purpose=consent.CONTACT, wording_version=1,
                                 given=True)  # fmt: skip
    people["lead_finance"] = UserFactory(
        email="lead-finance@example.org", name="Test lead in finance", roles=["lead", "finance"]
    )  # as the benchmark's lead account
    home = reverse("accounts:home")
    pages = {
        role: (signed_in(people[role]), home)
        for role in ("coproducer", "staff", "lead", "finance", "board", "administrator",
                     "lead_finance")
    }  # fmt: skip
    grow(people, project, seed=1, around=6)
    small = assert_queries_do_not_grow(pages, lambda: grow(people, project, seed=2, around=60))
    assert Invitation.objects.filter(person=coproducer).count() > 180
    assert Claim.objects.filter(status=Status.SUBMITTED).count() > 20
    assert PaymentBatch.objects.exists()
    print("Today's queries by role:", small)
    # Session, person, roles; the counts of every app with the unread count (one query);
    # then each provider's own. Shared rows are read once (lib.today.once).
    assert small == EXPECTED_QUERIES
    assert max(small.values()) <= 15
    # Every kind of item was on the pages counted, so every provider's queries ran.
    expected = {
        "coproducer": {"meetings.reply", "meetings.next", "meetings.feedback",
                       "payments.claim_meeting", "payments.returned", "projects.answered",
                       "opportunities.match", "assessment.answer", "learning.module"},
        "staff": {"meetings.arrangement", "meetings.attendance", "meetings.papers",
                  "projects.you_said", "assessment.action", "learning.module"},
        "lead": {"payments.approve", "projects.evidence", "assessment.action", "site.messages"},
        "finance": {"payments.pay", "payments.batch"},
        "board": {"insights.board_report"},
        "lead_finance": {"payments.approve", "payments.pay", "payments.batch"},
    }  # fmt: skip
    now = timezone.now()
    for role, kinds in expected.items():
        shown = {
            item.key.split(":")[0] for _, found in today.items_for(people[role], now)
            for item in found
        }  # fmt: skip
        assert kinds <= shown, (role, kinds - shown)
