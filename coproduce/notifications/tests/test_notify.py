import pytest
from django.core import mail

from coproduce.accounts.models import User
from coproduce.notifications import actions
from coproduce.notifications.models import Channel, Delivery, Notification, Preference
from coproduce.people.models import Profile, SupportPerson

pytestmark = pytest.mark.django_db


def person(email="sam@example.org", contact=(), **profile):
    user = User.objects.create_user(email=email, password="x" * 12, name="Sam")
    Profile.objects.create(user=user, contact_methods=list(contact), **profile)
    return user


def tell(user, kind="meetings.invitation", **extra):
    return actions.notify(
        user,
        kind,
        subject="Invitation: Planning group",
        body="You are invited to the planning group.",
        url="/notifications/",
        **extra,
    )


def test_notify_stores_and_emails_once_committed(django_capture_on_commit_callbacks):
    sam = person()
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(sam)
    assert Notification.objects.get() == notification
    assert notification.read_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam@example.org"]
    assert "You are invited to the planning group." in mail.outbox[0].body
    assert "/notifications/" in mail.outbox[0].body
    delivery = Delivery.objects.get()
    assert (delivery.channel, delivery.status, delivery.attempts) == ("email", "sent", 1)
    assert delivery.sent_at is not None


def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    sam = person()
    with django_capture_on_commit_callbacks() as callbacks:
        tell(sam)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_the_same_key_tells_a_person_once(django_capture_on_commit_callbacks):
    sam = person()
    with django_capture_on_commit_callbacks(execute=True):
        first = tell(sam, key="meetings.invitation:1")
        again = tell(sam, key="meetings.invitation:1")
    assert first is not None and again is None
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    # Another person may get the same key.
    with django_capture_on_commit_callbacks(execute=True):
        assert tell(person("alex@example.org"), key="meetings.invitation:1") is not None


def test_sending_again_never_sends_twice(django_capture_on_commit_callbacks):
    sam = person()
    with django_capture_on_commit_callbacks(execute=True):
        tell(sam)
    delivery = Delivery.objects.get()
    assert actions.send_delivery(delivery.pk) is None
    assert actions.send_due() == 0
    assert len(mail.outbox) == 1


def test_an_unknown_kind_is_refused():
    with pytest.raises(KeyError):
        tell(person(), kind="meetings.no_such_kind")


@pytest.mark.parametrize(
    ("contact", "channel"),
    [
        ((), "email"),
        (("phone", "email"), "email"),
        (("text", "post"), "text"),
        (("post",), "letter"),
        (("phone",), "phone"),
    ],
)
def test_the_default_channel_follows_the_profile(contact, channel):
    assert actions.channel_for(person(contact=contact), "meetings.invitation") == channel


def test_a_choice_for_a_kind_beats_the_default():
    sam = person()
    Preference.objects.create(user=sam, kind="meetings.reminder", channel=Channel.INAPP)
    assert actions.channel_for(sam, "meetings.reminder") == "inapp"
    assert actions.channel_for(sam, "meetings.invitation") == "email"


def test_in_app_only_sends_no_email(django_capture_on_commit_callbacks):
    sam = person()
    Preference.objects.create(user=sam, kind="meetings.invitation", channel=Channel.INAPP)
    with django_capture_on_commit_callbacks(execute=True):
        tell(sam)
    assert mail.outbox == []
    assert Delivery.objects.get().status == "sent"


def test_a_channel_without_a_sender_becomes_a_staff_task(
    django_capture_on_commit_callbacks, monkeypatch
):
    from coproduce.notifications import channels

    sam = person(contact=["phone"])
    # Every channel has a sender now (senders.py); take the phone's away to see the fallback.
    monkeypatch.delitem(channels._SENDERS, "phone")
    assert not channels.has_sender("phone")
    with django_capture_on_commit_callbacks(execute=True):
        tell(sam)
    assert mail.outbox == []
    delivery = Delivery.objects.get()
    assert delivery.status == "staff_task"
    assert "not set up yet" in delivery.last_error


