"""A supporter replies to invitations for the person who let them: the person is told and
sees it in their history; a supporter coming too takes a place and is on the checklist;
a withdrawal ends it at once."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions
from coproduce.meetings.models import Invitation
from coproduce.meetings.tests.factories import make_meeting
from coproduce.notifications.models import Notification
from coproduce.people import actions as people_actions
from coproduce.people.models import ActionBySupporter
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

BOTH = ["reply_to_invitations", "see_meetings_and_papers"]


@pytest.fixture
def setting(people):
    person = people["coproducer"]
    robin = UserFactory(email="robin.pa@example.org", name="Robin PA", roles=["coproducer"])
    meeting = make_meeting(organiser=people["staff"], title="Transport forum")
    (invitation,) = actions.invite(meeting=meeting, people=[person], invited_by=people["staff"])
    authority = people_actions.grant_authority(person=person, email=robin.email, powers=BOTH)
    return person, robin, meeting, invitation, authority


def reply_url(authority, invitation):
    return reverse("meetings:reply_for", args=[authority.pk, invitation.pk])


def test_a_supporter_replies_for_the_person_who_is_told_and_sees_it_in_their_history(
    client, setting
):
    person, robin, meeting, invitation, authority = setting
    client.force_login(robin)
    page = client.get(reverse("meetings:acting_for", args=[authority.pk])).content.decode()
    assert "Transport forum" in page
    response = client.post(reply_url(authority, invitation), {"reply": "yes"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.YES
    assert invitation.recorded_by == robin
    assert invitation.supporter_coming is None
    done = ActionBySupporter.objects.get()
    assert (done.person, done.acted_by) == (person, robin)
    told = Notification.objects.get(recipient=person, kind="people.supporter_acted")
    assert "Robin PA replied for you" in told.subject
    assert not Notification.objects.filter(recipient=robin, kind="people.supporter_acted")
    client.force_login(person)
    history = client.get(reverse("people:my_history")).content.decode()
    assert "Replied to the invitation to Transport forum: Coming" in history
    assert "Robin PA (as a supporter)" in history


def test_withdrawal_ends_the_supporters_access_at_once(client, setting):
    person, robin, meeting, invitation, authority = setting
    client.force_login(robin)
    assert client.get(reverse("meetings:acting_for", args=[authority.pk])).status_code == 200
    people_actions.withdraw_authority(person=person, authority_pk=authority.pk)
    assert client.get(reverse("meetings:acting_for", args=[authority.pk])).status_code == 403
    response = client.post(reply_url(authority, invitation), {"reply": "no"})
    assert response.status_code == 403
    # A reply already on its way with the authority read before the withdrawal is refused too.
    with pytest.raises(PermissionDenied):
        actions.reply_as_supporter(
            authority=authority, invitation=invitation, answer="no", coming_too=False
        )
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.NONE
    assert not ActionBySupporter.objects.exists()


def test_a_supporter_who_may_only_see_meetings_cannot_reply(client, setting):
    person, robin, meeting, invitation, authority = setting
    see_only = people_actions.grant_authority(
        person=person, email=robin.email, powers=["see_meetings_and_papers"]
    )
    client.force_login(robin)
    page = client.get(reverse("meetings:acting_for", args=[see_only.pk])).content.decode()
    assert "Transport forum" in page and "Reply for them" not in page
    assert client.post(reply_url(see_only, invitation), {"reply": "yes"}).status_code == 403
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.NONE


def test_another_persons_invitation_or_authority_is_refused(client, setting, people):
    person, robin, meeting, invitation, authority = setting
    (stranger_invitation,) = actions.invite(
        meeting=meeting, people=[people["coproducer_staff"]], invited_by=people["staff"]
    )
    client.force_login(robin)
    assert (
        client.post(reply_url(authority, stranger_invitation), {"reply": "no"}).status_code == 404
    )
    with pytest.raises(PermissionDenied):
        actions.reply_as_supporter(
            authority=authority, invitation=stranger_invitation, answer="no", coming_too=False
        )
    # Someone who is not the supporter named cannot use the authority, whatever their role.
    for role in ("lead", "staff", "administrator", "coproducer_staff"):
        client.force_login(people[role])
        assert client.post(reply_url(authority, invitation), {"reply": "no"}).status_code == 403
    stranger_invitation.refresh_from_db()
    invitation.refresh_from_db()
    assert stranger_invitation.reply == invitation.reply == Invitation.Reply.NONE


def test_a_supporter_coming_too_takes_a_place_and_is_on_the_checklist(client, setting, people):
    person, robin, meeting, invitation, authority = setting
    meeting.capacity = 3
    meeting.save()
    client.force_login(robin)
    client.post(reply_url(authority, invitation), {"reply": "yes", "coming_too": "on"})
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.YES and invitation.supporter_coming == robin
    assert meeting.invitations.places_taken() == 2
    assert "with their supporter coming too" in ActionBySupporter.objects.get().what
    # Two more people say yes: only one place is left, so the second waits.
    first, second = actions.invite(
        meeting=meeting,
        people=[people["coproducer_staff"], UserFactory(name="Zed Last")],
        invited_by=people["staff"],
    )
    assert actions.reply(invitation=first, answer="yes").reply == Invitation.Reply.YES
    assert actions.reply(invitation=second, answer="yes").reply == Invitation.Reply.WAITING
    client.force_login(people["staff"])
    client.post(reverse("meetings:checklist_update", args=[meeting.pk]))
    page = client.get(reverse("meetings:checklist", args=[meeting.pk])).content.decode()
    assert f"Robin PA, supporter of {person.name}" in page
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert "3 (3 taken)" in detail
    # The supporter no longer coming frees their place for the person waiting longest.
    client.force_login(robin)
    client.post(reply_url(authority, invitation), {"reply": "yes"})
    second.refresh_from_db()
    assert second.reply == Invitation.Reply.YES
    invitation.refresh_from_db()
    assert invitation.supporter_coming is None and invitation.reply == Invitation.Reply.YES


def test_no_room_for_a_supporter_keeps_the_persons_own_place(setting, people):
    person, robin, meeting, invitation, authority = setting
    meeting.capacity = 1
    meeting.save()
    actions.reply(invitation=invitation, answer="yes")
    with pytest.raises(ValidationError, match="no place left for a supporter"):
        actions.reply_as_supporter(
            authority=authority, invitation=invitation, answer="yes", coming_too=True
        )
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.YES and invitation.supporter_coming is None


def test_two_places_freed_go_to_someone_waiting_with_a_supporter(setting, people):
    person, robin, meeting, invitation, authority = setting
    meeting.capacity = 2
    meeting.save()
    (other,) = actions.invite(
        meeting=meeting, people=[people["coproducer_staff"]], invited_by=people["staff"]
    )
    actions.reply(invitation=other, answer="yes")
    waiting = actions.reply_as_supporter(
        authority=authority, invitation=invitation, answer="yes", coming_too=True
    )
    assert waiting.reply == Invitation.Reply.WAITING and waiting.supporter_coming == robin
    # The person's own later reply keeps their supporter with them.
    actions.reply(invitation=invitation, answer="yes")
    invitation.refresh_from_db()
    assert invitation.supporter_coming == robin
    actions.reply(invitation=other, answer="cancelled")
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.YES
    assert meeting.invitations.places_taken() == 2


def test_supporter_pages_never_show_the_persons_passport_or_equality_answers(client, setting):
    from coproduce.people.tests.samples import fill_in_person
    from coproduce.privacy.models import ReadLog

    person, robin, meeting, invitation, authority = setting
    fill_in_person(person, staff=UserFactory(roles=["staff"]))
    reads = ReadLog.objects.count()
    client.force_login(robin)
    pages = [
        client.get(reverse("meetings:acting_for", args=[authority.pk])),
        client.get(reply_url(authority, invitation)),
        client.post(reply_url(authority, invitation), {"reply": "yes"}, follow=True),
    ]
    for response in pages:
        assert response.status_code == 200
        text = response.content.decode()
        for secret in ("I am Deaf and BSL", "Vegetarian", "Bisexual", "35 to 44", "Long Covid"):
            assert secret not in text
    assert ReadLog.objects.count() == reads


def test_the_acting_for_page_costs_the_same_for_one_meeting_or_many(client, setting, people):
    person, robin, meeting, invitation, authority = setting
    client.force_login(robin)

    def grow():
        for n in range(6):
            more = make_meeting(organiser=people["staff"], title=f"Meeting {n}", days=n + 2)
            actions.invite(meeting=more, people=[person], invited_by=people["staff"])

    assert_queries_do_not_grow(
        {
            "acting for": (client, reverse("meetings:acting_for", args=[authority.pk])),
            "reply for": (client, reply_url(authority, invitation)),
        },
        grow,
    )


def _supporter_items(robin):
    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.meetings import today

    fresh = User.objects.get(pk=robin.pk)  # Today keeps the counts it read on the person
    return list(today.replies_for_people_you_support(fresh, timezone.now()))


def test_today_tells_a_supporter_who_is_waiting_for_a_reply_until_it_is_withdrawn(setting):
    person, robin, meeting, invitation, authority = setting
    (item,) = _supporter_items(robin)
    assert item.action_url == reverse("meetings:acting_for", args=[authority.pk])
    assert str(person) in item.sentence and "1 invitation " in item.sentence
    stranger = UserFactory(email="stranger@example.org", roles=["coproducer"])
    assert _supporter_items(stranger) == []
    people_actions.withdraw_authority(person=person, authority_pk=authority.pk)
    assert _supporter_items(robin) == []


def test_today_leaves_out_a_supporter_who_may_only_see_meetings(people):
    person = people["coproducer"]
    robin = UserFactory(email="robin.see@example.org", name="Robin See", roles=["coproducer"])
    meeting = make_meeting(organiser=people["staff"], title="Forum")
    actions.invite(meeting=meeting, people=[person], invited_by=people["staff"])
    people_actions.grant_authority(
        person=person, email=robin.email, powers=["see_meetings_and_papers"]
    )
    assert _supporter_items(robin) == []
