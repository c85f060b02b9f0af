"""A meeting's page and its checklist cost the same number of queries for 5 people as for
500, for the organiser and for someone invited, and visiting them writes nothing."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.meetings import actions
from coproduce.meetings.models import Invitation
from coproduce.meetings.tests.factories import make_meeting, pdf
from coproduce.people import consent
from coproduce.people.models import AccessPassport, AccessRequirement, ConsentRecord, Requirement
from coproduce.tests.query_counts import count_queries

pytestmark = pytest.mark.django_db
MOST = 15
NEEDS = [["bsl"], ["easy_read", "quiet_room"], [], ["captions", "breaks"], ["step_free"]]


def meeting_for(people, count, needs=NEEDS):
    """A meeting with `count` people coming, their passports shared (their needs from
    `needs`, in turn), a paper in two formats, and the organiser's checklist built."""
    staff, coproducer = people["staff"], people["coproducer"]
    meeting = make_meeting(organiser=staff, title=f"Meeting of {count}")
    crowd = User.objects.bulk_create(
        User(email=f"m{meeting.pk}-{n}@example.org", name=f"Person {n}") for n in range(count)
    )
    passports = AccessPassport.objects.bulk_create(
        AccessPassport(user=person, dietary="Vegan" if n % 3 == 0 else "", sharing="arrangements")
        for n, person in enumerate(crowd)
    )
    AccessRequirement.objects.bulk_create(
        AccessRequirement(passport=passport, code=code)
        for n, passport in enumerate(passports)
        for code in needs[n % len(needs)]
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            person=person,
            purpose=consent.SHARE_ACCESS,
            wording_version=consent.PURPOSES[consent.SHARE_ACCESS].version,
            given=n % 7 != 6,  # some have not agreed: "ask them" for those
            recorded_by=person,
        )
        for n, person in enumerate(crowd)
    )
    actions.invite(meeting=meeting, people=[*crowd, coproducer], invited_by=staff)
    meeting.invitations.update(reply=Invitation.Reply.YES)
    material = actions.add_material(
        meeting=meeting,
        kind="agenda",
        title="Agenda",
        sent_on=meeting.papers_due_on,
        upload=pdf(),
        content_type="application/pdf",
        uploaded_by=staff,
    )
    actions.add_format(
        material=material, format="bsl", sent_on=meeting.papers_due_on, link="https://v.example.org"
    )
    actions.update_checklist(meeting=meeting, organiser=staff)
    return meeting


def writes(sql):
    """A statement that changes the page's data (the session's own save aside)."""
    verb = sql.split(" ", 1)[0].upper()
    return verb in {"INSERT", "UPDATE", "DELETE"} and "django_session" not in sql


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_meeting_pages_cost_the_same_for_5_or_500_people_and_write_nothing(people):
    # The small meeting's people need less, so its checklist has fewer rows than the
    # large one's: with every need at both sizes the rows were the same, and a query a
    # row made the same count twice (only the bar of 15 caught it, by one query).
    small, large = meeting_for(people, 5, needs=[["bsl"], []]), meeting_for(people, 500)
    assert large.arrangements.count() >= 5 and large.arrangements.first().needed_by.exists()
    assert small.arrangements.count() < large.arrangements.count()
    organiser, invited = signed_in(people["staff"]), signed_in(people["coproducer"])
    pages = {
        "detail, organiser": (organiser, "meetings:meeting_detail"),
        "detail, invited": (invited, "meetings:meeting_detail"),
        "checklist, organiser": (organiser, "meetings:checklist"),
    }
    counts = {}
    for label, (client, name) in pages.items():
        for meeting in (small, large):
            url = reverse(name, args=[meeting.pk])
            count_queries(client, url)  # the session settles on the first visit
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            assert not [sql for sql in map(str.strip, (q["sql"] for q in captured)) if writes(sql)]
            counts.setdefault(label, []).append(len(captured))
    grew = {label: pair for label, pair in counts.items() if pair[0] != pair[1]}
    assert not grew, f"Queries grew with the meeting (5, 500): {grew}"
    too_many = {label: pair[0] for label, pair in counts.items() if pair[0] > MOST}
    assert not too_many, f"More than {MOST} queries: {too_many}"


def test_a_changed_passport_is_shown_as_out_of_date_not_rebuilt(people):
    meeting = meeting_for(people, 5)
    organiser = signed_in(people["staff"])
    person = meeting.invitations.exclude(person=people["coproducer"]).first().person
    AccessPassport.objects.filter(user=person).update(updated_at=meeting.starts_at)
    before = set(meeting.arrangements.values_list("pk", "still_needed"))
    page = organiser.get(reverse("meetings:checklist", args=[meeting.pk])).content.decode()
    assert "Update the checklist" in page
    assert set(meeting.arrangements.values_list("pk", "still_needed")) == before
    assert Requirement.BSL in set(meeting.arrangements.values_list("code", flat=True))
