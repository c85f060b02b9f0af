import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.notifications.models import Notification
from coproduce.projects.models import (
    Decision,
    Feedback,
    Project,
    RungDeclaration,
    Stage,
    TeamMember,
)
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(people):
    return make_project(lead=people["staff"], coproducers=[people["coproducer"]])


def test_staff_start_a_project_with_stages_team_and_a_declared_rung(client_as, people):
    from coproduce.projects.ladder import load_default_rungs
    from coproduce.projects.models import Rung

    load_default_rungs(Rung)
    response = client_as("staff").post(
        reverse("projects:project_create"),
        {
            "title": "Accessible transport",
            "purpose": "Make buses usable.",
            "summary": "We work on buses together.",
            "lead": people["staff"].pk,
            "status": "planned",
            "visibility": "team",
            "rung": Rung.objects.get(number=6).pk,
            "reason": "Co-producers design the new routes with us.",
        },
    )
    project = Project.objects.get(title="Accessible transport")
    assert response.status_code == 302
    assert [s.name for s in project.stages.all()] == [
        "Identifying the need",
        "Design",
        "Delivery",
        "Evaluation",
    ]
    assert project.team.get().person == people["staff"]
    assert project.declarations.get().rung.number == 6


def test_changing_the_rung_keeps_the_history(client_as, project):
    from coproduce.projects.models import Rung

    client_as("staff").post(
        reverse("projects:declare_rung", args=[project.pk]),
        {"rung": Rung.objects.get(number=4).pk, "reason": "Honestly, we only ask for views."},
    )
    history = list(
        RungDeclaration.objects.filter(project=project).values_list("rung__number", flat=True)
    )
    assert history == [4, 5]
    page = client_as("staff").get(project.get_absolute_url()).content.decode()
    assert "Honestly, we only ask for views." in page


def test_coproducer_suggests_a_decision_staff_put_it_to_the_team(client_as, people, project):
    client_as("coproducer").post(
        reverse("projects:decision_propose", args=[project.pk]),
        {"decided_on": "2026-11-20", "what": "Meet on Tuesdays", "why": "Mornings are hard"},
    )
    decision = Decision.objects.get()
    assert decision.status == Decision.Status.PROPOSED
    client_as("staff").post(
        reverse("projects:decision_confirm", args=[project.pk, decision.pk]),
        {"what": decision.what, "why": decision.why, "closes_on": "2099-01-01"},
    )
    decision.refresh_from_db()
    assert decision.status == Decision.Status.OPEN
    client_as("coproducer").post(
        reverse("projects:decision_position", args=[project.pk, decision.pk]),
        {"stance": "agree"},
    )
    client_as("staff").post(reverse("projects:decision_close", args=[project.pk, decision.pk]))
    decision.refresh_from_db()
    assert decision.status == Decision.Status.RECORDED
    assert decision.agreement == Decision.Agreement.AGREED
    client_as("coproducer").post(
        reverse("projects:decision_add_view", args=[project.pk, decision.pk]),
        {"text": "Good choice."},
    )
    page = client_as("coproducer").get(project.get_absolute_url()).content.decode()
    assert "Good choice." in page and "Co-producers agreed" in page


def test_coproducer_says_something_and_hears_what_we_did(
    client_as, people, project, django_capture_on_commit_callbacks
):
    client_as("coproducer").post(
        reverse("projects:feedback_create", args=[project.pk]),
        {"said": "Send papers a week before, please."},
    )
    item = Feedback.objects.get()
    assert list(item.said_by.all()) == [people["coproducer"]]
    with django_capture_on_commit_callbacks(execute=True):
        client_as("staff").post(
            reverse("projects:feedback_answer", args=[project.pk, item.pk]),
            {"outcome": "done", "response": "Papers now go out seven days before."},
        )
    assert [m.to for m in mail.outbox] == [[people["coproducer"].email]]
    assert "Papers now go out seven days before." in mail.outbox[0].body
    page = client_as("coproducer").get(reverse("projects:you_said_we_did", args=[project.pk]))
    assert "Papers now go out seven days before." in page.content.decode()


