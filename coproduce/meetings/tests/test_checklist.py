"""The checklist is built from the passports of the people coming, changes
when a passport or a reply changes, and shows arrangements, never reasons."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions, checklist
from coproduce.meetings.models import Arrangement, Invitation
from coproduce.meetings.tests.factories import make_meeting, make_venue
from coproduce.people import actions as people_actions
from coproduce.privacy.models import ReadLog

pytestmark = pytest.mark.django_db


def passport(person, requirements, sharing="arrangements", own_words="", dietary=""):
    people_actions.save_passport(
        person=person,
        changed_by=person,
        requirements=requirements,
        own_words=own_words,
        dietary=dietary,
        other_arrangements="",
        sharing=sharing,
    )


def coming(meeting, person, staff, answer=Invitation.Reply.YES):
    invitation = (
        meeting.invitations.filter(person=person).first()
        or actions.invite(meeting=meeting, people=[person], invited_by=staff)[0]
    )
    return actions.reply(invitation=invitation, answer=answer)


def codes(meeting):
    return {
        item.code: sorted(p.name for p in item.needed_by.all())
        for item in meeting.arrangements.filter(still_needed=True)
    }


def test_checklist_changes_when_a_passport_or_a_reply_changes(people):
    staff = people["staff"]
    sam = UserFactory(name="Sam", roles=["coproducer"])
    kai = UserFactory(name="Kai", roles=["coproducer"])
    passport(sam, ["bsl", "quiet_room"], own_words="I am Deaf.")
    passport(kai, ["easy_read"])
    meeting = make_meeting(organiser=staff)

    coming(meeting, sam, staff)
    checklist.sync(meeting, staff)
    assert codes(meeting) == {"bsl": ["Sam"], "quiet_room": ["Sam"]}

    # Kai's reply adds Easy Read papers.
    coming(meeting, kai, staff, Invitation.Reply.MAYBE)
    checklist.sync(meeting, staff)
    assert codes(meeting) == {"bsl": ["Sam"], "quiet_room": ["Sam"], "easy_read": ["Kai"]}

    # Sam's passport changes: captions instead of a quiet room.
    passport(sam, ["bsl", "captions"])
    checklist.sync(meeting, staff)
    assert codes(meeting) == {"bsl": ["Sam"], "captions": ["Sam"], "easy_read": ["Kai"]}
    assert not meeting.arrangements.filter(code="quiet_room").exists()  # nothing done: removed

    # The interpreter was booked; then Sam cannot come. The booking stays, marked not needed.
    bsl = meeting.arrangements.get(code="bsl")
    actions.update_arrangement(
        item=bsl, owner=staff, status=Arrangement.Status.DONE, due_on=bsl.due_on, note="Booked"
    )
    coming(meeting, sam, staff, Invitation.Reply.NO)
    checklist.sync(meeting, staff)
    assert codes(meeting) == {"easy_read": ["Kai"]}
    bsl.refresh_from_db()
    assert not bsl.still_needed and bsl.status == Arrangement.Status.DONE

    # Sam comes after all: the booking is needed again, still marked done.
    coming(meeting, sam, staff)
    checklist.sync(meeting, staff)
    bsl.refresh_from_db()
    assert bsl.still_needed and bsl.status == Arrangement.Status.DONE


def test_organisers_see_arrangements_not_reasons_and_the_read_is_logged(people, client_as):
    staff = people["staff"]
    sam = UserFactory(name="Sam", roles=["coproducer"])
    passport(sam, ["bsl"], own_words="I am Deaf since birth.", dietary="Vegan")
    meeting = make_meeting(organiser=staff)
    coming(meeting, sam, staff)
    client = client_as("staff")
    url = reverse("meetings:checklist", args=[meeting.pk])
    assert "Update the checklist" in client.get(url).content.decode()
    assert not ReadLog.objects.filter(viewer=staff, subject=sam).exists()  # looking reads nothing
    text = client.post(reverse("meetings:checklist_update", args=[meeting.pk]), follow=True)
    text = text.content.decode()
    assert "Book a BSL interpreter" in text and "Update the checklist" not in text
    assert "Deaf since birth" not in text and "Vegan" not in text
    assert ReadLog.objects.filter(viewer=staff, subject=sam).exists()
    details = client.get(reverse("meetings:checklist_details", args=[meeting.pk]))
    assert (
        "Vegan" in details.content.decode() and "Deaf since birth" not in details.content.decode()
    )


def test_someone_who_does_not_share_is_asked_not_guessed(people):
    staff = people["staff"]
    private = UserFactory(name="Private Person", roles=["coproducer"])
    passport(private, ["bsl"], sharing="none")
    meeting = make_meeting(organiser=staff)
    coming(meeting, private, staff)
    checklist.sync(meeting, staff)
    assert codes(meeting) == {checklist.ASK: ["Private Person"]}


def test_a_warning_when_the_meeting_is_close_and_something_is_not_arranged(people):
    staff = people["staff"]
    sam = UserFactory(name="Sam", roles=["coproducer"])
    passport(sam, ["bsl", "hearing_loop"])
    venue = make_venue(hearing_loop=False)
    meeting = make_meeting(organiser=staff, days=3, venue=venue)
    coming(meeting, sam, staff)
    checklist.sync(meeting, staff)
    items = list(meeting.arrangements.all())
    found = " ".join(checklist.warnings(meeting, items))
    assert "Book a BSL interpreter" in found and "should have been arranged by" in found
    assert "has no hearing loop" in found
    for item in items:
        actions.update_arrangement(
            item=item, owner=staff, status=Arrangement.Status.DONE, due_on=item.due_on, note=""
        )
    found = " ".join(checklist.warnings(meeting, list(meeting.arrangements.all())))
    assert "Book a BSL interpreter" not in found
    far = make_meeting(organiser=staff, days=60)
    coming(far, sam, staff)
    checklist.sync(far, staff)
    assert not [w for w in checklist.warnings(far, list(far.arrangements.all())) if "Book" in w]


def test_due_dates_give_interpreters_two_weeks(people):
    meeting = make_meeting(organiser=people["staff"], days=30)
    day = timezone.localdate(meeting.starts_at)
    assert checklist.due_on(meeting, "bsl") == day - timedelta(days=14)
    assert checklist.due_on(meeting, "easy_read") == meeting.papers_due_on


def test_marking_an_arrangement_done(people, client_as):
    staff = people["staff"]
    sam = UserFactory(name="Sam", roles=["coproducer"])
    passport(sam, ["quiet_room"])
    meeting = make_meeting(organiser=staff)
    coming(meeting, sam, staff)
    checklist.sync(meeting, staff)
    item = meeting.arrangements.get()
    client = client_as("staff")  # the organiser: the checklist is theirs
    url = reverse("meetings:arrangement_edit", args=[meeting.pk, item.pk])
    response = client.post(
        url,
        {"status": "done", "owner": staff.pk, "due_on": item.due_on.isoformat(), "note": "Room 2"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "done" and item.done_at and item.note == "Room 2"
    bad = client.post(url, {"status": "done", "due_on": "not a date"})
    assert bad.status_code == 200 and "Enter a real date" in bad.content.decode()


def test_the_meeting_page_says_when_passports_or_replies_changed_and_writes_nothing(
    people, client_as
):
    staff = people["staff"]
    sam = UserFactory(name="Sam", roles=["coproducer"])
    passport(sam, ["bsl"])
    meeting = make_meeting(organiser=staff)
    coming(meeting, sam, staff)
    client = client_as("staff")
    changed = "Replies or access passports have changed"
    update = reverse("meetings:checklist_update", args=[meeting.pk])

    def page():
        return client.get(meeting.get_absolute_url()).content.decode()

    client.post(update)
    assert "Book a BSL interpreter" in page() and changed not in page()
    passport(sam, ["captions"])
    assert changed in page() and not meeting.arrangements.filter(code="captions").exists()
    client.post(update)
    assert "Book a captioner" in page() and "Book a BSL interpreter" not in page()
    coming(meeting, sam, staff, Invitation.Reply.NO)
    assert changed in page()
    client.post(update)
    assert "Book a captioner" not in page() and changed not in page()


def test_a_welsh_speaker_or_interpreter_reaches_the_checklist(people, client_as):
    staff = people["staff"]
    nia = UserFactory(name="Nia", roles=["coproducer"])
    passport(nia, ["welsh"])
    meeting = make_meeting(organiser=staff, days=30)
    coming(meeting, nia, staff)
    client = client_as("staff")
    page = client.post(reverse("meetings:checklist_update", args=[meeting.pk]), follow=True)
    assert "Book a Welsh speaker or Welsh interpreter" in page.content.decode()
    assert codes(meeting) == {"welsh": ["Nia"]}
    # Interpreters book up early, Welsh ones as much as BSL ones.
    day = timezone.localdate(meeting.starts_at)
    assert meeting.arrangements.get(code="welsh").due_on == day - timedelta(days=14)
