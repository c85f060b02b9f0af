"""A co-producer who co-leads a project chooses people for its opportunities, as its
staff lead does: what they are shown of others (lived experience) is logged as it is
for staff; access passports and equality answers stay hidden; they never decide
about their own interest; and it all ends the day they leave the team."""

import pytest
from django.urls import reverse

from coproduce.opportunities import actions
from coproduce.opportunities.models import Application
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.people import actions as people_actions
from coproduce.people.models import Profile, ProfileTag
from coproduce.privacy.models import ReadLog
from coproduce.projects import actions as project_actions
from coproduce.projects.tests.factories import make_co_lead, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(people):
    """A co-producer with lived experience shared, a passport shared in full and
    equality answers."""
    person = people["coproducer_staff"]
    profile, _ = Profile.objects.get_or_create(user=person)
    ProfileTag.objects.create(profile=profile, kind="lived_experience", value="blind")
    people_actions.save_passport(
        person=person, changed_by=person, requirements=["bsl"],
        own_words="My seizures come in the afternoon", dietary="", other_arrangements="",
        sharing="full",
    )  # fmt: skip
    people_actions.record_consent(
        person=person, recorded_by=person, purpose="share_access", given=True
    )
    people_actions.save_equality(person=person, data={"religion": "buddhist"})
    return person


@pytest.fixture
def opportunity(people, applicant):
    project = make_project(lead=people["staff"], title="Buses for all")
    make_co_lead(project, people["coproducer"])
    opportunity = make_opportunity(created_by=people["staff"], project=project)
    actions.express_interest(opportunity=opportunity, person=applicant, answers="I ride daily.")
    return opportunity


def test_a_co_lead_sees_who_is_interested_and_the_read_is_logged(client_as, people, opportunity):
    response = client_as("coproducer").get(
        reverse("opportunities:applicants", args=[opportunity.pk])
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Test both" in page and "Blind or partially sighted" in page
    assert ReadLog.objects.filter(
        viewer=people["coproducer"],
        subject=people["coproducer_staff"],
        what=ReadLog.What.LIVED_EXPERIENCE,
    ).exists()
    # Never the passport (arrangements or own words) nor equality answers.
    assert "seizures" not in page and "BSL" not in page and "Buddhist" not in page
    assert "Only staff see this: they arrange access" in page
    assert not response.context["can_see_access"] and response.context["reach"] == []
    assert not ReadLog.objects.filter(
        viewer=people["coproducer"],
        what__in=[
            ReadLog.What.ACCESS_PASSPORT,
            ReadLog.What.ACCESS_ARRANGEMENTS,
            ReadLog.What.EQUALITY,
        ],
    ).exists()
    # Interest taken by phone is recorded by staff, not by a co-lead.
    assert response.context["form"] is None


def test_a_co_lead_chooses_someone_who_joins_the_team(
    client_as, people, opportunity, django_capture_on_commit_callbacks
):
    application = opportunity.applications.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("coproducer").post(
            reverse("opportunities:decide", args=[opportunity.pk, application.pk]),
            {"selected": "yes", "message": "Welcome to the group."},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SELECTED
    assert opportunity.project.team.filter(person=people["coproducer_staff"]).exists()
    # Being chosen did not end anyone's co-leadership.
    assert opportunity.project.team.get(person=people["coproducer"]).co_lead


def test_a_co_lead_never_decides_about_their_own_interest(client_as, people, opportunity):
    own = actions.express_interest(opportunity=opportunity, person=people["coproducer"])
    url = reverse("opportunities:decide", args=[opportunity.pk, own.pk])
    response = client_as("coproducer").post(url, {"selected": "yes", "message": "Me!"})
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.status == Application.Status.INTERESTED
    page = client_as("coproducer").get(reverse("opportunities:applicants", args=[opportunity.pk]))
    assert "Someone else decides about you" in page.content.decode()


def test_choosing_people_ends_the_day_a_co_lead_leaves(client_as, people, opportunity):
    member = opportunity.project.team.get(person=people["coproducer"])
    project_actions.end_team_membership(member=member)
    client = client_as("coproducer")
    assert client.get(reverse("opportunities:applicants", args=[opportunity.pk])).status_code == 403
    application = opportunity.applications.get()
    url = reverse("opportunities:decide", args=[opportunity.pk, application.pk])
    assert client.post(url, {"selected": "yes", "message": "x"}).status_code == 403
    page = client.get(opportunity.get_absolute_url()).content.decode()
    assert "People interested, and choosing fairly" not in page


def test_a_co_lead_chooses_only_for_their_own_projects(client_as, people, opportunity):
    elsewhere = make_opportunity(created_by=people["staff"])
    client = client_as("coproducer")
    assert client.get(reverse("opportunities:applicants", args=[elsewhere.pk])).status_code == 403
    assert (
        client.get(reverse("opportunities:opportunity_edit", args=[opportunity.pk])).status_code
        == 403
    )
    page = client.get(opportunity.get_absolute_url()).content.decode()
    assert "People interested, and choosing fairly" in page
    assert "Edit this opportunity" not in page


def test_the_applicants_page_costs_the_same_for_few_or_many_applicants(
    client_as, people, opportunity
):
    from coproduce.accounts.models import User
    from coproduce.tests.query_counts import assert_queries_do_not_grow

    client = client_as("coproducer")
    url = reverse("opportunities:applicants", args=[opportunity.pk])
    client.get(url)

    def grow():
        for n in range(20):
            person = User.objects.create(email=f"a{n}@example.org", name=f"Applicant {n}")
            person.role_assignments.create(role="coproducer")
            profile = Profile.objects.create(user=person)
            ProfileTag.objects.create(profile=profile, kind="lived_experience", value="blind")
            actions.express_interest(opportunity=opportunity, person=person)

    assert_queries_do_not_grow({"co-lead": (client, url)}, grow)