def test_stages_can_be_renamed_added_and_removed(client_as, project):
    data = {
        "stage-TOTAL_FORMS": "5",
        "stage-INITIAL_FORMS": "4",
        "stage-MIN_NUM_FORMS": "0",
        "stage-MAX_NUM_FORMS": "20",
    }
    names = ["Identifying the need", "Design", "Delivery", "Evaluation", "Sharing what we learned"]
    ids = list(project.stages.values_list("pk", flat=True))
    for i, name in enumerate(names):
        data[f"stage-{i}-name"] = name
        if i < len(ids):
            data[f"stage-{i}-stage_id"] = ids[i]
    data["stage-1-name"] = "Co-design workshops"  # renaming keeps the stage
    data["stage-0-coproducers_involved"] = "on"
    data["stage-2-remove"] = "on"
    response = client_as("staff").post(reverse("projects:stages", args=[project.pk]), data)
    assert response.status_code == 302
    stages = list(
        Stage.objects.filter(project=project).values_list("order", "name", "coproducers_involved")
    )
    assert stages == [
        (1, "Identifying the need", True),
        (2, "Co-design workshops", False),
        (3, "Evaluation", False),
        (4, "Sharing what we learned", False),
    ]


def test_coproducers_see_only_their_projects_and_shared_ones(client_as, people):
    mine = make_project(lead=people["staff"], coproducers=[people["coproducer"]], title="Mine")
    other = make_project(lead=people["staff"], title="Not mine")
    shared = make_project(lead=people["staff"], title="Shared", visibility="public")
    client = client_as("coproducer")
    listing = client.get(reverse("projects:project_list")).content.decode()
    assert "Mine" in listing and "Shared" in listing and "Not mine" not in listing
    assert client.get(other.get_absolute_url()).status_code == 403
    assert client.get(shared.get_absolute_url()).status_code == 200
    assert client.get(mine.get_absolute_url()).status_code == 200


def test_leaving_the_team_keeps_the_record(client_as, people, project):
    member = project.team.get(person=people["coproducer"])
    client_as("staff").post(reverse("projects:team_member_leave", args=[project.pk, member.pk]))
    member.refresh_from_db()
    assert member.left_on is not None
    assert TeamMember.objects.filter(pk=member.pk).exists()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_project_list_and_page_queries_stay_the_same_as_projects_grow(client_as, people):
    from coproduce.projects import actions

    client = client_as("lead")
    projects = [
        make_project(lead=people["staff"], coproducers=[people["coproducer"]], title=f"P{i}")
        for i in range(8)
    ]
    target = projects[0]
    for _ in range(3):
        actions.record_decision(
            project=target,
            recorded_by=people["staff"],
            present=[people["coproducer"]],
            what="x",
            why="y",
        )
        actions.record_feedback(
            project=target, recorded_by=people["staff"], said_by=[people["coproducer"]], said="z"
        )
    few_list = count_queries(client, reverse("projects:project_list"))
    few_page = count_queries(client, target.get_absolute_url())
    # Grow to 2,000 projects with rows behind them, in bulk.
    rung = target.declared_rung
    Project.objects.bulk_create(
        Project(
            title=f"Bulk {i}",
            purpose="p",
            summary="s",
            lead=people["staff"],
            declared_rung=rung,
            declared_reason="r",
        )
        for i in range(1992)
    )
    bulk = list(Project.objects.filter(title__startswith="Bulk"))
    Stage.objects.bulk_create(
        Stage(project=p, name="Design", order=1, coproducers_involved=True) for p in bulk
    )
    TeamMember.objects.bulk_create(
        TeamMember(project=p, person=people["coproducer"], kind="coproducer", role="Member")
        for p in bulk
    )
    Feedback.objects.bulk_create(Feedback(project=p, said="x") for p in bulk)
    for _ in range(5):
        actions.record_decision(
            project=target,
            recorded_by=people["staff"],
            present=[people["coproducer"], people["lead"]],
            what="x",
            why="y",
        )
    assert Project.objects.count() == 2000
    assert count_queries(client, reverse("projects:project_list")) == few_list
    assert count_queries(client, target.get_absolute_url()) == few_page


