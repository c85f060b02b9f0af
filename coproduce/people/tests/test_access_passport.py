"""The access passport: one read function, the sharing choice, consent and the read log."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from coproduce.people import access, actions, consent
from coproduce.people.models import Sharing
from coproduce.people.tests.samples import fill_in_person
from coproduce.privacy.models import ReadLog

pytestmark = pytest.mark.django_db


def works_with(staff, *persons):
    """Puts `persons` on the team of a project `staff` leads (staff may then read their passports)."""
    from coproduce.projects.tests.factories import make_project

    return make_project(lead=staff, coproducers=persons, title=f"Project of {staff}")


@pytest.fixture
def person(people):
    person = fill_in_person(people["coproducer"], staff=people["staff"])
    works_with(people["staff"], person)
    works_with(people["lead"], person)
    return person


def test_organisers_see_arrangements_not_own_words_by_default(person, people):
    result = access.arrangements_for(person, people["staff"], "Booking the venue")
    assert result.shared
    assert "BSL interpreter" in result.items and "Step-free access" in result.items
    assert result.dietary == "Vegetarian"
    assert result.own_words == ""  # their own words may name a condition: not shared by default
    read = ReadLog.objects.get()
    assert (read.viewer, read.subject, read.what, read.reason) == (
        people["staff"],
        person,
        ReadLog.What.ACCESS_ARRANGEMENTS,
        "Booking the venue",
    )


def test_sharing_in_full_shows_own_words_and_is_logged_as_passport(person, people):
    actions.save_passport(
        person=person,
        changed_by=person,
        requirements=["bsl"],
        own_words="BSL is my language",
        dietary="",
        other_arrangements="",
        sharing=Sharing.FULL,
    )
    result = access.arrangements_for(person, people["lead"], "Workshop")
    assert result.own_words == "BSL is my language"
    assert ReadLog.objects.get().what == ReadLog.What.ACCESS_PASSPORT


def test_choosing_not_to_share_withdraws_consent_and_stops_reads_at_once(person, people):
    assert consent.has_consent(person, consent.SHARE_ACCESS)
    actions.save_passport(
        person=person,
        changed_by=person,
        requirements=["bsl"],
        own_words="",
        dietary="",
        other_arrangements="",
        sharing=Sharing.NONE,
    )
    assert not consent.has_consent(person, consent.SHARE_ACCESS)
    result = access.arrangements_for(person, people["staff"], "Workshop")
    assert not result.shared and result.items == [] and result.own_words == ""
    assert not ReadLog.objects.exists()  # nothing was read, so nothing is logged


def test_withdrawing_consent_on_the_consent_page_also_stops_sharing(person, people, client_as):
    client = client_as("coproducer")
    response = client.post(reverse("people:my_consent"), {"share_access": "no"})
    assert response.status_code == 302
    assert not access.arrangements_for(person, people["staff"], "Workshop").shared


def test_the_person_always_sees_everything_and_is_not_logged(person):
    result = access.arrangements_for(person, person, "Own page")
    assert result.own_words.startswith("I am Deaf")
    assert not ReadLog.objects.exists()


@pytest.mark.parametrize("role", ["administrator", "finance", "board", "coproducer_staff"])
def test_people_without_the_permission_cannot_read_it(person, people, role):
    with pytest.raises(PermissionDenied):
        access.arrangements_for(person, people[role], "Curious")


def test_a_coproducer_who_is_also_staff_reads_it_when_they_work_with_them(person, people):
    works_with(people["coproducer_staff"], person)
    assert access.arrangements_for(person, people["coproducer_staff"], "Meeting").shared


def test_many_people_in_a_fixed_number_of_queries(people, django_assert_max_num_queries):
    from coproduce.accounts.tests.factories import UserFactory

    attendees = [
        fill_in_person(UserFactory(roles=["coproducer"]), staff=people["staff"]) for _ in range(6)
    ]
    works_with(people["staff"], *attendees)
    with django_assert_max_num_queries(8):
        results = access.arrangements_for_many(attendees, people["staff"], "Meeting checklist")
    assert all("BSL interpreter" in r.items for r in results)
    assert ReadLog.objects.filter(reason="Meeting checklist").count() == 6


def test_staff_page_logs_the_read_and_the_person_sees_who_looked(person, client_as):
    page = client_as("staff").get(reverse("people:person_passport", args=[person.pk]))
    assert b"BSL interpreter" in page.content and b"I am Deaf" not in page.content
    mine = client_as("coproducer").get(reverse("privacy:my_reads"))
    assert b"Test staff" in mine.content and b"Opened their access passport page" in mine.content
    lead = client_as("lead").get(reverse("privacy:read_log"))
    assert b"Test staff" in lead.content


def test_the_person_page_says_who_can_see_it(person, client_as):
    page = client_as("coproducer").get(reverse("people:my_passport"))
    text = page.content.decode()
    assert "the arrangements to make, not your own words" in text
    assert "Administrators, finance staff and board members cannot see it." in text


def test_finding_people_by_access_requirement_is_logged_and_respects_consent(
    person, people, client_as
):
    from coproduce.accounts.tests.factories import UserFactory

    private = fill_in_person(
        UserFactory(name="Private Person", roles=["coproducer"]), staff=people["staff"]
    )
    works_with(people["staff"], private)
    actions.save_passport(
        person=private,
        changed_by=private,
        requirements=["bsl"],
        own_words="",
        dietary="",
        other_arrangements="",
        sharing=Sharing.NONE,
    )
    page = client_as("staff").get(reverse("people:person_list"), {"requirement": "bsl"})
    assert person.name.encode() in page.content
    assert b"Private Person" not in page.content
    assert ReadLog.objects.filter(subject=person, viewer=people["staff"]).exists()
    assert not ReadLog.objects.filter(subject=private).exists()


def test_administrators_cannot_filter_by_access_requirement(person, client_as):
    page = client_as("administrator").get(reverse("people:person_list"), {"requirement": "bsl"})
    assert page.status_code == 200
    assert b'name="requirement"' not in page.content
    assert not ReadLog.objects.filter(
        what__in=[ReadLog.What.ACCESS_PASSPORT, ReadLog.What.ACCESS_ARRANGEMENTS]
    ).exists()


def test_staff_helping_cannot_read_what_was_not_shared_and_nothing_is_lost(client_as, people):
    from django.urls import reverse

    from coproduce.people import actions as people_actions
    from coproduce.people.models import AccessPassport

    person = people["coproducer"]
    people_actions.save_passport(
        person=person,
        changed_by=person,
        requirements=["bsl"],
        own_words="Private words here",
        dietary="",
        other_arrangements="",
        sharing="arrangements",
        reason="",
    )
    people_actions.record_consent(
        person=person, recorded_by=person, purpose="share_access", given=True
    )
    works_with(people["staff"], person)
    url = reverse("people:assist_passport", args=[person.pk])
    page = client_as("staff").get(url).content.decode()
    assert "Private words here" not in page
    client_as("staff").post(
        url,
        {
            "requirements": ["bsl", "step_free"],
            "own_words": "Added by phone",
            "dietary": "",
            "other_arrangements": "",
            "sharing": "arrangements",
            "reason": "She phoned",
        },
    )
    passport = AccessPassport.objects.get(user=person)
    assert "Private words here" in passport.own_words and "Added by phone" in passport.own_words
    assert {"bsl", "step_free"} <= {row.code for row in passport.requirements.all()}


@pytest.mark.django_db(transaction=True)
def test_whether_staff_work_with_someone_follows_each_committed_change(people):
    """The check is kept between visits (people.relationships.works_with), never past a
    change: a place on a team given, then ended, shows on the very next check."""
    from coproduce.people import relationships
    from coproduce.projects.models import TeamMember

    staff, someone = people["staff"], people["coproducer_staff"]
    assert not relationships.works_with(staff, someone)
    project = works_with(staff, someone)
    assert relationships.works_with(staff, someone)
    TeamMember.objects.filter(project=project, person=someone).delete()
    assert not relationships.works_with(staff, someone)
