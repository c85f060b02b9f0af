"""Review done together (issue 16): co-producers see the results of the round they
answered, suppressed as for the lead; they co-own actions (volunteering, or added by
the lead or the action's owner), record progress like the owner, and comment on actions
with staff; Today reminds a co-owner of an action due soon."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.assessment import actions
from coproduce.assessment.models import Action, ActionComment, ActionCoOwner, ActionNote
from coproduce.assessment.tests.factories import COPRODUCER, STAFF, answer_all, open_round
from coproduce.lib.today import items_for
from coproduce.notifications.models import Notification
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def _action(people, *, owner=None, due_in=30, status="open", what="Pay every claim in 14 days."):
    action = actions.raise_action(
        created_by=people["lead"],
        round=None,
        area="structure",
        what=what,
        owner=owner or people["staff"],
        due_on=timezone.localdate() + timedelta(days=due_in),
    )
    if status != "open":
        actions.update_action(action=action, status=status, note="Done.", author=people["lead"])
    return action


def test_a_coproducer_sees_the_results_suppressed_as_the_lead_does_without_comments(
    client_as, people
):
    round_ = open_round(lead=people["lead"])
    for number in range(5):
        answer_all(
            round_, UserFactory(roles=["staff"]), STAFF, 4, comment="Staff said this" * (not number)
        )
    for _ in range(4):  # fewer than the floor of 5
        answer_all(round_, UserFactory(roles=["coproducer"]), COPRODUCER, 2, comment="Mine")
    url = round_.get_absolute_url()
    lead = client_as("lead").get(url).content.decode()
    page = client_as("coproducer").get(url).content.decode()
    for shown in (lead, page):
        assert "Sent by 5 staff and fewer than 5 co-producers." in shown
        assert "Not enough answers to compare." in shown
    # The co-producers' averages are hidden for them too: only staff's 4.0 shows.
    assert page.count("4.0") == lead.count("4.0") and "2.0" not in page
    # The comments people wrote stay with the lead; nor can a co-producer run the round.
    assert "Staff said this" in lead and "Staff said this" not in page
    assert "What people said" not in page
    assert "Raise an action" not in page and "Close the round now" not in page
    assert client_as("coproducer").get(url + "?after=1").status_code == 200
    assert client_as("staff").get(url).status_code == 403
    assert client_as("board").get(url).status_code == 403


def test_a_coproducer_volunteers_to_co_own_and_records_progress_like_the_owner(client_as, people):
    action = _action(people)
    client = client_as("coproducer")
    detail = reverse("assessment:action_detail", args=[action.pk])
    page = client.get(detail).content.decode()
    assert "Co-own this action" in page and "Record progress" not in page
    # Not a co-owner yet: progress is refused.
    refused = client.post(detail, {"status": "in_progress", "note": "Started."})
    assert refused.status_code == 403

    response = client.post(reverse("assessment:action_co_own", args=[action.pk]))
    assert response.status_code == 302
    assert ActionCoOwner.objects.get(action=action).person == people["coproducer"]
    # Volunteering twice changes nothing.
    client.post(reverse("assessment:action_co_own", args=[action.pk]))
    assert ActionCoOwner.objects.filter(action=action).count() == 1
    assert ActionCoOwner.history.filter(action_id=action.pk).count() == 1
    # The owner is told.
    told = Notification.objects.get(
        recipient=people["staff"], kind="assessment.action_owner", subject__contains="co-owns"
    )
    assert "Test coproducer" in told.body

    page = client.get(detail).content.decode()
    assert "Test coproducer (you)" in page and "Stop co-owning this action" in page
    response = client.post(detail, {"status": "in_progress", "note": "Asked the group."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert ActionNote.objects.filter(action=action, author=people["coproducer"]).exists()

    # Stepping down ends it; the history keeps it.
    client.post(
        reverse("assessment:action_co_owner_remove", args=[action.pk]),
        {"person": people["coproducer"].pk},
    )
    assert not ActionCoOwner.objects.filter(action=action).exists()
    assert ActionCoOwner.history.filter(action_id=action.pk, history_type="-").exists()
    assert client.post(detail, {"status": "done", "note": ""}).status_code == 403


def test_the_owner_adds_a_coproducer_who_is_told_and_others_cannot(client_as, people):
    action = _action(people)
    add = reverse("assessment:action_co_owner_add", args=[action.pk])
    # Another member of staff who does not own it may not add anyone.
    other = UserFactory(roles=["staff"])
    client = client_as("staff")
    client.force_login(other)
    assert client.post(add, {"person": people["coproducer"].pk}).status_code == 403
    # A co-producer may not add another co-producer.
    assert (
        client_as("coproducer").post(add, {"person": people["coproducer_staff"].pk}).status_code
        == 403
    )

    client = client_as("staff")
    # Only co-producers can be chosen: a member of staff's id, a stranger's and junk.
    for doctored in (people["finance"].pk, 999999, "1 OR 1=1", "٣"):
        response = client.post(add, {"person": doctored})
        assert response.status_code == 200
        assert "Choose one of the options shown" in response.content.decode()
    assert not ActionCoOwner.objects.exists()

    response = client.post(add, {"person": people["coproducer"].pk})
    assert response.status_code == 302
    told = Notification.objects.get(
        recipient=people["coproducer"], kind="assessment.action_co_owner"
    )
    assert "Test staff has asked you to co-own" in told.body

    # The co-owner may not remove the owner's choice of someone else.
    second = UserFactory(roles=["coproducer"])
    actions.add_co_owner(action=action, person=second, by=people["staff"])
    remove = reverse("assessment:action_co_owner_remove", args=[action.pk])
    assert client_as("coproducer").post(remove, {"person": second.pk}).status_code == 403
    # Nobody who is not a co-owner, and no junk.
    assert client_as("lead").post(remove, {"person": people["board"].pk}).status_code == 404
    assert client_as("lead").post(remove, {"person": "x"}).status_code == 404
    assert client_as("lead").post(remove, {"person": second.pk}).status_code == 302
    assert list(ActionCoOwner.objects.values_list("person", flat=True)) == [people["coproducer"].pk]


def test_a_done_action_takes_no_new_co_owners(client_as, people):
    action = _action(people, status="done")
    assert (
        client_as("coproducer")
        .post(reverse("assessment:action_co_own", args=[action.pk]))
        .status_code
        == 403
    )
    assert (
        client_as("lead")
        .post(
            reverse("assessment:action_co_owner_add", args=[action.pk]),
            {"person": people["coproducer"].pk},
        )
        .status_code
        == 403
    )
    page = client_as("coproducer").get(action.get_absolute_url()).content.decode()
    assert "Co-own this action" not in page


def test_comments_are_plain_text_length_limited_and_audited(client_as, people):
    action = _action(people)
    url = reverse("assessment:action_comment", args=[action.pk])
    client = client_as("coproducer")
    response = client.post(url, {"text": "<script>alert(1)</script>\nSecond line"})
    assert response.status_code == 302
    comment = ActionComment.objects.get()
    assert comment.author == people["coproducer"]
    assert comment.history.count() == 1  # the audit entry
    page = client.get(action.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in page
    assert "<script>alert(1)" not in page

    for text, error in (
        ("   ", "Write your comment."),
        ("x" * (ActionComment.LONGEST + 1), "at most 2000 characters"),
    ):
        response = client.post(url, {"text": text})
        assert response.status_code == 200
        body = response.content.decode()
        assert "There is a problem" in body and error in body
    assert ActionComment.objects.count() == 1
    with pytest.raises(ValueError):
        actions.comment_on_action(action=action, text="y" * 2001, author=people["lead"])

    # Staff comment too; the board and visitors may not.
    assert client_as("finance").post(url, {"text": "Noted."}).status_code == 302
    assert client_as("board").post(url, {"text": "Hello"}).status_code == 403
    assert client_as("anonymous").post(url, {"text": "Hello"}).status_code == 302
    assert ActionComment.objects.count() == 2


def test_today_reminds_a_co_owner_of_an_action_due_soon_or_overdue(people):
    person = people["coproducer"]
    soon = _action(people, due_in=5, what="Due soon")
    later = _action(people, due_in=60, what="Due later")
    done = _action(people, due_in=3, status="done", what="Done already")
    not_mine = _action(people, due_in=2, what="Not mine")
    for action in (soon, later, done):
        actions.add_co_owner(action=action, person=person, by=person)
    Action.objects.filter(pk=later.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    sentences = [
        item.sentence
        for _heading, items in items_for(person, timezone.now())
        for item in items
        if item.key.startswith("assessment.co_owned")
    ]
    assert len(sentences) == 2
    assert any("is overdue: Due later" in s for s in sentences)
    assert any(
        s.startswith("An action you co-own is due on") and "Due soon" in s for s in sentences
    )
    assert not any("Not mine" in s or "Done already" in s for s in sentences)
    assert not_mine.pk  # made, and not on the co-producer's Today


def test_the_action_page_costs_the_same_with_2_or_200_comments_and_co_owners(client_as, people):
    action = _action(people)
    for number in range(2):
        actions.comment_on_action(action=action, text=f"Comment {number}", author=people["lead"])
    actions.add_co_owner(action=action, person=people["coproducer"], by=people["staff"])

    def grow():
        authors = [UserFactory(roles=["coproducer"]) for _ in range(20)]
        ActionComment.objects.bulk_create(
            ActionComment(action=action, text=f"More {n}", author=authors[n % 20])
            for n in range(198)
        )
        ActionCoOwner.objects.bulk_create(
            ActionCoOwner(action=action, person=person, added_by=people["staff"])
            for person in authors
        )

    url = action.get_absolute_url()
    pages = {
        role: (_signed_in(people[role]), url) for role in ("coproducer", "lead", "staff", "finance")
    }
    assert_queries_do_not_grow(pages, grow)
    page = pages["coproducer"][0].get(url).content.decode()
    assert "More 197" in page and "Comment 0" in page
    assert ActionComment.objects.filter(action=action).count() == 200


def _signed_in(person):
    client = Client()
    client.force_login(person)
    return client
