"""Text messages, letters and phone calls: through GOV.UK Notify (a fake one on
127.0.0.1) when a key is set, otherwise as contact tasks and the letters batch."""

import base64
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.notifications import actions, contact_tasks, letters
from coproduce.notifications.models import ContactTask, Delivery, Preference
from coproduce.notifications.tasks import deliver_notification
from coproduce.people.models import Profile

from .conftest import SMS_TEMPLATE_ID

pytestmark = pytest.mark.django_db

ADDRESS = "12 Example Street\nLeeds\nLS1 1AA"


def person(email="sam@example.org", name="Sam Example", contact=("email",), **profile):
    user = User.objects.create_user(email=email, password="x" * 12, name=name)
    Profile.objects.create(user=user, contact_methods=list(contact), **profile)
    return user


def invite(user, capture):
    with capture(execute=True):
        return actions.notify(
            user,
            "meetings.invitation",
            subject="Invitation: Planning group",
            body="You are invited to the planning group on Tuesday at 2pm.",
            easy_read="Come to our meeting on Tuesday.",
            url="/meetings/1/",
        )


def test_a_person_who_chose_texts_gets_a_text_not_an_email(
    fake_notify, django_capture_on_commit_callbacks
):
    sam = person(contact=("email", "text"), phone="07700 900123")
    Preference.objects.create(user=sam, kind="meetings.invitation", channel="text")
    invite(sam, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    [text] = fake_notify.texts()
    delivery = Delivery.objects.get()
    assert text["phone_number"] == "+447700900123"
    assert text["template_id"] == SMS_TEMPLATE_ID
    assert text["reference"] == str(delivery.pk)
    assert text["personalisation"] == {
        "subject": "Invitation: Planning group",
        "body": "You are invited to the planning group on Tuesday at 2pm.",
        "url": "http://127.0.0.1:8000/meetings/1/",
    }
    assert (delivery.channel, delivery.status, delivery.attempts) == ("text", "sent", 1)
    assert not ContactTask.objects.exists()


def test_easy_read_is_texted_to_people_who_asked_for_it(
    fake_notify, django_capture_on_commit_callbacks
):
    sam = person(contact=("text",), phone="+44 7700 900123", formats=["easy_read"])
    invite(sam, django_capture_on_commit_callbacks)
    [text] = fake_notify.texts()
    assert text["personalisation"]["body"] == "Come to our meeting on Tuesday."


def test_a_letter_goes_through_notify_as_a_pdf_when_a_key_is_set(
    fake_notify, django_capture_on_commit_callbacks
):
    lee = person(contact=("post",), address=ADDRESS, formats=["large_print"])
    invite(lee, django_capture_on_commit_callbacks)

    [sent] = fake_notify.letters()
    delivery = Delivery.objects.get()
    assert sent["reference"] == str(delivery.pk)
    pdf = base64.b64decode(sent["content"])
    assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in pdf and b"/Lang (en-GB)" in pdf
    assert delivery.status == "sent"
    assert not ContactTask.objects.exists()


def test_without_a_key_a_letter_waits_in_the_batch_for_staff(
    client_as, people, django_capture_on_commit_callbacks
):
    lee = person(contact=("post",), address=ADDRESS)
    invite(lee, django_capture_on_commit_callbacks)

    task = ContactTask.objects.get()
    assert (task.person, task.method, task.delivery.status) == (lee, "letter", "staff_task")
    batch, included = contact_tasks.letters_batch(contact_tasks.open_tasks())
    assert included == [task]
    assert batch[0].name == "Sam Example"
    assert batch[0].address == ("12 Example Street", "Leeds", "LS1 1AA")
    assert batch[0].subject == "Invitation: Planning group"

    staff = client_as("staff")
    page = staff.get(reverse("notifications:contact_tasks")).content.decode()
    assert "Letters to print and post (1)" in page and "12 Example Street" in page
    response = staff.get(reverse("notifications:letters_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="letters-')
    assert response.content.startswith(b"%PDF") and b"/Lang (en-GB)" in response.content
    # The document's title, in the PDF's own text encoding (UTF-16).
    assert "Letters to post".encode("utf-16-be").hex().encode() in response.content

    response = staff.post(reverse("notifications:letters_posted"), {"task": [task.pk]})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.outcome == "posted" and task.done_at is not None
    assert task.outcome_by == people["staff"]
    assert Delivery.objects.get().status == "sent"
    # Posting the same batch again records nothing more.
    staff.post(reverse("notifications:letters_posted"), {"task": [task.pk]})
    assert ContactTask.objects.get().tries == 1
    # With nothing left to print, the batch says so rather than giving an empty PDF.
    response = staff.get(reverse("notifications:letters_pdf"))
    assert response.status_code == 302


def test_a_letter_to_an_address_that_would_not_arrive_is_kept_out_of_the_batch(
    fake_notify, client_as, django_capture_on_commit_callbacks
):
    lee = person(contact=("post",), address="12 Example Street\nLeeds")
    invite(lee, django_capture_on_commit_callbacks)

    assert fake_notify.received == []
    task = ContactTask.objects.get()
    assert "UK postcode" in task.reason
    assert contact_tasks.letters_batch(contact_tasks.open_tasks()) == ([], [])
    page = client_as("staff").get(reverse("notifications:contact_tasks")).content.decode()
    assert "The last line of the address must be a UK postcode" in page
    # Once staff correct the address, the letter joins the batch.
    Profile.objects.filter(user=lee).update(address=ADDRESS)
    assert contact_tasks.letters_batch(contact_tasks.open_tasks())[1] == [task]


def test_without_a_key_a_text_becomes_a_contact_task(django_capture_on_commit_callbacks):
    sam = person(contact=("text",), phone="07700 900123")
    invite(sam, django_capture_on_commit_callbacks)
    task = ContactTask.objects.get()
    assert task.method == "text" and "send this one yourself" in task.reason
    assert Delivery.objects.get().status == "staff_task"


def test_a_phone_call_is_always_a_contact_task(fake_notify, django_capture_on_commit_callbacks):
    sam = person(contact=("phone",), phone="0113 496 0000")
    invite(sam, django_capture_on_commit_callbacks)
    assert fake_notify.received == []
    task = ContactTask.objects.get()
    assert task.method == "phone" and task.person == sam


def test_a_failure_is_tried_again_later_and_sent_exactly_once(
    fake_notify, django_capture_on_commit_callbacks
):
    sam = person(contact=("text",), phone="07700 900123")
    fake_notify.fail_next(2)
    invite(sam, django_capture_on_commit_callbacks)

    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert "GOV.UK Notify answered 500" in delivery.last_error
    assert fake_notify.texts() == []
    # Not due yet: nothing is tried.
    assert actions.send_due() == 0
    first_wait = actions.FIRST_RETRY
    later = timezone.now() + first_wait + timedelta(minutes=1)
    assert actions.send_due(now=later) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", 2)
    # The wait doubles after each failure.
    assert delivery.next_attempt_at == later + 2 * first_wait
    assert actions.send_due(now=later + 2 * first_wait) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 3)
    assert len(fake_notify.texts()) == 1 and len(fake_notify.refused) == 2
    # However often the queue and the retry job run again, nothing is sent twice.
    deliver_notification.enqueue(delivery.notification_id)
    assert actions.send_delivery(delivery.pk) is None
    assert actions.send_due(now=later + timedelta(days=1)) == 0
    assert len(fake_notify.texts()) == 1
    assert not ContactTask.objects.exists()


def test_a_send_that_fails_on_every_try_becomes_a_contact_task(
    fake_notify, django_capture_on_commit_callbacks
):
    sam = person(contact=("text",), phone="07700 900123")
    fake_notify.fail_next(actions.MAX_ATTEMPTS)
    invite(sam, django_capture_on_commit_callbacks)
    now = timezone.now()
    for _ in range(actions.MAX_ATTEMPTS - 1):
        now += timedelta(days=1)
        actions.send_due(now=now)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("staff_task", actions.MAX_ATTEMPTS)
    task = ContactTask.objects.get()
    assert task.reason.startswith(f"Could not send after {actions.MAX_ATTEMPTS} tries")
    assert fake_notify.texts() == []


def test_a_request_notify_refuses_is_not_tried_again(
    fake_notify, django_capture_on_commit_callbacks
):
    sam = person(contact=("text",), phone="07700 900123")
    fake_notify.fail_next(1, status=400)
    invite(sam, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("staff_task", 1)
    assert ContactTask.objects.get().reason.startswith("Could not send: GOV.UK Notify answered 400")
    assert actions.send_due(now=timezone.now() + timedelta(days=1)) == 0


@pytest.mark.parametrize(
    ("phone", "reason"),
    [
        ("0113 496 0000", "This is not a mobile phone number"),
        ("0770 12", "Enter a phone number, like 07700 900 982"),
        ("", "There is no phone number on record."),
    ],
)
def test_a_number_that_cannot_take_a_text_becomes_a_contact_task_saying_why(
    fake_notify, django_capture_on_commit_callbacks, phone, reason
):
    sam = person(contact=("text",), phone=phone)
    invite(sam, django_capture_on_commit_callbacks)
    assert fake_notify.received == []
    task = ContactTask.objects.get()
    assert task.method == "text" and reason in task.reason
    assert reason in Delivery.objects.get().last_error


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("phone", "0770 12", "Enter a phone number, like 07700 900 982 or 0113 496 0000."),
        ("phone", "+99 123", "start with + and the country code"),
        ("emergency_contact_phone", "call me", "Enter a phone number"),
        ("address", "12 Example Street\nLeeds", "must be a UK postcode, like SW1A 2AA"),
        ("address", "Leeds", "Enter the full postal address"),
    ],
)
def test_the_profile_form_says_clearly_what_is_wrong(client_as, field, value, error):
    response = client_as("coproducer").post(
        reverse("people:edit_profile"), {"name": "Chris D", field: value}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and error in page


@pytest.mark.parametrize(
    ("phone", "address"),
    [
        ("07700 900 982", "1 High Street, Leeds, ls1 1aa"),
        ("+33 6 12 34 56 78", "4 rue de la Paix\n75002 Paris\nFrance"),
        ("0113 496 0000", ""),
    ],
)
def test_the_profile_form_takes_uk_and_international_details(client_as, people, phone, address):
    response = client_as("coproducer").post(
        reverse("people:edit_profile"), {"name": "Chris D", "phone": phone, "address": address}
    )
    assert response.status_code == 302
    assert Profile.objects.get(user=people["coproducer"]).phone == phone


def phone_task(name, email):
    sam = person(email=email, name=name, contact=("phone",), phone="0113 496 0000")
    notification = actions.notify(
        sam, "meetings.reminder", subject="Reminder: Planning group", body="It is on Tuesday."
    )
    delivery = Delivery.objects.get(notification=notification)
    actions.send_delivery(delivery.pk)
    return ContactTask.objects.get(delivery=delivery)


def test_staff_claim_a_call_and_record_what_happened(client_as, people):
    task = phone_task("Sam Example", "sam@example.org")
    staff = client_as("staff")
    page = staff.get(reverse("notifications:contact_tasks")).content.decode()
    assert "People to phone (1)" in page and "0113 496 0000" in page
    assert "Reminder: Planning group" in page and "It is on Tuesday." in page

    staff.post(reverse("notifications:contact_task_claim", args=[task.pk]))
    task.refresh_from_db()
    assert task.claimed_by == people["staff"]

    outcome = reverse("notifications:contact_task_outcome", args=[task.pk])
    prefix = f"task-{task.pk}"
    # Nothing chosen: the page says what to do, linked to the task's own question.
    response = staff.post(outcome, {f"{prefix}-notes": "Rang twice"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Choose what happened for Sam Example." in page
    assert f'href="#id_{prefix}-outcome' in page

    # No answer: it stays open, with the try recorded.
    staff.post(outcome, {f"{prefix}-outcome": "no_answer", f"{prefix}-notes": "Try after 2pm"})
    task.refresh_from_db()
    assert task.is_open and (task.tries, task.outcome, task.notes) == (
        1,
        "no_answer",
        "Try after 2pm",
    )
    assert task.delivery.status == "staff_task"

    staff.post(outcome, {f"{prefix}-outcome": "reached"})
    task.refresh_from_db()
    assert not task.is_open and (task.tries, task.outcome) == (2, "reached")
    assert task.outcome_by == people["staff"]
    delivery = Delivery.objects.get(pk=task.delivery_id)
    assert delivery.status == "sent" and delivery.sent_at is not None
    page = staff.get(reverse("notifications:contact_tasks")).content.decode()
    assert "People to phone (0)" in page and "Done recently" in page

    # Recording it again changes nothing.
    staff.post(outcome, {f"{prefix}-outcome": "wrong_number"})
    task.refresh_from_db()
    assert task.outcome == "reached"


def test_an_outcome_that_does_not_fit_the_task_is_refused(client_as):
    task = phone_task("Sam Example", "sam@example.org")
    response = client_as("lead").post(
        reverse("notifications:contact_task_outcome", args=[task.pk]),
        {f"task-{task.pk}-outcome": "posted"},
    )
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    task.refresh_from_db()
    assert task.is_open and task.tries == 0


def test_today_tells_staff_how_many_people_to_contact_in_one_query(
    people, django_assert_num_queries
):
    from coproduce.notifications.today import contact_tasks_for

    now = timezone.now()
    staff = people["staff"]
    staff.role_set  # noqa: B018  (roles are read once per request, before the page asks)
    with django_assert_num_queries(1):
        assert list(contact_tasks_for(staff, now)) == []
    first = phone_task("Sam Example", "sam@example.org")
    phone_task("Alex Example", "alex@example.org")
    with django_assert_num_queries(1):
        [item] = contact_tasks_for(staff, now + timedelta(days=3))
    assert item.sentence == "2 people to phone"
    assert item.action_url == reverse("notifications:contact_tasks") + "#phone"
    assert item.since == first.created_at and item.urgency == 1
    # A task someone else claimed is theirs.
    contact_tasks.claim(task=first, by=people["lead"])
    [item] = contact_tasks_for(staff, now)
    assert item.sentence == "1 person to phone" and item.urgency == 2
    # Roles that do not contact people get nothing, without a query.
    coproducer = people["coproducer"]
    coproducer.role_set  # noqa: B018
    with django_assert_num_queries(0):
        assert list(contact_tasks_for(coproducer, now)) == []


def test_a_letter_is_laid_out_for_a_window_envelope_and_large_print_when_asked():
    from weasyprint import HTML

    letter = letters.Letter(
        name="Lee Letters",
        address=("3 Mill Lane", "Leeds", "LS6 2AB"),
        subject="Your claim was paid",
        paragraphs=("We paid your claim for the planning group.",),
        large_print=False,
        date=timezone.localdate(),
    )
    large = letters.Letter(**{**letter.__dict__, "large_print": True})
    html = letters.render_html([letter, large], title="Letters to post")
    document = HTML(string=html).render()
    assert len(document.pages) == 2  # each letter starts on a new page

    mm = 96 / 25.4
    sizes = []
    for page in document.pages:
        boxes = list(_boxes(page._page_box))
        address = next(b for b in boxes if getattr(b, "element_tag", "") == "address")
        # GOV.UK Notify's address block, which sits in the window of the envelope.
        assert round(address.position_x / mm, 1) == 24.6
        assert round(address.position_y / mm, 1) == 39.5
        assert round(address.width / mm, 1) == 95.4
        assert round(address.height / mm, 1) == 26.8
        paragraph = next(
            b for b in boxes if getattr(b, "element_tag", "") == "p" and "We paid" in _text(b)
        )
        sizes.append(paragraph.style["font_size"] * 0.75)  # CSS px to points
    assert sizes[0] == 12 and sizes[1] >= 16  # large print: 16 point or more


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def _text(box):
    return getattr(box, "text", "") or "".join(_text(c) for c in getattr(box, "children", []) or [])


def test_the_demo_has_people_to_contact_and_a_letter_to_print(settings):
    from io import StringIO

    from django.core.management import call_command

    settings.COPRODUCE_DEMO = True
    call_command("demo", stdout=StringIO())
    open_methods = sorted(task.method for task in contact_tasks.open_tasks())
    assert open_methods == ["letter", "phone", "phone", "text"]
    letters_to_print, _tasks = contact_tasks.letters_batch(contact_tasks.open_tasks())
    assert [letter.name for letter in letters_to_print] == ["Chloe Nwosu"]
    assert ContactTask.objects.filter(outcome="no_answer", done_at=None).count() == 1


def test_a_large_print_letter_uses_the_font_and_tint_the_person_chose():
    from weasyprint import HTML

    letter = letters.Letter(
        name="Gwen Llywelyn",
        address=("3 Heol y Felin", "Caerdydd", "CF10 1AA"),
        subject="Your claim was paid",
        paragraphs=("We paid your claim. Diolch yn fawr: ŵyr, ŷd.",),
        large_print=True,
        date=timezone.localdate(),
        font="opendyslexic",
        tint="cream",
    )
    standard = letters.Letter(**{**letter.__dict__, "font": "standard", "tint": "none"})
    html = letters.render_html([letter, standard], title="Letters to post")
    document = HTML(string=html).render()
    tinted, plain = (page._page_box.style["background_color"] for page in document.pages)
    assert tuple(round(part * 255) for part in tinted[:3]) == (0xFB, 0xF5, 0xE0)
    assert tuple(plain[:3]) == (0, 0, 0) and plain[3] == 0  # no background at all
    pdf = letters.pdf([letter], title="A letter")
    assert b"OpenDyslexic" in pdf


def test_letters_use_display_choices_only_when_large_print_is_asked():
    from coproduce.notifications.models import Notification

    gwen = person(email="gwen@example.org", name="Gwen", address=ADDRESS, formats=["standard"])
    gwen.font, gwen.tint = "hyperlegible", "blue"
    gwen.save()
    notification = Notification.objects.create(recipient=gwen, kind="t", subject="Paid", body="")
    delivery = Delivery.objects.create(notification=notification, channel="letter")
    message = ("Paid", "We paid your claim.")
    letter = letters.letter_for(delivery, message)
    assert (letter.font, letter.tint) == ("standard", "none")
    Profile.objects.filter(user=gwen).update(formats=["large_print"])
    gwen = User.objects.get(pk=gwen.pk)
    delivery.notification.recipient = gwen
    letter = letters.letter_for(delivery, message)
    assert (letter.font, letter.tint) == ("hyperlegible", "blue")
