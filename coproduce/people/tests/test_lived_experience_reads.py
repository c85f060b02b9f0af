"""Lived experience is health data: every page that shows it to someone other
than the person logs the read, and only for people who shared some."""

import pytest
from django.urls import reverse

from coproduce.opportunities import actions as opportunity_actions
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.people.models import Profile, ProfileTag
from coproduce.privacy.models import ReadLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(people):
    """The first co-producer shared their lived experience; the second did not."""
    profile, _ = Profile.objects.get_or_create(user=people["coproducer"])
    ProfileTag.objects.create(profile=profile, kind="lived_experience", value="blind")
    Profile.objects.get_or_create(user=people["coproducer_staff"])
    return people["coproducer"]


def lived_experience_reads(**filters):
    return ReadLog.objects.filter(what=ReadLog.What.LIVED_EXPERIENCE, **filters)


def test_the_people_list_logs_whose_lived_experience_it_showed(client_as, people, shared):
    response = client_as("staff").get(reverse("people:person_list"))
    assert "Blind or partially sighted" in response.content.decode()
    assert list(lived_experience_reads().values_list("viewer", "subject")) == [
        (people["staff"].pk, shared.pk)
    ]


def test_a_person_page_logs_the_read_only_when_there_is_something_to_see(client_as, people, shared):
    client = client_as("lead")
    client.get(reverse("people:person_detail", args=[people["coproducer_staff"].pk]))
    assert not lived_experience_reads().exists()
    client.get(reverse("people:person_detail", args=[shared.pk]))
    assert lived_experience_reads(viewer=people["lead"], subject=shared).count() == 1


def test_reading_your_own_profile_is_not_logged(client_as, shared):
    response = client_as("coproducer").get(reverse("people:my_profile"))
    assert "Blind or partially sighted" in response.content.decode()
    assert not lived_experience_reads().exists()


def test_the_applicants_list_logs_the_lived_experience_it_shows(client_as, people, shared):
    opportunity = make_opportunity()
    opportunity_actions.express_interest(opportunity=opportunity, person=shared)
    client_as("staff").get(reverse("opportunities:applicants", args=[opportunity.pk]))
    assert lived_experience_reads(viewer=people["staff"], subject=shared).count() == 1