def test_stage_names_must_differ_and_errors_are_summarised(client_as, project):
    data = {
        "stage-TOTAL_FORMS": "2",
        "stage-INITIAL_FORMS": "0",
        "stage-MIN_NUM_FORMS": "0",
        "stage-MAX_NUM_FORMS": "20",
        "stage-0-name": "Design",
        "stage-1-name": "design",
    }
    response = client_as("staff").post(reverse("projects:stages", args=[project.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Two stages have the same name" in html and "<title>Error: " in html
    assert project.stages.count() == 4


def test_a_recorded_decision_cannot_be_put_again_through_confirm(client_as, people, project):
    from coproduce.projects import actions

    decision = actions.record_decision(
        project=project, recorded_by=people["staff"], present=[people["staff"]], what="x", why="y"
    )
    url = reverse("projects:decision_confirm", args=[project.pk, decision.pk])
    assert client_as("staff").get(url).status_code == 404


def test_people_who_left_lose_access_but_stay_on_record(client_as, people, project):
    from coproduce.projects import actions

    member = project.team.get(person=people["coproducer"])
    actions.end_team_membership(member=member)
    assert client_as("coproducer").get(project.get_absolute_url()).status_code == 403
    actions.add_team_member(
        project=project, person=people["coproducer"], kind="coproducer", role="Member"
    )
    assert project.team.filter(person=people["coproducer"]).count() == 2
    assert client_as("coproducer").get(project.get_absolute_url()).status_code == 200


def test_private_feedback_is_hidden_from_people_outside_the_team(client_as, people):
    from coproduce.projects import actions

    shared = make_project(lead=people["staff"], visibility="public", title="Shared")
    actions.record_feedback(
        project=shared, recorded_by=people["staff"], said_by=[], said="Private remark"
    )
    actions.record_feedback(
        project=shared, recorded_by=people["staff"], said_by=[], said="Open remark", public=True
    )
    page = client_as("coproducer").get(shared.get_absolute_url()).content.decode()
    assert "Open remark" in page and "Private remark" not in page


def test_only_coproducers_count_as_coproducers_on_a_team(client_as, people, project):
    response = client_as("staff").post(
        reverse("projects:team", args=[project.pk]),
        {"person": people["board"].pk, "kind": "coproducer", "role": "Member"},
    )
    assert response.status_code == 200
    assert "does not have the co-producer role" in response.content.decode()


def test_activity_feed_shows_what_happened_newest_first(client_as, people, project):
    from coproduce.projects import actions

    actions.record_decision(
        project=project, recorded_by=people["staff"], present=[], what="Meet on Tuesdays", why="y"
    )
    actions.record_feedback(
        project=project,
        recorded_by=people["staff"],
        said_by=[],
        said="Bigger print",
        anonymous=True,
    )
    page = client_as("coproducer").get(reverse("projects:project_activity", args=[project.pk]))
    html = page.content.decode()
    assert "recorded a decision: Meet on Tuesdays" in html
    assert "Someone recorded what was said: Bigger print" in html
    assert "declared rung 5" in html
    assert (
        client_as("finance")
        .get(reverse("projects:project_activity", args=[project.pk]))
        .status_code
        == 403
    )


def test_people_who_prefer_other_channels_are_listed_for_staff(client_as, people, project):
    from coproduce.people.models import Profile
    from coproduce.projects import actions

    Profile.objects.update_or_create(
        user=people["coproducer"], defaults={"contact_methods": ["phone"]}
    )
    item = actions.record_feedback(
        project=project, recorded_by=people["staff"], said_by=[people["coproducer"]], said="Ramps"
    )
    response = client_as("staff").post(
        reverse("projects:feedback_answer", args=[project.pk, item.pk]),
        {"outcome": "done", "response": "Ramps fitted"},
        follow=True,
    )
    assert "phone calls and letters go on the list of people for staff" in response.content.decode()
    assert not mail.outbox  # they asked for a phone call, not email
    told = Notification.objects.get(
        recipient=people["coproducer"], kind="projects.you_said_answered"
    )
    assert told.deliveries.get().channel == "phone"