def test_easy_read_comes_first_for_people_who_asked(django_capture_on_commit_callbacks):
    sam = person(formats=["easy_read"])
    with django_capture_on_commit_callbacks(execute=True):
        tell(sam, easy_read="You are invited. Come if you can.")
    body = mail.outbox[0].body
    assert body.index("You are invited. Come if you can.") < body.index("The full message:")


def test_failures_are_kept_and_tried_again_later(django_capture_on_commit_callbacks, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    from coproduce.notifications import channels

    sam = person()

    def broken(delivery):
        raise ConnectionError("mail server down")

    monkeypatch.setitem(channels._SENDERS, "email", broken)
    with django_capture_on_commit_callbacks(execute=True):
        tell(sam)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert "mail server down" in delivery.last_error
    first_wait = delivery.next_attempt_at - timezone.now()
    assert actions.send_due() == 0  # not due yet
    later = delivery.next_attempt_at + timedelta(seconds=1)
    assert actions.send_due(now=later) == 1
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.next_attempt_at - later > first_wait  # waits longer each time
    monkeypatch.setitem(channels._SENDERS, "email", channels.send_by_email)
    assert actions.send_due(now=delivery.next_attempt_at) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_error) == ("sent", "")
    assert len(mail.outbox) == 1
    for _ in range(3):
        actions.send_due(now=later + timedelta(days=1))
    assert len(mail.outbox) == 1


def test_giving_up_after_the_last_attempt(django_capture_on_commit_callbacks, monkeypatch):
    from datetime import timedelta

    from coproduce.notifications import channels

    def broken(delivery):
        raise ConnectionError("down")

    monkeypatch.setitem(channels._SENDERS, "email", broken)
    with django_capture_on_commit_callbacks(execute=True):
        tell(person())
    delivery = Delivery.objects.get()
    for day in range(1, 10):
        actions.send_due(now=delivery.created_at + timedelta(days=day))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", actions.MAX_ATTEMPTS)


def test_supporters_get_copies_of_what_was_shared(django_capture_on_commit_callbacks):
    sam = person()
    profile = sam.profile
    SupportPerson.objects.create(
        profile=profile,
        name="Pat",
        relationship="pa",
        email="pat@example.org",
        copy_in=True,
        copy_topics=["meetings"],
    )
    SupportPerson.objects.create(
        profile=profile, name="Kim", relationship="carer", email="kim@example.org", copy_in=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        tell(sam)
        actions.notify(sam, "payments.claim_changed", subject="Your claim is approved", body="Ok")
    sent_to = sorted(m.to[0] for m in mail.outbox)
    assert sent_to == ["pat@example.org", "sam@example.org", "sam@example.org"]
    copy = next(m for m in mail.outbox if m.to == ["pat@example.org"])
    assert copy.subject == "Copy for you: Invitation: Planning group"
    assert "Sam asked us to copy you in" in copy.body
    assert "/notifications/" not in copy.body  # only the subject and body, no link of theirs
    assert Delivery.objects.get(copy_for__name="Pat").status == "sent"


def test_a_supporter_without_email_is_copied_by_text(django_capture_on_commit_callbacks):
    sam = person()
    SupportPerson.objects.create(
        profile=sam.profile,
        name="Pat",
        relationship="pa",
        phone="07700 900123",
        copy_in=True,
        copy_topics=["meetings"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        tell(sam)
    copy = Delivery.objects.get(copy_for__name="Pat")
    assert copy.channel == "text"
    assert len(mail.outbox) == 1


def test_staff_kinds_are_never_copied(django_capture_on_commit_callbacks):
    sam = person()
    SupportPerson.objects.create(
        profile=sam.profile,
        name="Pat",
        relationship="pa",
        email="pat@example.org",
        copy_in=True,
        copy_topics=["meetings", "payments", "projects", "opportunities"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.notify(sam, "site.contact", subject="New message", body="Read it")
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
