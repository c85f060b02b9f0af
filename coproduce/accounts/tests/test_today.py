"""Today (/home/): what needs each person now, from every app's providers."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.lib import today
from coproduce.lib.today import Item
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.models import Arrangement, Invitation
from coproduce.meetings.tests.factories import make_meeting
from coproduce.payments import actions as payment_actions
from coproduce.payments.models import PaymentBatch, Status
from coproduce.payments.tests.factories import make_claim

pytestmark = pytest.mark.django_db


def keys(user):
    return [item.key for _, found in today.items_for(user, timezone.now()) for item in found]


def test_items_are_most_urgent_first_then_soonest_due_then_oldest():
    now = timezone.now()
    items = [
        Item("a", "Info.", "Go", "/", urgency=3),
        Item("b", "Later.", "Go", "/", due=date(2030, 1, 9), urgency=2),
        Item("c", "Sooner.", "Go", "/", due=date(2030, 1, 2), urgency=2),
        Item("d", "Overdue.", "Go", "/", due=date(2020, 1, 1), urgency=0),
        Item("e", "Old.", "Go", "/", since=now - timedelta(days=9), urgency=2),
        Item("f", "Older.", "Go", "/", since=now - timedelta(days=30), urgency=2),
    ]
    ordered = sorted(items, key=today.sort_key)
    assert [item.key for item in ordered] == ["d", "c", "b", "f", "e", "a"]


def test_due_dates_and_ages_are_said_in_words():
    now = timezone.make_aware(datetime(2026, 11, 30, 9, 0))
    day = now.date()
    said = {
        3: "due in 3 days",
        1: "due tomorrow",
        0: "due today",
        -1: "overdue by 1 day",
        -2: "overdue by 2 days",
    }
    for days, words in said.items():
        assert (
            today.in_words(Item("k", "S.", "A", "/", due=day + timedelta(days=days)), now) == words
        )
    assert today.in_words(Item("k", "S.", "A", "/", since=now - timedelta(days=2)), now) == (
        "2 days ago"
    )
    assert today.in_words(
        Item("k", "S.", "A", "/", due=day + timedelta(days=3), event=True), now
    ) == ("in 3 days")
    assert today.urgency_for(day - timedelta(days=1), now) == today.OVERDUE
    assert today.urgency_for(day + timedelta(days=7), now) == today.THIS_WEEK
    assert today.urgency_for(day + timedelta(days=8), now) == today.NORMAL


def test_an_empty_today_says_so_and_suggests_a_next_step(client_as):
    for role, link in (
        ("coproducer", reverse("opportunities:opportunity_list")),
        ("finance", reverse("payments:claim_list")),
    ):
        page = client_as(role).get(reverse("accounts:home")).content.decode()
        assert "Nothing needs you today" in page
        assert link in page


def test_a_coproducer_sees_invitations_their_arrangements_feedback_and_claims(people, client_as):
    coproducer, staff = people["coproducer"], people["staff"]
    upcoming = make_meeting(organiser=staff, title="Transport group", days=3)
    invitation = meeting_actions.invite(meeting=upcoming, people=[coproducer], invited_by=staff)[0]
    assert f"meetings.reply:{invitation.pk}" in keys(coproducer)
    page = client_as("coproducer").get(reverse("accounts:home")).content.decode()
    assert "You are invited to “Transport group”" in page
    assert "<time datetime=" in page and "Due in 3 days" in page

    meeting_actions.reply(invitation=invitation, answer=Invitation.Reply.YES)
    item = Arrangement.objects.create(
        meeting=upcoming,
        code="bsl",
        label="BSL interpreter",
        owner=staff,
        status=Arrangement.Status.DONE,
        due_on=timezone.localdate(),
    )
    item.needed_by.add(coproducer)
    page = client_as("coproducer").get(reverse("accounts:home")).content.decode()
    assert "your BSL interpreter is booked" in page
    assert f"meetings.reply:{invitation.pk}" not in keys(coproducer)

    past = make_meeting(organiser=staff, title="Housing panel", days=-2)
    meeting_actions.invite(meeting=past, people=[coproducer], invited_by=staff)
    meeting_actions.record_attendance(
        meeting=past, minutes_by_person={coproducer: 90}, recorded_by=staff
    )
    found = keys(coproducer)
    assert f"meetings.feedback:{past.pk}" in found
    assert f"payments.claim_meeting:{past.pk}" in found
    # Someone else's meeting and arrangement never show.
    assert not [key for key in keys(people["coproducer_staff"]) if "meetings" in key]


def test_a_returned_claim_shows_its_reason(people):
    coproducer, lead = people["coproducer"], people["lead"]
    claim = make_claim(claimant=coproducer)
    payment_actions.submit(claim=claim, by=coproducer)
    payment_actions.return_claim(claim=claim, by=lead, reason="Add the bus fare receipt")
    sentences = [i.sentence for _, f in today.items_for(coproducer, timezone.now()) for i in f]
    assert any("Add the bus fare receipt" in s for s in sentences)


def test_the_lead_approves_claims_from_today_but_never_their_own(people, client_as):
    coproducer, lead = people["coproducer"], people["lead"]
    claim = make_claim(claimant=coproducer)
    payment_actions.submit(claim=claim, by=coproducer)
    own = make_claim(claimant=lead, entered_by=lead)
    payment_actions.submit(claim=own, by=lead)
    found = keys(lead)
    assert f"payments.approve:{claim.pk}" in found
    assert f"payments.approve:{own.pk}" not in found
    assert not [key for key in keys(coproducer) if key.startswith("payments.approve")]

    response = client_as("lead").post(
        reverse("payments:claim_approve", args=[claim.pk]), {"next": reverse("accounts:home")}
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:home")
    claim.refresh_from_db()
    assert claim.status == Status.APPROVED
    assert f"payments.approve:{claim.pk}" not in keys(lead)
    assert f"payments.pay:{claim.pk}" in keys(people["finance"])

    payment_actions.create_batch(claims=[claim], by=people["finance"])
    batch = PaymentBatch.objects.get()
    assert f"payments.batch:{batch.pk}" in keys(people["finance"])


def test_an_organiser_marks_an_overdue_arrangement_done_from_today(people, client_as):
    staff = people["staff"]
    meeting = make_meeting(organiser=staff, title="Budget group", days=5)
    item = Arrangement.objects.create(
        meeting=meeting,
        code="loop",
        label="Hearing loop",
        owner=staff,
        due_on=timezone.localdate() - timedelta(days=2),
        note="Ask the hall",
    )
    [(heading, found)] = [
        group for group in today.items_for(staff, timezone.now()) if group[0] == "Meetings"
    ]
    mine = next(i for i in found if i.key == f"meetings.arrangement:{item.pk}")
    assert mine.urgency == today.OVERDUE and mine.post
    page = client_as("staff").get(reverse("accounts:home")).content.decode()
    assert "Overdue by 2 days" in page
    response = client_as("staff").post(mine.action_url, dict(mine.post))
    assert response["Location"] == reverse("accounts:home")
    item.refresh_from_db()
    assert item.status == Arrangement.Status.DONE and item.note == "Ask the hall"
    # Someone who does not organise the meeting may not close it.
    assert client_as("coproducer").post(mine.action_url, dict(mine.post)).status_code == 403


def test_board_members_see_the_latest_board_report(people):
    [(heading, [item])] = today.items_for(people["board"], timezone.now())
    assert item.key == "insights.board_report"
    assert item.action_url.startswith(reverse("insights:dashboard"))


def test_every_demo_account_has_something_on_today(settings):
    from io import StringIO

    from django.core.management import call_command

    from coproduce.accounts.demo import DEMO_ACCOUNTS
    from coproduce.accounts.models import User

    settings.COPRODUCE_DEMO = True
    call_command("demo", "--migrate", stdout=StringIO())
    now = timezone.now()
    empty = []
    for email, _, _ in DEMO_ACCOUNTS:
        found = [
            i.key for _, items in today.items_for(User.objects.get(email=email), now) for i in items
        ]
        print(email, found)
        if not found:
            empty.append(email)
    assert not empty, f"Nothing on Today for {empty}"

    # The demo's Welsh speaker sees Today in Welsh, with English one button away.
    from django.test import Client

    welsh = Client()
    welsh.force_login(User.objects.get(email="coproducer2@example.org"))
    page = welsh.get(reverse("accounts:home")).content.decode()
    assert '<html lang="cy"' in page
    assert 'value="en-gb" lang="en-GB">English' in page
