"""Every key list and detail page makes the same number of queries with a handful of
records as with the benchmark's generated organisation (people with tags, passports and
equality answers; projects with teams, decisions and feedback; opportunities with
applications). New apps add their pages here or call the same helper."""

import random

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.bench import dataset
from coproduce.opportunities.models import Application, Opportunity
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.projects.models import Decision, Feedback, Project, TeamMember
from coproduce.projects.tests.factories import make_project
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

SCALE = 0.01  # 200 people, 20 projects, 10 opportunities each time: enough to expose an N+1


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def grow(project, opportunity, coproducer, seed, around):
    """More of the generated organisation, and `around` more of everything on the pages'
    own objects (team, decisions with who was present, feedback, applications)."""
    dataset.generate(SCALE, random.Random(seed), log=lambda message: None)
    others = list(
        User.objects.filter(role_assignments__role="coproducer")
        .exclude(project_memberships__project=project)
        .exclude(applications__opportunity=opportunity)
        .distinct()[:around]
    )
    TeamMember.objects.bulk_create(
        TeamMember(project=project, person=person, kind="coproducer", role="Member")
        for person in others
    )
    for n in range(around // 2):
        decision = Decision.objects.create(
            project=project, what=f"Decision {n}", why="Because", recorded_by=project.lead
        )
        decision.present.set(others[n : n + 5])
        feedback = Feedback.objects.create(
            project=project, said=f"Said {n}", outcome="done", response="Did"
        )
        feedback.said_by.set(others[n : n + 2])
    Application.objects.bulk_create(
        Application(opportunity=opportunity, person=person) for person in others
    )
    Application.objects.bulk_create(
        Application(opportunity=other, person=coproducer)
        for other in Opportunity.objects.exclude(applications__person=coproducer)[: around // 3]
    )


def test_key_pages_make_the_same_queries_with_a_large_organisation(people):
    coproducer, staff = people["coproducer"], people["staff"]
    project = make_project(
        lead=people["lead"], coproducers=[coproducer], visibility=Project.Visibility.PUBLIC
    )
    opportunity = make_opportunity(created_by=staff, project=project)
    as_staff, as_coproducer = signed_in(staff), signed_in(coproducer)
    both = {
        "home": reverse("accounts:home"),
        "projects": reverse("projects:project_list"),
        "project": reverse("projects:project_detail", args=[project.pk]),
        "opportunities": reverse("opportunities:opportunity_list"),
        "opportunity": reverse("opportunities:opportunity_detail", args=[opportunity.pk]),
    }
    pages = {
        f"{who}: {label}": (client, url)
        for who, client in (("staff", as_staff), ("co-producer", as_coproducer))
        for label, url in both.items()
    }
    pages |= {
        "staff: people": (as_staff, reverse("people:person_list")),
        "staff: person": (as_staff, reverse("people:person_detail", args=[coproducer.pk])),
        "co-producer: applications": (as_coproducer, reverse("opportunities:my_applications")),
        "co-producer: profile": (as_coproducer, reverse("people:my_profile")),
    }
    # Small: a generated organisation of 200 people, every section of every page in use.
    grow(project, opportunity, coproducer, seed=1, around=6)
    # Large: twice the organisation and ten times as much on each page's own objects.
    assert_queries_do_not_grow(
        pages, lambda: grow(project, opportunity, coproducer, seed=2, around=60)
    )
    assert User.objects.count() > 400
    assert TeamMember.objects.filter(project=project).count() > 60
