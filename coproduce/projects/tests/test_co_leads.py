"""A co-producer co-lead has the staff lead's powers over their project, through one
rule (`leads_project`); the powers end the day they leave the team; none of it ever
shows them anyone's access passport or equality answers; co-leadership counts on
the evidenced rung; and a co-lead's time is claimed like any other activity."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from coproduce.people import actions as people_actions
from coproduce.people import relationships
from coproduce.projects import actions, evidence
from coproduce.projects.forms import TeamMemberForm
from coproduce.projects.models import Decision, Feedback, Project, Rung, TeamMember
from coproduce.projects.rules import leads_project
from coproduce.projects.team import people_on_teams_run_by, projects_led_by, projects_run_by
from coproduce.projects.tests.factories import make_co_lead, make_project
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

# Every power the staff lead has over the project, by permission and object.
LEAD_PERMISSIONS = (
    "projects.change_project",
    "projects.record_decision",
    "projects.answer_feedback",
    "payments.view_budget",
    "payments.manage_budget",
)


@pytest.fixture
def teammate(people):
    """Another co-producer on the team, with a passport shared in full and equality answers."""
    return people["coproducer_staff"]


@pytest.fixture
def project(people, teammate):
    project = make_project(lead=people["staff"], coproducers=[teammate], title="Buses for all")
    make_co_lead(project, people["coproducer"])
    return project


def fresh(project):
    """The project as a new request would load it (the rules remember answers per object)."""
    return Project.objects.get(pk=project.pk)


def test_a_co_lead_has_every_power_of_the_staff_lead_and_a_plain_member_none(people, project):
    co_lead, member, staff_lead = people["coproducer"], people["coproducer_staff"], people["staff"]
    for permission in LEAD_PERMISSIONS:
        assert staff_lead.has_perm(permission, fresh(project)), permission
        assert co_lead.has_perm(permission, fresh(project)), permission
        assert not member.has_perm(permission, fresh(project)), permission
    assert leads_project(co_lead, fresh(project)) and not leads_project(member, fresh(project))
    assert list(projects_led_by(co_lead)) == [project]
    # Another project the co-lead is not on: no power there.
    other = make_project(lead=people["staff"], title="Another")
    assert not co_lead.has_perm("projects.change_project", other)


def test_a_co_lead_does_each_lead_action_through_the_pages(client_as, people, project):
    client = client_as("coproducer")
    pk = project.pk

    response = client.post(
        reverse("projects:project_edit", args=[pk]),
        {
            "title": "Buses for everyone",
            "purpose": "Make buses usable.",
            "summary": "We work on buses together.",
            "lead": people["staff"].pk,
            "status": "active",
            "visibility": "team",
        },
    )
    assert response.status_code == 302
    assert Project.objects.get(pk=pk).title == "Buses for everyone"

    client.post(
        reverse("projects:declare_rung", args=[pk]),
        {"rung": Rung.objects.get(number=6).pk, "reason": "We co-lead it now."},
    )
    assert Project.objects.get(pk=pk).declared_rung.number == 6

    stages = list(project.stages.all())
    data = {"stage-TOTAL_FORMS": "1", "stage-INITIAL_FORMS": "1"}
    data.update({"stage-0-stage_id": stages[0].pk, "stage-0-name": "Finding out"})
    assert client.post(reverse("projects:stages", args=[pk]), data).status_code == 302
    assert list(project.stages.values_list("name", flat=True)) == ["Finding out"]

    newcomer = people["coproducer"].__class__.objects.create(email="new@example.org", name="New")
    newcomer.role_assignments.create(role="coproducer")
    client.post(
        reverse("projects:team", args=[pk]),
        {"person": newcomer.pk, "kind": "coproducer", "role": "Peer researcher"},
    )
    assert project.team.filter(person=newcomer).exists()

    client.post(
        reverse("projects:decision_create", args=[pk]),
        {"what": "Meet on Tuesdays", "why": "Mornings are hard", "closes_on": "2099-01-01"},
    )
    opened = Decision.objects.get(project=project)
    assert opened.status == Decision.Status.OPEN
    client.post(reverse("projects:decision_position", args=[pk, opened.pk]), {"stance": "agree"})
    client.post(reverse("projects:decision_close", args=[pk, opened.pk]))
    opened.refresh_from_db()
    assert opened.status == Decision.Status.RECORDED

    proposed = actions.record_decision(
        project=project, recorded_by=people["coproducer_staff"], present=[], proposed=True,
        what="Papers a week ahead", why="Time to read",
    )  # fmt: skip
    client.post(
        reverse("projects:decision_confirm", args=[pk, proposed.pk]),
        {"what": proposed.what, "why": proposed.why, "closes_on": "2099-01-01"},
    )
    proposed.refresh_from_db()
    assert proposed.status == Decision.Status.OPEN

    item = actions.record_feedback(
        project=project, recorded_by=people["staff"], said_by=[people["coproducer_staff"]],
        said="The room was too noisy.",
    )  # fmt: skip
    client.post(
        reverse("projects:feedback_answer", args=[pk, item.pk]),
        {"outcome": "done", "response": "We book the quiet room now."},
    )
    item.refresh_from_db()
    assert item.outcome == Feedback.Outcome.DONE and item.responded_by == people["coproducer"]

    assert client.get(reverse("payments:budget", args=[pk])).status_code == 200


def test_leaving_the_team_ends_every_power_at_once(client_as, people, project):
    co_lead = people["coproducer"]
    member = project.team.get(person=co_lead)
    client_as("staff").post(reverse("projects:team_member_leave", args=[project.pk, member.pk]))
    member.refresh_from_db()
    assert member.left_on is not None  # today: no waiting until tomorrow
    for permission in (*LEAD_PERMISSIONS, "projects.view_project"):
        assert not co_lead.has_perm(permission, fresh(project)), permission
    assert not leads_project(co_lead, fresh(project))
    assert not projects_led_by(co_lead).exists()
    client = client_as("coproducer")
    for name in ("project_detail", "project_edit", "stages", "team", "decision_create"):
        assert client.get(reverse(f"projects:{name}", args=[project.pk])).status_code == 403
    assert client.get(reverse("payments:budget", args=[project.pk])).status_code == 403


def test_a_co_lead_never_sees_passport_text_or_equality_answers(client_as, people, project):
    teammate = people["coproducer_staff"]
    people_actions.save_passport(
        person=teammate, changed_by=teammate, requirements=["bsl"],
        own_words="My seizures come in the afternoon", dietary="", other_arrangements="",
        sharing="full",
    )  # fmt: skip
    people_actions.record_consent(
        person=teammate, recorded_by=teammate, purpose="share_access", given=True
    )
    people_actions.save_equality(person=teammate, data={"religion": "buddhist", "carer": "yes"})
    co_lead = people["coproducer"]
    # Co-leading is never a link for reading passports: only staff who run a project are.
    assert not projects_run_by(co_lead).exists()
    assert not people_on_teams_run_by(co_lead).exists()
    assert not relationships.works_with(co_lead, teammate)
    assert not co_lead.has_perm("people.view_access_passport", teammate)
    assert not co_lead.has_perm("people.view_equality_aggregate")
    client = client_as("coproducer")
    assert client.get(reverse("people:person_passport", args=[teammate.pk])).status_code == 403
    for name in ("project_detail", "team", "project_activity", "you_said_we_did"):
        page = client.get(reverse(f"projects:{name}", args=[project.pk])).content.decode()
        assert "seizures" not in page and "Buddhist" not in page, name
    page = client.get(reverse("payments:budget", args=[project.pk])).content.decode()
    assert "seizures" not in page and "Buddhist" not in page


def test_only_a_coproducer_can_be_a_co_lead(people, project):
    form = TeamMemberForm(
        {"person": people["lead"].pk, "kind": "staff", "role": "Lead", "co_lead": "on"}
    )
    assert not form.is_valid() and "co_lead" in form.errors
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMember.objects.create(
            project=project, person=people["lead"], kind="staff", role="Lead", co_lead=True
        )


def test_being_chosen_for_an_opportunity_keeps_a_co_lead_a_co_lead(people, project):
    actions.add_team_member(
        project=project, person=people["coproducer"], kind="coproducer", role="Peer researcher"
    )
    assert project.team.get(person=people["coproducer"]).co_lead
    actions.add_team_member(
        project=project, person=people["coproducer"], kind="coproducer", role="Member",
        co_lead=False,
    )  # fmt: skip
    assert not project.team.get(person=people["coproducer"]).co_lead


def test_the_project_page_names_co_leads_and_starts_their_claim(client_as, people, project):
    page = client_as("coproducer").get(project.get_absolute_url()).content.decode()
    assert "Co-led by Test coproducer" in page
    link = page.split("Claim for your time co-leading this project")[0].rsplit('href="', 1)[1]
    query = parse_qs(urlparse(link.split('"')[0].replace("&amp;", "&")).query)
    assert query["activity_type"] == ["co-leading"] and query["project"] == [str(project.pk)]
    # Nobody else is offered a claim for co-leading: not the staff lead, nor a member.
    for role in ("staff", "coproducer_staff"):
        page = client_as(role).get(project.get_absolute_url()).content.decode()
        assert "co-leading this project" not in page, role


def test_a_claim_for_co_leading_starts_with_the_activity_and_project(client_as, people, project):
    from coproduce.payments.tests.factories import make_activity_type

    make_activity_type(slug="co-leading")
    page = client_as("coproducer").get(project.get_absolute_url()).content.decode()
    link = page.split("Claim for your time co-leading this project")[0].rsplit('href="', 1)[1]
    response = client_as("coproducer").get(link.replace("&amp;", "&"))
    form = response.context["form"]
    assert form.initial["activity_type"].slug == "co-leading"
    assert form.initial["project"] == project


def test_co_leadership_counts_on_the_evidenced_rung_until_they_leave(people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer_staff"]])
    project.stages.filter(order__in=[1, 2]).update(coproducers_involved=True)
    before = evidence.measures_for([project.pk])[project.pk]
    assert evidence.evidenced_rung(before)[0] == 4  # involved, but no shared decisions yet
    member = make_co_lead(project, people["coproducer"])
    counted = evidence.measures_for([project.pk])[project.pk]
    team, stages = list(project.team.all()), list(project.stages.all())
    on_the_page = Project.objects.annotate(**evidence.counted_with_the_project()).get(pk=project.pk)
    assert counted.co_leads == 1 == evidence.measures_of(on_the_page, team, stages).co_leads
    assert evidence.evidenced_rung(counted)[0] == 6  # co-design: shared power
    actions.end_team_membership(member=member)
    after = evidence.measures_for([project.pk])[project.pk]
    team = list(project.team.all())
    assert after.co_leads == 0 == evidence.measures_of(on_the_page, team, stages).co_leads
    assert evidence.evidenced_rung(after)[0] == 4


def test_the_evidence_page_says_how_co_leadership_counts(client_as):
    page = client_as("coproducer").get(reverse("projects:ladder")).content.decode()
    assert "or a co-producer co-leads the project" in page
    assert "A co-lead who has left the team no longer counts." in page


def test_a_co_leads_project_page_costs_the_same_for_a_small_or_large_project(client_as, people):
    project = make_project(lead=people["staff"], title="Growing")
    make_co_lead(project, people["coproducer"])
    client = client_as("coproducer")
    url = project.get_absolute_url()
    client.get(url)  # the session settles on the first visit

    def grow():
        for n in range(30):
            person = people["coproducer"].__class__.objects.create(
                email=f"grow{n}@example.org", name=f"Grow {n}"
            )
            actions.add_team_member(
                project=project, person=person, kind="coproducer", role="Member",
                co_lead=n % 3 == 0,
            )  # fmt: skip
            actions.record_decision(
                project=project, recorded_by=people["staff"], present=[person],
                what=f"Decision {n}", why="Because",
            )  # fmt: skip

    assert_queries_do_not_grow(
        {"co-lead": (client, url), "team": (client, reverse("projects:team", args=[project.pk]))},
        grow,
    )
