"""Decisions with positions (issue 16, decision 0033): a proposal linked to a meeting,
each member's position (on the web, in the meeting, or by staff for them with a reason),
the outcome rule, who was there from the meeting's attendance, closing by the lead or at
the closing date, and a closed decision that nothing rewrites."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.notifications.models import Notification
from coproduce.projects import actions, today
from coproduce.projects.models import Decision, Position, TeamMember
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db
A, D, B, X = (Position.Stance.AGREE, Position.Stance.DISAGREE, Position.Stance.BLOCK,
              Position.Stance.ABSTAIN)  # fmt: skip


@pytest.mark.parametrize(
    ("stances", "outcome"),
    [
        ([A, A, D], "agreed"),
        ([A, D], "not_agreed"),  # a tie is not agreement
        ([A, A, A, B], "blocked"),  # one block stops it
        ([X, X], "not_agreed"),  # nobody agreed
        ([A, X, X], "agreed"),  # abstaining counts for neither side
        ([], "not_agreed"),
    ],
)
def test_the_outcome_rule(stances, outcome):
    assert actions.outcome_of(stances) == outcome


@pytest.fixture
def second(db):
    return UserFactory(email="sam@example.org", name="Sam Second", roles=["coproducer"])


@pytest.fixture
def project(people, second):
    return make_project(lead=people["staff"], coproducers=[people["coproducer"], second])


@pytest.fixture
def meeting(people, project, second):
    held = make_meeting(organiser=people["staff"], project=project, days=-1)
    meeting_actions.record_attendance(
        meeting=held,
        minutes_by_person={people["coproducer"]: 90, second: 90, people["staff"]: 90},
        recorded_by=people["staff"],
    )
    return held


def open_one(people, project, meeting=None, closes_in=7):
    return actions.open_decision(
        project=project,
        opened_by=people["staff"],
        what="Move meetings to Tuesday afternoons.",
        why="Mornings are hard for people who need support to get ready.",
        closes_on=timezone.localdate() + timedelta(days=closes_in),
        meeting=meeting,
    )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_opening_tells_every_current_member_on_their_channel(people, project, second):
    decision = open_one(people, project)
    told = set(
        Notification.objects.filter(kind="projects.decision").values_list("recipient", flat=True)
    )
    assert told == {people["staff"].pk, people["coproducer"].pk, second.pk}
    assert decision.status == Decision.Status.OPEN


def test_a_member_gives_and_changes_their_position_on_the_web(people, project):
    decision = open_one(people, project)
    url = reverse("projects:decision_position", args=[project.pk, decision.pk])
    client = signed_in(people["coproducer"])
    client.post(url, {"stance": "disagree", "reason": "Afternoons clash with my PA's hours."})
    client.post(url, {"stance": "agree", "reason": ""})
    position = Position.objects.get(decision=decision)
    assert (position.person, position.stance, position.way) == (people["coproducer"], A, "web")


def test_a_non_member_cannot_record_a_position(people, project):
    decision = open_one(people, project)
    url = reverse("projects:decision_position", args=[project.pk, decision.pk])
    outsider = UserFactory(email="out@example.org", roles=["coproducer"])
    assert signed_in(outsider).post(url, {"stance": "block"}).status_code == 403
    # Nor through the lead recording it for them, nor the action itself.
    response = signed_in(people["staff"]).post(
        reverse("projects:decision_on_behalf", args=[project.pk, decision.pk]),
        {"person": outsider.pk, "stance": "block", "on_behalf_reason": "by phone"},
    )
    assert "person" in response.context["form"].errors
    with pytest.raises(actions.NotOnTeam):
        actions.record_position(
            decision=decision, person=outsider, stance=B, recorded_by=people["staff"]
        )
    assert not Position.objects.exists()


def test_someone_who_left_the_team_cannot_record_a_position(people, project):
    decision = open_one(people, project)
    actions.end_team_membership(member=project.team.get(person=people["coproducer"]))
    TeamMember.objects.filter(person=people["coproducer"]).update(
        left_on=timezone.localdate() - timedelta(days=1)
    )
    url = reverse("projects:decision_position", args=[project.pk, decision.pk])
    assert signed_in(people["coproducer"]).post(url, {"stance": "agree"}).status_code == 403


def test_staff_on_behalf_must_give_a_reason_and_the_record_says_so(people, project, second):
    decision = open_one(people, project)
    url = reverse("projects:decision_on_behalf", args=[project.pk, decision.pk])
    client = signed_in(people["staff"])
    response = client.post(url, {"person": second.pk, "stance": "agree"})
    assert "on_behalf_reason" in response.context["form"].errors
    assert not Position.objects.exists()
    client.post(url, {"person": second.pk, "stance": "agree", "on_behalf_reason": "by phone"})
    page = client.get(decision.get_absolute_url()).content.decode()
    assert f"Recorded by {people['staff']} for {second}: by phone" in page
    # Nor can a co-producer record for someone else.
    hostile = signed_in(people["coproducer"]).post(
        url, {"person": second.pk, "stance": "block", "on_behalf_reason": "I say so"}
    )
    assert hostile.status_code == 403
    assert Position.objects.get().stance == A


def test_the_organiser_records_positions_for_those_the_attendance_says_were_there(
    people, project, second, meeting
):
    decision = open_one(people, project, meeting=meeting)
    url = reverse("projects:decision_meeting_positions", args=[project.pk, decision.pk])
    client = signed_in(people["staff"])
    page = client.get(url).content.decode()
    assert str(second) in page and str(people["coproducer"]) in page
    client.post(
        url,
        {
            f"stance_{people['coproducer'].pk}": "agree",
            f"stance_{second.pk}": "disagree",
            f"reason_{second.pk}": "Buses are fewer in the afternoon.",
            f"stance_{people['staff'].pk}": "",
        },
    )
    ways = dict(Position.objects.values_list("person__email", "way"))
    assert ways == {people["coproducer"].email: "meeting", second.email: "meeting"}
    # Someone not in the attendance cannot be recorded as giving a position there.
    absent = meeting_actions.record_attendance(
        meeting=meeting, minutes_by_person={second: None}, recorded_by=people["staff"]
    )
    assert absent is not None
    with pytest.raises(actions.NotOnTeam):
        actions.record_meeting_positions(
            decision=decision, recorded_by=people["staff"], stances={second: (B, "")}
        )


def test_closing_early_records_outcome_who_was_there_and_tells_the_team(
    people, project, second, meeting
):
    decision = open_one(people, project, meeting=meeting)
    for person, stance in [(people["coproducer"], A), (second, A), (people["staff"], D)]:
        actions.record_position(decision=decision, person=person, stance=stance, recorded_by=person)
    client = signed_in(people["staff"])
    client.post(reverse("projects:decision_close", args=[project.pk, decision.pk]))
    decision.refresh_from_db()
    assert decision.status == Decision.Status.RECORDED
    assert decision.outcome == Decision.Outcome.AGREED
    assert decision.agreement == Decision.Agreement.AGREED  # both co-producers agreed
    assert decision.closed_at is not None
    assert set(decision.present.all()) == {people["coproducer"], second, people["staff"]}
    assert Notification.objects.filter(key=f"projects.decision_closed:{decision.pk}").count() == 3
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Outcome: <strong>Agreed</strong>" in page
    assert "2 agree, 0 abstain, 1 disagree, 0 block" in page


def test_a_closed_decision_refuses_every_change(people, project, second, meeting):
    decision = open_one(people, project, meeting=meeting)
    actions.record_position(
        decision=decision, person=second, stance=A, reason="Yes", recorded_by=second
    )
    actions.close_decision(decision=decision)
    before = list(Position.objects.values())
    closed = Decision.objects.values().get(pk=decision.pk)
    lead, member = signed_in(people["staff"]), signed_in(people["coproducer"])
    args = [project.pk, decision.pk]
    attempts = [
        (member, "projects:decision_position", {"stance": "block", "reason": "Too late"}),
        (lead, "projects:decision_position", {"stance": "block"}),
        (
            lead,
            "projects:decision_on_behalf",
            {"person": second.pk, "stance": "block", "on_behalf_reason": "by phone"},
        ),
        (lead, "projects:decision_meeting_positions", {f"stance_{second.pk}": "block"}),
        (lead, "projects:decision_close", {}),
        (
            lead,
            "projects:decision_confirm",
            {"what": "New words", "why": "x", "closes_on": "2099-01-01"},
        ),
    ]
    for client, name, data in attempts:
        response = client.post(reverse(name, args=args), data)
        assert response.status_code in (302, 404), name
    assert list(Position.objects.values()) == before
    assert Decision.objects.values().get(pk=decision.pk) == closed
    with pytest.raises(actions.DecisionClosed):
        actions.record_position(decision=decision, person=second, stance=B, recorded_by=second)
    with pytest.raises(actions.DecisionClosed):
        actions.close_decision(decision=decision)


def test_the_scheduled_job_closes_decisions_after_their_closing_date(people, project):
    due = open_one(people, project, closes_in=0)
    later = open_one(people, project, closes_in=3)
    assert actions.close_due_decisions(today=timezone.localdate()) == 0  # closes after the day
    assert actions.close_due_decisions(today=timezone.localdate() + timedelta(days=1)) == 1
    due.refresh_from_db(), later.refresh_from_db()
    assert due.status == Decision.Status.RECORDED and later.status == Decision.Status.OPEN
    assert due.outcome == Decision.Outcome.NOT_AGREED  # nobody gave a position
    assert actions.close_due_decisions(today=timezone.localdate() + timedelta(days=1)) == 0


def test_today_asks_members_without_a_position_at_a_constant_cost(people, project, second):
    now = timezone.now()
    decision = open_one(people, project)
    items = list(today.positions_asked(people["coproducer"], now))
    assert [item.key for item in items] == [f"projects.position:{decision.pk}"]
    assert items[0].action_url == decision.get_absolute_url()
    actions.record_position(
        decision=decision, person=people["coproducer"], stance=A, recorded_by=people["coproducer"]
    )
    assert list(today.positions_asked(people["coproducer"], now)) == []
    outsider = UserFactory(email="out@example.org", roles=["coproducer"])
    assert list(today.positions_asked(outsider, now)) == []

    def cost():
        # A fresh person each time: Today keeps the counts it read on the person object.
        person = type(second).objects.get(pk=second.pk)
        person.has_role("coproducer")  # roles are read once per page, before Today
        with CaptureQueriesContext(connection) as queries:
            asked = list(today.positions_asked(person, now))
        assert asked
        return len(queries)

    open_one(people, make_project(lead=people["staff"], coproducers=[second], title="First"))
    few = cost()
    for n in range(20):
        other = make_project(lead=people["staff"], coproducers=[second], title=f"P{n}")
        open_one(people, other)
    assert cost() == few


def decision_with_positions(people, project, size):
    decision = open_one(people, project)
    members = UserFactory.create_batch(size, roles=["coproducer"])
    TeamMember.objects.bulk_create(
        TeamMember(project=project, person=person, kind="coproducer", role="Member")
        for person in members
    )
    Position.objects.bulk_create(
        Position(
            decision=decision,
            person=person,
            stance=Position.Stance.values[n % 4],
            reason="Because",
            way=Position.Way.ON_BEHALF if n % 3 else Position.Way.WEB,
            on_behalf_reason="by phone",
            recorded_by=people["staff"],
        )
        for n, person in enumerate(members)
    )
    return decision


@pytest.mark.parametrize("closed", [False, True])
def test_the_decision_page_costs_the_same_for_2_or_200_positions(people, closed):
    counts = []
    for size in (2, 200):
        project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
        meeting = make_meeting(organiser=people["staff"], project=project, days=-1)
        decision = decision_with_positions(people, project, size)
        decision.meeting = meeting
        decision.save(update_fields=["meeting"])
        meeting_actions.record_attendance(
            meeting=meeting,
            minutes_by_person={p.person: 60 for p in decision.positions.select_related("person")},
            recorded_by=people["staff"],
        )
        if closed:
            actions.close_decision(decision=decision)
        client = signed_in(people["coproducer"])
        url = decision.get_absolute_url()
        client.get(url)  # the session settles on the first visit
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], f"Queries grew with the positions (2, 200): {counts}"


def test_old_decisions_stay_readable(people, project):
    """A decision logged before positions keeps its group-level answer on its page."""
    old = actions.record_decision(
        project=project,
        recorded_by=people["staff"],
        present=[people["coproducer"]],
        what="Meet in the library.",
        why="It has a lift.",
        decided_on=date(2025, 3, 1),
        agreement=Decision.Agreement.PARTLY,
    )
    page = signed_in(people["coproducer"]).get(old.get_absolute_url()).content.decode()
    assert "Some co-producers agreed" in page and "Meet in the library." in page
    assert "No positions yet." in page and str(people["coproducer"]) in page


def test_the_demo_has_an_open_and_a_closed_decision_with_positions(settings):
    from io import StringIO

    from django.core.management import call_command

    from coproduce.accounts.models import User

    settings.COPRODUCE_DEMO = True
    call_command("demo", "--migrate", stdout=StringIO())
    demo = User.objects.get(email="coproducer@example.org")
    asked = list(today.positions_asked(demo, timezone.now()))
    assert [item.sentence for item in asked if "needs your position" in item.sentence]
    opened = Decision.objects.get(status=Decision.Status.OPEN)
    assert opened.positions.filter(way=Position.Way.ON_BEHALF, on_behalf_reason="by phone")
    closed = Decision.objects.exclude(meeting=None).get(status=Decision.Status.RECORDED)
    assert closed.outcome and closed.positions.filter(way=Position.Way.MEETING).exists()
    assert set(closed.present.values_list("pk", flat=True)) == set(
        closed.meeting.attendance.values_list("person_id", flat=True)
    )


@pytest.mark.django_db(transaction=True)
def test_the_project_page_shows_a_position_on_the_next_visit(people, project, second):
    """The project page keeps its latest decisions between visits (changes.kept): a
    position taken shows at once, in whichever language the reader reads."""
    open_one(people, project)
    client = signed_in(people["staff"])
    assert "0 agree, 0 abstain" in client.get(project.get_absolute_url()).content.decode()
    decision = Decision.objects.get(project=project)
    actions.record_position(decision=decision, person=second, stance=A, recorded_by=second)
    assert "1 agree, 0 abstain" in client.get(project.get_absolute_url()).content.decode()
    client.cookies["django_language"] = "cy"
    welsh = client.get(project.get_absolute_url()).content.decode()
    assert "1 agree" not in welsh
