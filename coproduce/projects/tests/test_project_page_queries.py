"""A project's page costs the same number of queries with 2 decisions and a small team as
with 200 decisions (with who was there, positions, views and feedback) and a team of 200, for staff
and for a co-producer on the team; and the project list the same with 2 or 40 projects."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.projects.models import (
    Decision,
    DecisionView,
    Feedback,
    Position,
    Project,
    TeamMember,
)
from coproduce.projects.tests.factories import make_project
from coproduce.tests.query_counts import count_queries

pytestmark = pytest.mark.django_db
MOST = 15
# The project page reads its decision and feedback counts with the project: 13, so the
# session's renewal (up to 2 more, once in 5 minutes) stays within the 15.
MOST_FOR_THE_PROJECT_PAGE = 13


def project_with(people, size):
    project = make_project(
        lead=people["lead"],
        coproducers=[people["coproducer"]],
        title=f"Project of {size}",
        visibility=Project.Visibility.PUBLIC,
    )
    team = User.objects.bulk_create(
        User(email=f"p{project.pk}-{n}@example.org", name=f"Member {n}") for n in range(size)
    )
    TeamMember.objects.bulk_create(
        TeamMember(project=project, person=person, kind="coproducer", role="Member")
        for person in team
    )
    decisions = Decision.objects.bulk_create(
        Decision(project=project, what=f"Decision {n}", why="Because", recorded_by=project.lead)
        for n in range(size)
    )
    Decision.present.through.objects.bulk_create(
        Decision.present.through(decision=decision, user=person)
        for decision in decisions
        for person in team[:5]
    )
    Position.objects.bulk_create(
        Position(decision=decision, person=person, stance=Position.Stance.values[n % 4])
        for decision in decisions
        for n, person in enumerate(team[:4])
    )
    DecisionView.objects.bulk_create(
        DecisionView(decision=decision, author=team[0], text="I agree") for decision in decisions
    )
    feedback = Feedback.objects.bulk_create(
        Feedback(project=project, said=f"Said {n}", outcome="done", response="Did", public=True)
        for n in range(size)
    )
    Feedback.said_by.through.objects.bulk_create(
        Feedback.said_by.through(feedback=item, user=person)
        for item in feedback
        for person in team[:2]
    )
    return project


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def detail_counts(people, role):
    small, large = project_with(people, 2), project_with(people, 200)
    client = signed_in(people[role])
    counts = []
    for project in (small, large):
        url = reverse("projects:project_detail", args=[project.pk])
        count_queries(client, url)  # the session settles on the first visit
        counts.append(count_queries(client, url))
    return counts


def list_counts(people):
    client = signed_in(people["coproducer"])
    url = reverse("projects:project_list")
    project_with(people, 2)
    project_with(people, 0)
    count_queries(client, url)
    few = count_queries(client, url)
    for n in range(38):
        project_with(people, 3 if n % 2 else 0)
    return [few, count_queries(client, url)]


@pytest.mark.parametrize("role", ["staff", "coproducer"])
def test_project_page_costs_the_same_for_2_or_200_decisions_and_team(people, role):
    counts = detail_counts(people, role)
    assert counts[0] == counts[1], f"Queries grew with the project (2, 200): {counts}"


def test_project_list_costs_the_same_for_2_or_40_projects(people):
    counts = list_counts(people)
    assert counts[0] == counts[1], f"Queries grew with the list (2, 40 projects): {counts}"


def test_project_pages_meet_the_bar(people):
    counts = {"detail": detail_counts(people, "coproducer")[0], "list": list_counts(people)[0]}
    assert max(counts.values()) <= MOST, counts
    assert counts["detail"] <= MOST_FOR_THE_PROJECT_PAGE, counts
