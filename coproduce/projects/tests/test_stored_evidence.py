"""Each project's evidenced rung is stored when its records change through the actions
and worked out again by the hourly job; the project list, the project page and the
lead's Today agree with the records."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.lib import today
from coproduce.projects import actions, evidence
from coproduce.projects.models import Decision, Position, Project, Stage
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


def stored(project):
    project.refresh_from_db()
    return project.evidenced_rung_number


def evidence_keys(user):
    return {
        item.key
        for _, found in today.items_for(user, timezone.now())
        for item in found
        if item.key.startswith("projects.evidence")
    }


def decide(project, people, agreement=Decision.Agreement.AGREED):
    return actions.record_decision(
        project=project,
        recorded_by=people["staff"],
        present=[people["coproducer"]],
        what="x",
        why="y",
        agreement=agreement,
    )


def test_each_action_that_changes_the_records_stores_the_rung(people):
    project = make_project(lead=people["staff"], rung=6, status=Project.Status.ACTIVE)
    assert stored(project) is None and project.evidence_checked_at is not None
    actions.add_team_member(
        project=project, person=people["coproducer"], kind="coproducer", role="Member"
    )
    assert stored(project) == 3  # a co-producer on the team: something is recorded
    said = actions.record_feedback(
        project=project, recorded_by=people["staff"], said_by=[people["coproducer"]], said="z"
    )
    assert stored(project) == 4  # their views are recorded
    stages = [
        {"stage_id": s.pk, "name": s.name, "coproducers_involved": True, "how_involved": ""}
        for s in project.stages.all()
    ]
    actions.save_stages(project=project, rows=stages)
    actions.answer_feedback(
        item=said, outcome="done", response="Done", answered_by=people["staff"],
        build_url=lambda item: "/",
    )  # fmt: skip
    for _ in range(3):
        decide(project, people)
    assert stored(project) == 7
    proposal = actions.record_decision(
        project=project, recorded_by=people["coproducer"], present=[], proposed=True,
        what="x", why="y",
    )  # fmt: skip
    for _ in range(3):
        decide(project, people, Decision.Agreement.NOT_ASKED)
    assert stored(project) == 6  # 3 of 6 decisions shared
    opened = actions.open_decision(
        project=project, opened_by=people["staff"], what="x", why="y",
        closes_on=timezone.localdate(), suggestion=proposal,
    )  # fmt: skip
    actions.record_position(
        decision=opened, person=people["coproducer"], stance=Position.Stance.AGREE, reason="",
        recorded_by=people["coproducer"], way=Position.Way.WEB, on_behalf_reason="",
    )  # fmt: skip
    assert stored(project) == 6  # an open decision is not counted yet
    actions.close_decision(decision=opened)
    assert stored(project) == 6  # 4 of 7: still co-design
    measures = evidence.measures_for([project.pk])[project.pk]
    assert stored(project) == evidence.evidenced_rung(measures)[0]


def test_the_hourly_job_catches_changes_made_elsewhere(people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    assert stored(project) == 3
    Stage.objects.filter(project=project).update(coproducers_involved=True)  # not an action
    assert stored(project) == 3
    assert actions.check_every_projects_evidence() == Project.objects.count()
    assert stored(project) == 4


def test_today_and_the_list_read_the_stored_rung(client_as, people):
    below = make_project(lead=people["staff"], rung=7, status=Project.Status.ACTIVE,
                         title="Below", visibility=Project.Visibility.PUBLIC)  # fmt: skip
    met = make_project(lead=people["staff"], rung=3, status=Project.Status.ACTIVE,
                       coproducers=[people["coproducer"]], title="Met")  # fmt: skip
    finished = make_project(lead=people["staff"], rung=7, status=Project.Status.FINISHED)
    keys = evidence_keys(people["lead"])
    assert f"projects.evidence:{below.pk}" in keys
    assert f"projects.evidence:{met.pk}" not in keys
    assert f"projects.evidence:{finished.pk}" not in keys
    assert not evidence_keys(people["staff"])  # only the lead is told
    # A project not worked out yet (as just after the migration) waits for the job.
    Project.objects.filter(pk=below.pk).update(evidence_checked_at=None)
    assert f"projects.evidence:{below.pk}" not in evidence_keys(people["lead"])
    page = client_as("coproducer").get(reverse("projects:project_list")).content.decode()
    assert "Not worked out yet" in page
    actions.check_every_projects_evidence()
    assert f"projects.evidence:{below.pk}" in evidence_keys(people["lead"])
    page = client_as("coproducer").get(reverse("projects:project_list")).content.decode()
    assert "Not worked out yet" not in page and "Not enough recorded" in page


def test_the_project_page_counts_decisions_and_feedback_with_the_project(client_as, people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    for _ in range(3):
        decide(project, people)
    decide(project, people, Decision.Agreement.DISAGREED)
    actions.record_feedback(
        project=project, recorded_by=people["staff"], said_by=[people["coproducer"]], said="z"
    )
    response = client_as("staff").get(reverse("projects:project_detail", args=[project.pk]))
    measures = response.context["project"].measures
    assert measures == evidence.measures_for([project.pk])[project.pk]
    assert (measures.decisions, measures.decisions_shared, measures.feedback) == (4, 3, 1)
