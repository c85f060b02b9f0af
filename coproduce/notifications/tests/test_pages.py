from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.notifications import actions
from coproduce.notifications.models import Channel, Delivery, Notification, Preference
from coproduce.people.models import Profile


def tell(user, subject="Invitation: Planning group", **extra):
    return actions.notify(
        user,
        "meetings.invitation",
        subject=subject,
        body="You are invited to the planning group.",
        url="/notifications/",
        **extra,
    )


def test_the_list_marks_unread_in_words_and_the_header_counts_them(client_as, people):
    me = people["coproducer"]
    first = tell(me, subject="First")
    tell(me, subject="Second")
    tell(people["staff"], subject="Not mine")
    client = client_as("coproducer")
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Notifications (2 unread)" in page
    assert page.count(">Unread</strong>") == 2
    assert page.index("Second") < page.index("First")  # newest first
    assert "Not mine" not in page
    client.post(reverse("notifications:mark_read", args=[first.pk]))
    first.refresh_from_db()
    assert first.is_read
    assert "Notifications (1 unread)" in client.get(reverse("notifications:list")).content.decode()
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(recipient=me, read_at=None).exists()
    page = client.get(reverse("notifications:list")).content.decode()
    assert "unread)" not in page and ">Notifications</a>" in page


def test_nobody_reads_or_marks_another_persons_notification(client_as, people):
    theirs = tell(people["coproducer"])
    client = client_as("staff")
    assert client.get(reverse("notifications:detail", args=[theirs.pk])).status_code == 403
    assert client.post(reverse("notifications:mark_read", args=[theirs.pk])).status_code == 403
    client.post(reverse("notifications:mark_all_read"))
    theirs.refresh_from_db()
    assert not theirs.is_read


def test_the_header_count_is_one_query_however_many(client_as, people):
    client = client_as("coproducer")
    url = reverse("notifications:preferences")
    tell(people["coproducer"])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(20):
        tell(people["coproducer"], subject=f"More {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    counts = [q["sql"] for q in many if "notifications_notification" in q["sql"]]
    assert len(counts) == 1 and "COUNT" in counts[0]


def test_the_list_pages_and_keeps_queries_constant(client_as, people):
    client = client_as("coproducer")
    for n in range(30):
        tell(people["coproducer"], subject=f"Message {n}")
    cache.clear()  # each page counted at its dearest (tests/query_counts.py)
    with CaptureQueriesContext(connection) as first_page:
        page = client.get(reverse("notifications:list")).content.decode()
    assert "Page 1 of 2" in page
    cache.clear()
    with CaptureQueriesContext(connection) as second_page:
        client.get(reverse("notifications:list") + "?page=2")
    assert len(first_page) == len(second_page)


def test_the_person_sees_who_was_copied(client_as, people, django_capture_on_commit_callbacks):
    from coproduce.people.models import SupportPerson

    me = people["coproducer"]
    profile, _ = Profile.objects.get_or_create(user=me)
    SupportPerson.objects.create(
        profile=profile,
        name="Robin Helper",
        relationship="pa",
        email="robin@example.org",
        copy_in=True,
        copy_topics=["meetings"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(me)
    page = client_as("coproducer").get(reverse("notifications:detail", args=[notification.pk]))
    assert "Robin Helper, by email: sent" in page.content.decode()


def test_choosing_how_we_contact_you(client_as, people):
    me = people["coproducer"]
    Profile.objects.update_or_create(user=me, defaults={"contact_methods": ["email"]})
    client = client_as("coproducer")
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Invitations to meetings" in page
    assert "Claims to approve" not in page  # staff kinds only for staff
    assert "Invitations to make an account" not in page
    choices = actions.current_choices(me, actions.choosable_kinds(me))
    choices["meetings.reminder"] = Channel.DIGEST
    choices["meetings.changed"] = Channel.INAPP
    response = client.post(reverse("notifications:preferences"), choices)
    assert response.status_code == 302
    assert dict(Preference.objects.filter(user=me).values_list("kind", "channel")) == {
        "meetings.reminder": "digest",
        "meetings.changed": "inapp",
    }
    assert (
        "Claims to approve"
        in client_as("lead").get(reverse("notifications:preferences")).content.decode()
    )


def test_text_and_letters_need_a_phone_number_and_address(client_as, people):
    me = people["coproducer"]
    Profile.objects.update_or_create(user=me, defaults={"phone": "", "address": ""})
    choices = actions.current_choices(me, actions.choosable_kinds(me))
    choices["meetings.reminder"] = Channel.TEXT
    choices["meetings.changed"] = Channel.LETTER
    page = client_as("coproducer").post(reverse("notifications:preferences"), choices)
    text = page.content.decode()
    assert "add your phone number to your profile first" in text
    assert "add your postal address to your profile first" in text
    assert not Preference.objects.filter(user=me).exists()


def test_the_digest_bundles_a_days_messages_once(people, django_capture_on_commit_callbacks):
    me = people["coproducer"]
    Preference.objects.create(user=me, kind="meetings.invitation", channel=Channel.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        tell(me, subject="First")
        tell(me, subject="Second")
    assert mail.outbox == []
    later = timezone.now() + timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_digests(now=later) == 1
        assert actions.send_digests(now=later) == 0
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [me.email]
    assert "First" in digest.body and "Second" in digest.body
    assert not Delivery.objects.filter(channel="digest", status="queued").exists()
    # A message after today's digest waits for tomorrow's.
    with django_capture_on_commit_callbacks(execute=True):
        tell(me, subject="Third")
        assert actions.send_digests(now=later + timedelta(minutes=1)) == 0
        assert actions.send_digests(now=later + timedelta(days=1)) == 1
    assert len(mail.outbox) == 2 and "Third" in mail.outbox[1].body


@pytest.mark.parametrize("role", ["lead", "administrator"])
def test_staff_see_sends_that_failed_without_the_message(client_as, people, role, monkeypatch):
    from coproduce.notifications import channels

    def broken(delivery):
        raise ConnectionError("mail server down")

    monkeypatch.setitem(channels._SENDERS, "email", broken)
    notification = tell(people["coproducer"], subject="Private subject")
    actions.send_delivery(notification.deliveries.get().pk)
    page = client_as(role).get(reverse("notifications:deliveries")).content.decode()
    assert "mail server down" in page and "Test coproducer" in page
    assert "Private subject" not in page


def test_a_person_chooses_what_their_supporter_is_copied_in_on(client_as, people):
    from coproduce.people.models import SupportPerson

    client = client_as("coproducer")
    client.post(
        reverse("people:add_supporter"),
        {
            "name": "Robin",
            "relationship": "pa",
            "phone": "07700 900321",
            "copy_in": "on",
            "copy_topics": ["meetings", "projects"],
        },
    )
    robin = SupportPerson.objects.get(name="Robin")
    assert robin.copy_topics == ["meetings", "projects"]
    page = client.get(reverse("people:my_profile")).content.decode()
    assert "copied in on messages about meetings, projects" in page
    client.post(
        reverse("people:add_supporter"),
        {"name": "Kim", "relationship": "peer", "copy_topics": ["payments"]},
    )
    assert SupportPerson.objects.get(name="Kim").copy_topics == []  # not copied in at all
