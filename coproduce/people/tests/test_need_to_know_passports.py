"""Access passports are need-to-know: staff read one only when they work with
the person (a team they run, a meeting they organise, an opportunity they choose
people for) or recorded a reason today; everyone else gets a friendly refusal.
See docs/decisions/0021-need-to-know-passports.md."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.opportunities import actions as opportunity_actions
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.people import access, actions
from coproduce.people.models import PassportReason, Sharing
from coproduce.people.rules import readable_passports
from coproduce.people.tests.samples import fill_in_person
from coproduce.privacy.models import ReadLog
from coproduce.projects import actions as project_actions
from coproduce.projects.models import TeamMember
from coproduce.projects.tests.factories import make_project
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

PASSPORT_READS = [ReadLog.What.ACCESS_PASSPORT, ReadLog.What.ACCESS_ARRANGEMENTS]


@pytest.fixture
def person(people):
    return fill_in_person(
        UserFactory(name="Alex Morgan", roles=["coproducer"]), staff=people["staff"]
    )


def passport_page(client, person):
    return client.get(reverse("people:person_passport", args=[person.pk]))


def may_read(viewer, person):
    """The rule, asked both ways: they must always agree."""
    one = viewer.has_perm("people.view_access_passport", person)
    many = person.pk in readable_passports(viewer, [person])
    assert one == many
    return one


# --- Refusals ----------------------------------------------------------------------


def test_staff_who_do_not_work_with_someone_cannot_read_their_passport(person, people, client_as):
    assert not may_read(people["staff"], person)
    with pytest.raises(PermissionDenied):
        access.arrangements_for(person, people["staff"], "Curious")
    page = passport_page(client_as("staff"), person)
    assert page.status_code == 403
    text = page.content.decode()
    assert "<h1" in text and "You cannot read Alex Morgan's access passport" in text
    assert "You do not work with Alex Morgan" in text  # why
    assert reverse("people:record_passport_reason", args=[person.pk]) in text  # how
    assert "BSL interpreter" not in text and "Vegetarian" not in text
    assert not ReadLog.objects.filter(what__in=PASSPORT_READS).exists()


def test_the_lead_is_held_to_the_same_rule(person, people, client_as):
    assert not may_read(people["lead"], person)
    assert passport_page(client_as("lead"), person).status_code == 403


@pytest.mark.parametrize("role", ["administrator", "finance", "board", "coproducer"])
def test_other_roles_get_a_friendly_refusal_without_a_way_round(person, people, role, client_as):
    # Even with a link to the person, these roles do not read passports.
    make_project(lead=people[role], coproducers=[person])
    assert not may_read(people[role], person)
    page = passport_page(client_as(role), person)
    assert page.status_code == 403
    text = page.content.decode()
    assert text.count("<h1") == 1
    assert "Your role does not include reading other people's access passports" in text
    assert reverse("people:record_passport_reason", args=[person.pk]) not in text
    assert "BSL interpreter" not in text
    # Only those who may find people learn whose passport it is.
    assert ("Alex Morgan" in text) == (role == "administrator")


def test_the_person_always_reads_their_own(person, client_as):
    assert may_read(person, person)
    assert access.arrangements_for(person, person, "Own page").own_words.startswith("I am Deaf")


# --- Routes to access ------------------------------------------------------------------


def test_staff_running_a_project_read_the_passports_of_its_team(person, people, client_as):
    make_project(lead=people["lead"], coproducers=[person])
    project = make_project(lead=people["lead"], title="Transport")
    project_actions.add_team_member(
        project=project, person=people["staff"], kind=TeamMember.Kind.STAFF, role="Member"
    )
    assert may_read(people["lead"], person)  # leads the first project
    assert not may_read(people["staff"], person)  # runs a different one
    project_actions.add_team_member(
        project=project, person=person, kind=TeamMember.Kind.COPRODUCER, role="Member"
    )
    assert may_read(people["staff"], person)
    page = passport_page(client_as("staff"), person)
    assert page.status_code == 200 and b"BSL interpreter" in page.content


def test_being_on_a_team_as_a_coproducer_does_not_open_teammates_passports(person, people):
    make_project(lead=people["lead"], coproducers=[person, people["coproducer_staff"]])
    assert not may_read(people["coproducer_staff"], person)


def test_leaving_the_team_ends_access(person, people):
    project = make_project(lead=people["lead"], coproducers=[person])
    assert may_read(people["lead"], person)
    member = TeamMember.objects.get(project=project, person=person)
    project_actions.end_team_membership(member=member)
    assert not may_read(people["lead"], person)


def test_organisers_read_the_passports_of_people_invited(person, people):
    meeting = make_meeting(organiser=people["staff"])
    assert not may_read(people["staff"], person)
    meeting_actions.invite(meeting=meeting, people=[person], invited_by=people["staff"])
    assert may_read(people["staff"], person)
    assert not may_read(people["lead"], person)


def test_staff_running_a_meeting_s_project_co_organise_it(person, people):
    project = make_project(lead=people["lead"], title="Transport")
    meeting = make_meeting(organiser=people["staff"], project=project)
    meeting_actions.invite(meeting=meeting, people=[person], invited_by=people["staff"])
    assert may_read(people["lead"], person)  # leads the meeting's project


def test_those_choosing_people_read_the_passports_of_applicants(person, people):
    chosen_by_staff = make_opportunity(created_by=people["staff"])
    project = make_project(lead=people["lead"], title="Panel")
    for_lead_s_project = make_opportunity(created_by=people["administrator"], project=project)
    application = opportunity_actions.express_interest(
        opportunity=chosen_by_staff, person=person, answers=""
    )
    assert may_read(people["staff"], person)
    assert not may_read(people["lead"], person)
    opportunity_actions.express_interest(opportunity=for_lead_s_project, person=person, answers="")
    assert may_read(people["lead"], person)
    opportunity_actions.withdraw(application=application)
    assert not may_read(people["staff"], person)  # withdrawn: no longer choosing them


def test_recording_a_reason_opens_the_passport_until_the_end_of_the_day(person, people, client_as):
    client = client_as("staff")
    url = reverse("people:record_passport_reason", args=[person.pk])
    form = client.get(url)
    assert form.status_code == 200 and b"<h1" in form.content
    response = client.post(url, {"reason": "Helping them by phone to fill in a claim"})
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person_passport", args=[person.pk])
    reason = PassportReason.objects.get(viewer=people["staff"], person=person)
    assert timezone.localtime(reason.ends_at).date() == timezone.localdate() + timedelta(days=1)
    assert timezone.localtime(reason.ends_at).hour == 0
    assert may_read(people["staff"], person)
    page = client.get(response["Location"])
    assert page.status_code == 200 and b"BSL interpreter" in page.content
    assert b"Helping them by phone to fill in a claim" in page.content
    read = ReadLog.objects.get(viewer=people["staff"], subject=person)
    assert read.reason.startswith("Reason recorded: Helping them by phone to fill in a claim.")
    # The person sees who looked and why.
    client.force_login(person)
    mine = client.get(reverse("privacy:my_reads"))
    assert b"Helping them by phone to fill in a claim" in mine.content
    # Tomorrow the reason no longer counts.
    PassportReason.objects.filter(pk=reason.pk).update(ends_at=timezone.now())
    assert not may_read(people["staff"], person)


def test_a_reason_is_required_and_errors_follow_the_pattern(person, client_as):
    client = client_as("staff")
    url = reverse("people:record_passport_reason", args=[person.pk])
    page = client.post(url, {"reason": "  "})
    assert page.status_code == 200
    text = page.content.decode()
    assert "govuk-error-summary" in text and "govuk-error-message" in text
    assert "Say why you need to read their access passport." in text
    assert text.count("<title>Error:") == 1
    assert not PassportReason.objects.exists()


def test_only_lead_and_staff_may_record_a_reason_and_not_for_themselves(person, people, client_as):
    for role in ("administrator", "finance", "board", "coproducer"):
        url = reverse("people:record_passport_reason", args=[person.pk])
        assert client_as(role).post(url, {"reason": "Curious"}).status_code == 403
    own = reverse("people:record_passport_reason", args=[people["staff"].pk])
    assert client_as("staff").post(own, {"reason": "Me"}).status_code == 403
    assert not PassportReason.objects.exists()


# --- Own words and other pages ---------------------------------------------------------


def test_own_words_only_as_the_person_chose(person, people, client_as):
    make_project(lead=people["staff"], coproducers=[person])
    assert b"I am Deaf" not in passport_page(client_as("staff"), person).content
    actions.save_passport(
        person=person,
        changed_by=person,
        requirements=["bsl"],
        own_words="BSL is my first language",
        dietary="",
        other_arrangements="",
        sharing=Sharing.FULL,
    )
    assert b"BSL is my first language" in passport_page(client_as("staff"), person).content


def test_changing_a_passport_for_someone_needs_the_same_access(person, people, client_as):
    url = reverse("people:assist_passport", args=[person.pk])
    refused = client_as("staff").get(url)
    assert refused.status_code == 403 and b"Record why you need to read it" in refused.content
    assert b"BSL interpreter" not in refused.content
    make_project(lead=people["staff"], coproducers=[person])
    assert client_as("staff").get(url).status_code == 200


def test_their_page_offers_a_reason_instead_of_the_passport(person, people, client_as):
    page = client_as("staff").get(reverse("people:person_detail", args=[person.pk]))
    assert page.status_code == 200
    assert reverse("people:person_passport", args=[person.pk]).encode() + b'"' not in (page.content)
    assert reverse("people:record_passport_reason", args=[person.pk]).encode() in page.content


def test_finding_people_by_access_need_lists_only_people_staff_work_with(person, people, client_as):
    colleague = fill_in_person(
        UserFactory(name="Sky Colleague", roles=["coproducer"]), staff=people["staff"]
    )
    make_project(lead=people["staff"], coproducers=[colleague])
    page = client_as("staff").get(reverse("people:person_list"), {"requirement": "bsl"})
    assert b"Sky Colleague" in page.content and b"Alex Morgan" not in page.content
    assert not ReadLog.objects.filter(subject=person).exists()


def test_a_meeting_page_does_not_read_passports_for_staff_not_organising_it(
    person, people, client_as
):
    meeting = make_meeting(organiser=people["staff"])
    invitation = meeting_actions.invite(
        meeting=meeting, people=[person], invited_by=people["staff"]
    )[0]
    meeting_actions.reply(invitation=invitation, answer="yes")
    lead = client_as("lead")
    page = lead.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert page.status_code == 200
    assert b"Only the people organising this meeting see what to arrange" in page.content
    assert lead.get(reverse("meetings:checklist", args=[meeting.pk])).status_code == 403
    assert lead.post(reverse("meetings:checklist_update", args=[meeting.pk])).status_code == 403
    assert lead.get(reverse("meetings:checklist_details", args=[meeting.pk])).status_code == 403
    assert not ReadLog.objects.filter(what__in=PASSPORT_READS).exists()
    # The organiser's checklist keeps working, without their own words.
    organiser = client_as("staff")
    organiser.post(reverse("meetings:checklist_update", args=[meeting.pk]))
    checklist = organiser.get(reverse("meetings:checklist", args=[meeting.pk]))
    assert checklist.status_code == 200
    assert b"Book a BSL interpreter" in checklist.content and b"I am Deaf" not in checklist.content


def test_applicants_arrangements_only_for_those_choosing(person, people, client_as):
    opportunity = make_opportunity(created_by=people["staff"])
    opportunity_actions.express_interest(opportunity=opportunity, person=person, answers="")
    url = reverse("opportunities:applicants", args=[opportunity.pk])
    other = client_as("lead").get(url)
    assert other.status_code == 200 and b"BSL interpreter" not in other.content
    assert not ReadLog.objects.filter(what__in=PASSPORT_READS).exists()
    chooser = client_as("staff").get(url)
    assert b"BSL interpreter" in chooser.content


# --- Speed ---------------------------------------------------------------------------


def test_passport_page_queries_do_not_grow_with_links(person, people, client_as):
    make_project(lead=people["staff"], coproducers=[person])
    staff = client_as("staff")

    def grow():
        others = [UserFactory(roles=["coproducer"]) for _ in range(12)]
        for number in range(4):
            project = make_project(lead=people["staff"], coproducers=others, title=f"P{number}")
            meeting = make_meeting(organiser=people["staff"], project=project)
            meeting_actions.invite(meeting=meeting, people=others, invited_by=people["staff"])
            opportunity = make_opportunity(created_by=people["staff"], project=project)
            for other in others:
                opportunity_actions.express_interest(
                    opportunity=opportunity, person=other, answers=""
                )
                actions.record_passport_reason(
                    person=other, viewer=people["staff"], reason=f"Helping {number}"
                )

    assert_queries_do_not_grow(
        {"passport": (staff, reverse("people:person_passport", args=[person.pk]))}, grow
    )


# --- Demo data ------------------------------------------------------------------------


def test_the_demo_staff_account_works_with_some_coproducers_and_not_the_newcomer(settings):
    from io import StringIO

    from django.core.management import call_command

    from coproduce.accounts.models import User
    from coproduce.people.demo import NEWCOMER_EMAIL, NEWCOMER_REASON

    settings.COPRODUCE_DEMO = True
    call_command("demo", stdout=StringIO())
    staff = User.objects.get(email="staff@example.org")
    lead = User.objects.get(email="lead@example.org")
    newcomer = User.objects.get(email=NEWCOMER_EMAIL)
    assert may_read(staff, User.objects.get(email="coproducer@example.org"))
    assert may_read(staff, User.objects.get(email="aisha.rahman@example.org"))
    assert not may_read(staff, newcomer)
    assert may_read(lead, newcomer)  # through the reason the lead recorded
    assert ReadLog.objects.filter(
        viewer=lead, subject=newcomer, reason__contains=NEWCOMER_REASON
    ).exists()
