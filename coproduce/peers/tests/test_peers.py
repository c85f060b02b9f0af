"""Peer support: asking, offering, pairing, check-ins, kind endings and peer groups,
with the hostile cases (someone else's pairing, a closed pairing, a staff member who was
not invited) and what the lead may see about lived experience."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.peers import actions
from coproduce.peers.models import CheckIn, GroupMember, Pairing, PeerSupportRequest
from coproduce.people import actions as people_actions
from coproduce.privacy.models import ReadLog
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def offer(person, ways=("phone",), lived=False, available=True):
    return actions.save_offer(
        person=person,
        can_offer="Talking things through.",
        ways=list(ways),
        use_lived_experience=lived,
        available=available,
    )


def ask(person, ways=("phone",), lived=False):
    return actions.ask_for_support(
        person=person,
        hoping_for="Help before meetings.",
        ways=list(ways),
        use_lived_experience=lived,
    )


def profile(person, lived=(), interests=()):
    people_actions.save_profile(
        person=person,
        changed_by=person,
        data={"lived_experience": list(lived), "interests": list(interests)},
    )


@pytest.fixture
def supporter():
    person = UserFactory(name="Sunita Supporter", roles=["coproducer"])
    offer(person)
    return person


# ---- asking, offering and pairing --------------------------------------------------


def test_a_co_producer_asks_and_the_lead_pairs_them_and_both_are_told(people, supporter):
    coproducer, lead = people["coproducer"], people["lead"]
    response = client_for(coproducer).post(
        reverse("peers:ask"),
        {"hoping_for": "Someone to talk to", "ways": ["phone", "video"]},
    )
    assert response.status_code == 302
    request = PeerSupportRequest.objects.get(person=coproducer)
    assert request.status == "open" and request.ways == ["phone", "video"]

    page = client_for(lead).get(request.get_absolute_url())
    assert "Sunita Supporter" in page.content.decode()
    response = client_for(lead).post(request.get_absolute_url(), {"supporter": supporter.pk})
    pairing = Pairing.objects.get()
    assert response.status_code == 302 and response["Location"] == pairing.get_absolute_url()
    assert (pairing.person, pairing.supporter, pairing.paired_by) == (coproducer, supporter, lead)
    request.refresh_from_db()
    assert request.status == "paired"
    told = set(Notification.objects.filter(kind="peers.paired").values_list("recipient", flat=True))
    assert told == {coproducer.pk, supporter.pk}
    for person in (coproducer, supporter):
        assert "Sunita Supporter" in client_for(person).get(reverse("peers:home")).content.decode()


def test_the_lead_cannot_pair_someone_who_did_not_offer_or_a_closed_request(people, supporter):
    request = ask(people["coproducer"])
    stranger = UserFactory(roles=["coproducer"])
    response = client_for(people["lead"]).post(
        request.get_absolute_url(), {"supporter": stranger.pk}
    )
    assert response.status_code == 200 and not Pairing.objects.exists()
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(ValidationError):
        actions.pair(request=request, supporter=stranger, by=people["lead"])
    with pytest.raises(ValidationError):
        actions.pair(request=request, supporter=people["coproducer"], by=people["lead"])
    actions.pair(request=request, supporter=supporter, by=people["lead"])
    with pytest.raises(ValidationError):
        actions.pair(request=request, supporter=supporter, by=people["lead"])


def test_a_paused_offer_is_not_suggested(people, supporter):
    offer(supporter, available=False)
    request = ask(people["coproducer"])
    page = client_for(people["lead"]).get(request.get_absolute_url()).content.decode()
    assert "Sunita Supporter" not in page and "Nobody has offered" in page


def test_asking_again_changes_the_open_request_and_it_can_be_withdrawn(people):
    ask(people["coproducer"], ways=["phone"])
    ask(people["coproducer"], ways=["email"])
    (request,) = PeerSupportRequest.objects.all()
    assert request.ways == ["email"]
    client_for(people["coproducer"]).post(reverse("peers:ask"), {"withdraw": "1"})
    request.refresh_from_db()
    assert request.status == "withdrawn"
    with pytest.raises(ValidationError):
        actions.withdraw_request(request=request, by=people["coproducer"])


def test_bad_input_is_explained_next_to_the_field(people):
    response = client_for(people["coproducer"]).post(reverse("peers:ask"), {"hoping_for": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and 'href="#id_hoping_for"' in page
    assert not PeerSupportRequest.objects.exists()


# ---- what the lead sees when matching ----------------------------------------------


def test_matching_shows_shared_interests_and_ways(people, supporter):
    profile(people["coproducer"], interests=["housing", "transport"])
    profile(supporter, interests=["transport"])
    request = ask(people["coproducer"], ways=["phone", "video"])
    page = client_for(people["lead"]).get(request.get_absolute_url()).content.decode()
    assert "Shared interests: Transport." in page
    assert "Ways they can both meet: On the phone." in page


def test_lived_experience_is_compared_only_when_both_agreed_and_never_named(people, supporter):
    profile(people["coproducer"], lived=["deaf"])
    profile(supporter, lived=["deaf"])
    request = ask(people["coproducer"], lived=True)
    lead = client_for(people["lead"])
    page = lead.get(request.get_absolute_url()).content.decode()
    assert "Lived experience: not compared." in page  # the supporter did not agree
    assert not ReadLog.objects.filter(what=ReadLog.What.LIVED_EXPERIENCE).exists()

    offer(supporter, lived=True)
    page = lead.get(request.get_absolute_url()).content.decode()
    assert "They share lived experience." in page
    assert "Deaf" not in page  # whether, never which
    logged = set(
        ReadLog.objects.filter(
            what=ReadLog.What.LIVED_EXPERIENCE, viewer=people["lead"]
        ).values_list("subject", flat=True)
    )
    assert logged == {people["coproducer"].pk, supporter.pk}


def test_the_matching_page_never_shows_access_passport_text(people, supporter):
    people_actions.save_passport(
        person=supporter,
        changed_by=supporter,
        requirements=["bsl"],
        own_words="My own words about my access",
        dietary="",
        other_arrangements="",
        sharing="full",
    )
    request = ask(people["coproducer"])
    page = client_for(people["lead"]).get(request.get_absolute_url()).content.decode()
    assert "My own words" not in page and "BSL interpreter" not in page
    assert not ReadLog.objects.filter(what__startswith="access").exists()


# ---- check-ins and kind endings ----------------------------------------------------


@pytest.fixture
def pairing(people, supporter):
    return actions.pair(request=ask(people["coproducer"]), supporter=supporter, by=people["lead"])


def test_the_pair_and_the_lead_record_check_ins_that_nobody_else_reads(people, pairing):
    url = pairing.get_absolute_url()
    today = timezone.localdate()
    response = client_for(pairing.supporter).post(
        url, {"held_on": today.isoformat(), "how_it_went": "well", "note": "Good chat"}
    )
    assert response.status_code == 302
    check_in = CheckIn.objects.get()
    assert (check_in.recorded_by, check_in.note) == (pairing.supporter, "Good chat")
    assert "Good chat" in client_for(people["lead"]).get(url).content.decode()
    outsider = UserFactory(roles=["coproducer"])
    assert client_for(outsider).get(url).status_code == 403
    assert client_for(outsider).post(url, {"how_it_went": "hard"}).status_code == 403
    assert client_for(people["staff"]).get(url).status_code == 403
    future = client_for(pairing.person).post(
        url, {"held_on": (today + timedelta(days=3)).isoformat(), "how_it_went": "ok"}
    )
    assert "must be today or earlier" in future.content.decode()
    assert CheckIn.objects.count() == 1


def test_either_person_ends_it_kindly_and_the_other_is_told(people, pairing):
    end = reverse("peers:pairing_end", args=[pairing.pk])
    response = client_for(pairing.person).post(end, {"closing_note": "Thank you so much"})
    assert response.status_code == 302
    pairing.refresh_from_db()
    assert not pairing.active and pairing.ended_by == pairing.person
    (told,) = Notification.objects.filter(kind="peers.pairing_ended")
    assert told.recipient == pairing.supporter
    assert "that is fine" in told.body and "fault" not in told.body.lower()
    page = client_for(pairing.supporter).get(pairing.get_absolute_url()).content.decode()
    assert "Thank you so much" in page and "Add a check-in" not in page
    # A closed pairing takes no more check-ins and cannot end twice.
    with pytest.raises(ValidationError):
        actions.record_check_in(
            pairing=pairing,
            held_on=timezone.localdate(),
            how_it_went="ok",
            note="",
            by=pairing.person,
        )
    with pytest.raises(ValidationError):
        actions.end_pairing(pairing=pairing, by=people["lead"], closing_note="Again")


def test_the_lead_can_end_a_pairing_and_both_are_told(people, pairing):
    actions.end_pairing(pairing=pairing, by=people["lead"], closing_note="Thank you both")
    told = set(
        Notification.objects.filter(kind="peers.pairing_ended").values_list("recipient", flat=True)
    )
    assert told == {pairing.person.pk, pairing.supporter.pk}


# ---- Today -------------------------------------------------------------------------


def test_today_tells_the_lead_who_is_waiting_and_the_supporter_a_check_in_is_due(people, supporter):
    ask(UserFactory(roles=["coproducer"]))
    assert (
        "1 person is waiting for a peer supporter"
        in client_for(people["lead"]).get(reverse("accounts:home")).content.decode()
    )
    pairing = actions.pair(
        request=ask(people["coproducer"]), supporter=supporter, by=people["lead"]
    )
    home = client_for(supporter)
    assert "Check in with" not in home.get(reverse("accounts:home")).content.decode()
    Pairing.objects.filter(pk=pairing.pk).update(started_at=timezone.now() - timedelta(days=40))
    assert (
        "Check in with the person you support"
        in home.get(reverse("accounts:home")).content.decode()
    )
    actions.record_check_in(
        pairing=pairing, held_on=timezone.localdate(), how_it_went="ok", note="", by=supporter
    )
    assert "Check in with" not in home.get(reverse("accounts:home")).content.decode()


# ---- peer groups -------------------------------------------------------------------


@pytest.fixture
def group(people):
    return actions.start_group(
        name="Lived experience panel", purpose="Peers", by=people["coproducer"]
    )


def test_staff_see_a_group_only_when_a_member_invites_them(people, group):
    url = group.get_absolute_url()
    for role in ("lead", "staff", "administrator", "finance", "board"):
        assert client_for(people[role]).get(url).status_code == 403, role
    member = client_for(people["coproducer"])
    response = member.post(
        reverse("peers:group_members", args=[group.pk]), {"person": people["staff"].pk}
    )
    assert response.status_code == 302
    guest = GroupMember.objects.get(person=people["staff"])
    assert guest.is_staff_guest and guest.invited_by == people["coproducer"]
    assert client_for(people["staff"]).get(url).status_code == 200
    assert client_for(people["lead"]).get(url).status_code == 403
    # An invited guest may not add anyone.
    staff = client_for(people["staff"])
    add = staff.post(reverse("peers:group_members", args=[group.pk]), {"person": people["lead"].pk})
    assert add.status_code == 403
    with pytest.raises(ValidationError):
        actions.add_member(group=group, person=people["lead"], by=people["staff"])


def test_notices_are_for_members_only(people, group):
    url = group.get_absolute_url()
    client_for(people["coproducer"]).post(url, {"title": "Next meeting", "body": "Tuesday"})
    assert "Tuesday" in client_for(people["coproducer"]).get(url).content.decode()
    outsider = UserFactory(roles=["coproducer"])
    assert client_for(outsider).post(url, {"title": "Hi", "body": "Sneaky"}).status_code == 403
    assert group.notices.count() == 1
    assert (
        "Lived experience panel"
        not in client_for(outsider).get(reverse("peers:group_list")).content.decode()
    )


def test_a_member_adds_a_meeting_they_are_invited_to_and_no_other(people, group):
    from coproduce.meetings.models import Invitation, Meeting

    def meeting(title):
        return Meeting.objects.create(
            title=title,
            kind="online",
            starts_at=timezone.now() + timedelta(days=3),
            duration_minutes=60,
            organiser=people["lead"],
        )

    mine, other = meeting("Panel get-together"), meeting("Board meeting")
    Invitation.objects.create(meeting=mine, person=people["coproducer"])
    members = reverse("peers:group_members", args=[group.pk])
    client = client_for(people["coproducer"])
    assert client.post(members, {"meeting": mine.pk}).status_code == 302
    bad = client.post(members, {"meeting": other.pk})
    assert bad.status_code == 200 and "Choose one of the options shown" in bad.content.decode()
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Panel get-together" in page and "Board meeting" not in page


def test_a_member_can_leave(people, group):
    client_for(people["coproducer"]).post(reverse("peers:group_leave", args=[group.pk]))
    assert not group.members.exists()
    assert client_for(people["coproducer"]).get(group.get_absolute_url()).status_code == 403


# ---- queries do not grow -----------------------------------------------------------


def test_the_pages_cost_the_same_with_2_or_200_members_notices_and_people(people, group):
    lead, coproducer = people["lead"], people["coproducer"]
    supporter = UserFactory(roles=["coproducer"])
    offer(supporter, lived=True)
    request = ask(UserFactory(roles=["coproducer"]), lived=True)
    pairing = actions.pair(request=ask(coproducer), supporter=supporter, by=lead)
    actions.add_member(group=group, person=supporter, by=coproducer)
    actions.post_notice(group=group, author=coproducer, title="One", body="First")

    def grow():
        for number in range(200):
            person = UserFactory(roles=["coproducer"])
            profile(person, lived=["deaf"], interests=["housing"])
            offer(person, lived=True)
            GroupMember.objects.create(group=group, person=person)
            actions.post_notice(group=group, author=person, title=f"Notice {number}", body="Hi")
            actions.record_check_in(
                pairing=pairing,
                held_on=timezone.localdate(),
                how_it_went="ok",
                note="",
                by=supporter,
            )
            ask(person)

    assert_queries_do_not_grow(
        {
            "group": (client_for(coproducer), group.get_absolute_url()),
            "members": (client_for(coproducer), reverse("peers:group_members", args=[group.pk])),
            "groups": (client_for(coproducer), reverse("peers:group_list")),
            "home as lead": (client_for(lead), reverse("peers:home")),
            "home": (client_for(coproducer), reverse("peers:home")),
            "matching": (client_for(lead), request.get_absolute_url()),
            "pairing": (client_for(coproducer), pairing.get_absolute_url()),
        },
        grow,
    )
