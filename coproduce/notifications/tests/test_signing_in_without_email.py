"""Signing in without an email address (decision 0036): a printed card and a code by
text message are single use, expire, are rate-limited, are kept only as hashes and
shown once, and never sign in a staff-side account."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import Role, User
from coproduce.accounts.signin_limits import MOST_CODES_PER_NUMBER
from coproduce.notifications import actions, signing_in
from coproduce.notifications.models import ContactTask, SignInCard, SignInCode
from coproduce.people.models import Profile

pytestmark = pytest.mark.django_db

MOBILE = "07700 900 123"
E164 = "+447700900123"


def person_without_email(name="Jo Card", phone=MOBILE, roles=(Role.COPRODUCER,)):
    person = User.objects.create_user(None, name=name)
    for role in roles:
        person.role_assignments.create(role=role)
    Profile.objects.create(user=person, phone=phone)
    return person


def signed_in_as(client):
    return client.session.get("_auth_user_id")


# ---- cards ---------------------------------------------------------------------


def test_a_card_signs_its_person_in_once(client, people):
    person = person_without_email()
    card, code = actions.issue_sign_in_card(person=person, issued_by=people["staff"])
    assert card.code_hash != code and code not in card.code_hash  # only a hash is kept
    url = reverse("notifications:sign_in_with_card")
    response = client.post(url, {"code": signing_in.card_code_shown(code).lower()})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:home")
    assert signed_in_as(client) == str(person.pk)
    client.logout()
    again = client.post(url, {"code": code})
    assert again.status_code == 200 and "This code does not work" in again.content.decode()
    assert signed_in_as(client) is None
    card.refresh_from_db()
    assert card.status == "used"


def test_a_card_expires_after_30_days(client, people):
    person = person_without_email()
    card, code = actions.issue_sign_in_card(person=person, issued_by=people["staff"])
    SignInCard.objects.filter(pk=card.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert actions.sign_in_with_card(code=code) is None
    assert card.expires_at - card.issued_at == timedelta(days=actions.CARD_DAYS)


def test_a_cancelled_card_stops_working_and_keeps_its_reason(people):
    person = person_without_email()
    card, code = actions.issue_sign_in_card(person=person, issued_by=people["staff"])
    with pytest.raises(ValidationError):
        actions.cancel_sign_in_card(card=card, cancelled_by=people["staff"], reason="  ")
    actions.cancel_sign_in_card(card=card, cancelled_by=people["staff"], reason="Lost on the bus")
    card.refresh_from_db()
    assert card.status == "cancelled" and card.cancel_reason == "Lost on the bus"
    assert card.cancelled_by == people["staff"]
    assert actions.sign_in_with_card(code=code) is None


def test_staff_cancel_a_card_from_the_page_with_a_reason(client_as, people):
    person = person_without_email()
    card, _ = actions.issue_sign_in_card(person=person, issued_by=people["staff"])
    client = client_as("staff")
    url = reverse("notifications:cancel_sign_in_card", args=[card.pk])
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400 and "Say why you are cancelling" in refused.content.decode()
    done = client.post(url, {"reason": "They lost it"})
    assert done.status_code == 302
    card.refresh_from_db()
    assert card.cancel_reason == "They lost it"


def test_a_new_card_cancels_the_one_before(people):
    person = person_without_email()
    first, first_code = actions.issue_sign_in_card(person=person, issued_by=people["staff"])
    actions.issue_sign_in_card(person=person, issued_by=people["staff"])
    first.refresh_from_db()
    assert first.status == "cancelled"
    assert actions.sign_in_with_card(code=first_code) is None


def test_the_code_is_shown_once_when_the_card_is_printed(client_as, people):
    person = person_without_email()
    client = client_as("staff")
    url = reverse("notifications:sign_in_cards", args=[person.pk])
    printed = client.post(url).content.decode()
    shown = re.search(r"data-sign-in-code>([A-Z0-9-]+)<", printed).group(1)
    assert "/sign-in/card/" in printed
    listing = client.get(url).content.decode()
    assert shown not in listing and "Works until" in listing
    assert actions.sign_in_with_card(code=shown) == person


@pytest.mark.parametrize("role", ["administrator", "lead", "staff", "finance", "board"])
def test_staff_side_roles_never_sign_in_by_card(people, role):
    with pytest.raises(ValidationError):
        actions.issue_sign_in_card(person=people[role], issued_by=people["lead"])
    # Even a card made before the person was given a staff role stops working.
    person = person_without_email()
    _, code = actions.issue_sign_in_card(person=person, issued_by=people["staff"])
    person.role_assignments.create(role=role)
    assert actions.sign_in_with_card(code=code) is None


def test_guessing_cards_from_one_address_is_stopped(client, people, rf):
    from coproduce.accounts import signin_limits

    url = reverse("notifications:sign_in_with_card")
    same_address = rf.post(url)  # the test client's address, 127.0.0.1
    for _ in range(signin_limits.MOST_FAILURES):
        signin_limits.record_failure(same_address, "card")
    person = person_without_email()
    _, code = actions.issue_sign_in_card(person=person, issued_by=people["staff"])
    response = client.post(url, {"code": code})
    assert "Too many tries" in response.content.decode()
    assert signed_in_as(client) is None


# ---- text codes -------------------------------------------------------------------


def sent_code(fake_notify):
    body = fake_notify.received[-1]["json"]["personalisation"]["body"]
    return re.search(r"\b(\d{6})\b", body).group(1)


def test_a_text_code_signs_in_once(client, fake_notify, django_capture_on_commit_callbacks):
    person = person_without_email()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("notifications:sign_in_text"), {"number": MOBILE})
    assert response["Location"] == reverse("notifications:sign_in_text_code")
    assert fake_notify.received[-1]["json"]["phone_number"] == E164
    code = sent_code(fake_notify)
    stored = SignInCode.objects.get(person=person)
    assert code not in stored.code_hash
    url = reverse("notifications:sign_in_text_code")
    assert client.post(url, {"code": code})["Location"] == reverse("accounts:home")
    assert signed_in_as(client) == str(person.pk)
    assert actions.sign_in_with_code(number=MOBILE, code=code) is None  # used


def test_a_text_code_expires_after_10_minutes(fake_notify, django_capture_on_commit_callbacks):
    person_without_email()
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_sign_in_code(number=MOBILE, now=start)
    code = sent_code(fake_notify)
    late = start + timedelta(minutes=actions.CODE_MINUTES, seconds=1)
    assert actions.sign_in_with_code(number=MOBILE, code=code, now=late) is None
    assert actions.sign_in_with_code(number=MOBILE, code=code, now=start) is not None


def test_a_text_code_stops_after_five_wrong_tries(fake_notify, django_capture_on_commit_callbacks):
    person_without_email()
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_sign_in_code(number=MOBILE)
    code = sent_code(fake_notify)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(actions.CODE_TRIES):
        assert actions.sign_in_with_code(number=MOBILE, code=wrong) is None
    assert actions.sign_in_with_code(number=MOBILE, code=code) is None


def test_a_new_code_replaces_the_last(fake_notify, django_capture_on_commit_callbacks):
    person_without_email()
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_sign_in_code(number=MOBILE)
    first = sent_code(fake_notify)
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_sign_in_code(number=MOBILE)
    second = sent_code(fake_notify)
    if first != second:
        assert actions.sign_in_with_code(number=MOBILE, code=first) is None
    assert actions.sign_in_with_code(number=MOBILE, code=second) is not None


def test_codes_to_one_number_are_rate_limited(client, fake_notify):
    person_without_email()
    url = reverse("notifications:sign_in_text")
    for _ in range(MOST_CODES_PER_NUMBER):
        assert client.post(url, {"number": MOBILE}).status_code == 302
    refused = client.post(url, {"number": "+44 7700 900123"})
    assert refused.status_code == 200 and "Too many tries" in refused.content.decode()
    assert SignInCode.objects.count() == MOST_CODES_PER_NUMBER


def test_codes_from_one_address_are_rate_limited(client, settings):
    settings.COPRODUCE_PUBLIC_FORM_LIMIT = 2
    url = reverse("notifications:sign_in_text")
    assert client.post(url, {"number": "07700 900 001"}).status_code == 302
    assert client.post(url, {"number": "07700 900 002"}).status_code == 302
    assert "Too many tries" in client.post(url, {"number": "07700 900 003"}).content.decode()


def test_an_unknown_number_is_told_the_same_as_a_known_one(client, fake_notify):
    response = client.post(reverse("notifications:sign_in_text"), {"number": "07700 900 999"})
    assert response["Location"] == reverse("notifications:sign_in_text_code")
    assert fake_notify.received == [] and not SignInCode.objects.exists()


def test_without_text_messages_staff_get_a_task_and_nobody_sees_a_code(client, settings):
    settings.NOTIFY_API_KEY = ""
    person = person_without_email()
    client.post(reverse("notifications:sign_in_text"), {"number": MOBILE})
    task = ContactTask.objects.get(person=person)
    assert task.method == ContactTask.Method.TEXT and "sign-in card" in task.reason
    assert not SignInCode.objects.exists()


@pytest.mark.parametrize("role", ["administrator", "lead", "staff", "finance", "board"])
def test_staff_side_roles_never_sign_in_by_text(fake_notify, role):
    person_without_email(roles=[Role.COPRODUCER, role])
    assert actions.request_sign_in_code(number=MOBILE) is False
    assert not SignInCode.objects.exists() and fake_notify.received == []


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12345", "Enter a phone number, like 07700 900 982"),
        ("not a number", "start with + and the country code"),
        ("0113 496 0000", "This is not a mobile phone number"),
        ("", "Enter your mobile phone number."),
    ],
)
def test_phone_numbers_are_checked_with_a_clear_error(client, typed, message):
    response = client.post(reverse("notifications:sign_in_text"), {"number": typed})
    assert response.status_code == 200 and message in response.content.decode()


def test_international_numbers_are_taken(client, fake_notify):
    response = client.post(reverse("notifications:sign_in_text"), {"number": "+33 6 12 34 56 78"})
    assert response.status_code == 302


# ---- messages reach people without email -------------------------------------------


def test_messages_to_someone_without_email_go_by_their_other_ways(people):
    by_text = person_without_email()
    by_post = User.objects.create_user(None, name="Pat Post")
    Profile.objects.create(user=by_post, address="1 High Street\nLeeds\nLS1 1AA")
    supported = User.objects.create_user(None, name="Sam Supported")
    assert actions.channel_for(by_text, "meetings.invitation") == "text"
    assert actions.channel_for(by_post, "meetings.invitation") == "letter"
    assert actions.channel_for(supported, "meetings.invitation") == "phone"
    assert actions.channel_for(people["coproducer"], "meetings.invitation") == "email"


def test_a_message_to_someone_staff_support_becomes_a_task(
    people, django_capture_on_commit_callbacks
):
    supported = User.objects.create_user(None, name="Sam Supported")
    with django_capture_on_commit_callbacks(execute=True):
        actions.notify(
            supported, "meetings.invitation", subject="Invitation", body="Come on Tuesday."
        )
    task = ContactTask.objects.get(person=supported)
    assert task.method == ContactTask.Method.PHONE and "the way staff support them" in task.reason
