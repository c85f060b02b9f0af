"""Each app's Today providers show what needs that person, and nothing to others."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.assessment.models import Action, Perspective
from coproduce.assessment.tests.factories import answer_all, open_round
from coproduce.learning.models import Module
from coproduce.lib import today
from coproduce.lib.models import JobRun
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.people import consent
from coproduce.people.models import ConsentRecord, Profile, ProfileTag
from coproduce.privacy.models import DataRequest
from coproduce.projects.models import Feedback, Project
from coproduce.projects.tests.factories import make_project
from coproduce.site.models import ContactMessage

pytestmark = pytest.mark.django_db


def keys(user):
    return {item.key for _, found in today.items_for(user, timezone.now()) for item in found}


def test_you_said_items_go_to_those_who_run_the_project_and_answers_to_who_said_them(people):
    coproducer, staff = people["coproducer"], people["staff"]
    project = make_project(lead=staff, coproducers=[coproducer])
    item = Feedback.objects.create(project=project, said="More breaks, please")
    item.said_by.add(coproducer)
    assert f"projects.you_said:{project.pk}" in keys(staff)
    assert f"projects.you_said:{project.pk}" not in keys(people["finance"])
    assert f"projects.answered:{item.pk}" not in keys(coproducer)
    Feedback.objects.filter(pk=item.pk).update(
        outcome=Feedback.Outcome.DONE,
        response="Breaks every hour",
        responded_on=timezone.localdate(),
    )
    assert f"projects.answered:{item.pk}" in keys(coproducer)
    assert f"projects.you_said:{project.pk}" not in keys(staff)


def test_the_lead_sees_projects_whose_records_are_below_the_declared_rung(people):
    project = make_project(lead=people["staff"], rung=7, status=Project.Status.ACTIVE)
    assert f"projects.evidence:{project.pk}" in keys(people["lead"])
    assert f"projects.evidence:{project.pk}" not in keys(people["staff"])


def test_a_round_to_answer_until_answered_and_overdue_actions(people):
    coproducer, lead, staff = people["coproducer"], people["lead"], people["staff"]
    round_ = open_round(lead=lead)
    assert f"assessment.answer:{round_.pk}:coproducer" in keys(coproducer)
    both = keys(people["coproducer_staff"])
    assert {
        f"assessment.answer:{round_.pk}:coproducer",
        f"assessment.answer:{round_.pk}:staff",
    } <= both
    answer_all(round_, coproducer, Perspective.COPRODUCER, 4)
    assert f"assessment.answer:{round_.pk}:coproducer" not in keys(coproducer)
    assert not [k for k in keys(people["board"]) if k.startswith("assessment")]

    action = Action.objects.create(
        area="culture",
        what="Pay co-producers within 14 days",
        owner=staff,
        due_on=timezone.localdate() - timedelta(days=3),
        created_by=lead,
    )
    assert f"assessment.action:{action.pk}" in keys(lead)
    assert f"assessment.action:{action.pk}" in keys(staff)
    assert f"assessment.action:{action.pk}" not in keys(people["finance"])


def test_learning_modules_required_for_the_role_until_completed(people):
    module = Module.objects.create(
        title="Co-production basics",
        description="What it is.",
        content="Read this.",
        required_for=["staff"],
        complete_by=timezone.localdate() + timedelta(days=5),
    )
    assert f"learning.module:{module.pk}" in keys(people["staff"])
    assert f"learning.module:{module.pk}" not in keys(people["coproducer"])
    module.completions.create(person=people["staff"])
    assert f"learning.module:{module.pk}" not in keys(people["staff"])


def test_matching_opportunities_only_with_consent_to_be_contacted(people):
    coproducer = people["coproducer"]
    opportunity = make_opportunity(created_by=people["staff"], topics="transport, buses")
    profile, _ = Profile.objects.get_or_create(user=coproducer)
    ProfileTag.objects.create(profile=profile, kind="interest", value="transport")
    assert f"opportunities.match:{opportunity.pk}" not in keys(coproducer)
    ConsentRecord.objects.create(
        person=coproducer, purpose=consent.CONTACT, wording_version=1, given=True
    )
    assert f"opportunities.match:{opportunity.pk}" in keys(coproducer)
    ConsentRecord.objects.create(
        person=coproducer, purpose=consent.CONTACT, wording_version=1, given=False
    )
    assert f"opportunities.match:{opportunity.pk}" not in keys(coproducer)


def test_messages_for_the_lead_and_requests_and_retention_for_the_administrator(people):
    ContactMessage.objects.create(name="A", email="a@example.org", topic="other", message="Hi")
    assert "site.messages" in keys(people["lead"])
    assert "site.messages" not in keys(people["staff"])
    request = DataRequest.objects.create(person=people["coproducer"], kind=DataRequest.Kind.ACCESS)
    found = keys(people["administrator"])
    assert f"privacy.request:{request.pk}" in found
    assert "privacy.retention" in found  # the job has never run: it is late
    assert f"privacy.request:{request.pk}" not in keys(people["lead"])
    now = timezone.now()
    JobRun.objects.create(
        job="privacy.apply_retention", due_at=now, finished_at=now, outcome="succeeded"
    )
    assert "privacy.retention" not in keys(people["administrator"])
    JobRun.objects.create(
        job="privacy.apply_retention",
        due_at=now + timedelta(seconds=1),
        finished_at=now,
        outcome="failed",
    )
    assert "privacy.retention" in keys(people["administrator"])
