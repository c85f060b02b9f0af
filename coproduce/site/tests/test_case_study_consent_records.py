"""Case studies follow the consent records people keep themselves (people app)."""

import pytest
from django.utils import timezone

from coproduce.people import actions as people_actions
from coproduce.site.consent import consent_problems
from coproduce.site.models import CaseStudy, Consent, FeaturedPerson, Status

pytestmark = pytest.mark.django_db


def record(person, given, by):
    people_actions.record_consent(
        person=person, purpose="case_studies", given=given, recorded_by=by, reason=""
    )


def test_a_featured_account_must_have_said_yes_in_their_own_records(people):
    person = people["coproducer"]
    story = CaseStudy.objects.create(
        title="Buses for everyone",
        slug="buses",
        body="Story",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        author=people["staff"],
    )
    FeaturedPerson.objects.create(
        case_study=story,
        name=person.name,
        account=person,
        appearance="named",
        consent=Consent.GIVEN,
        consent_recorded_at=timezone.now(),
        consent_note="Signed form",
    )
    assert not CaseStudy.objects.published().exists()
    assert "has not said yes to case studies" in consent_problems(story)[0]
    record(person, True, person)
    assert CaseStudy.objects.published().exists() and consent_problems(story) == []
    record(person, False, person)  # withdrawing takes the story down at once
    assert not CaseStudy.objects.published().exists()


def test_a_case_study_links_its_project(client, people):
    from coproduce.projects.tests.factories import make_project

    project = make_project(lead=people["staff"], title="Accessible buses")
    CaseStudy.objects.create(
        title="Buses",
        slug="buses-story",
        body="Story",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        author=people["staff"],
        project=project,
    )
    html = client.get("/case-studies/buses-story/").content.decode()
    assert "Project: Accessible buses" in html


def test_staff_link_a_featured_person_to_their_account(people):
    from coproduce.site.forms import FeaturedPersonForm

    form = FeaturedPersonForm(
        data={
            "name": "Chris",
            "account": people["coproducer"].pk,
            "appearance": "named",
            "consent": "given",
            "consent_note": "Form",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["account"] == people["coproducer"]


def test_a_withdrawn_story_is_gone_by_its_own_link_too(client, people):
    person = people["coproducer"]
    record(person, True, person)
    story = CaseStudy.objects.create(
        title="Buses",
        slug="buses-link",
        body="Story",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        author=people["staff"],
    )
    FeaturedPerson.objects.create(
        case_study=story,
        name=person.name,
        account=person,
        appearance="named",
        consent=Consent.GIVEN,
        consent_recorded_at=timezone.now(),
        consent_note="Form",
    )
    assert client.get("/case-studies/buses-link/").status_code == 200
    record(person, False, person)
    assert client.get("/case-studies/buses-link/").status_code == 404


def test_staff_changes_to_a_published_story_go_back_to_the_lead(client_as, people):
    from django.urls import reverse

    story = CaseStudy.objects.create(
        title="Buses",
        slug="buses-edit",
        body="Story",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        author=people["staff"],
    )
    client_as("staff").post(
        reverse("site:case_study_edit", args=[story.pk]),
        {
            "title": "Buses",
            "slug": "buses-edit",
            "summary": "s",
            "body": "Changed",
            "featured": "on",
        },
    )
    story.refresh_from_db()
    assert story.status == Status.DRAFT
