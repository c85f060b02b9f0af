"""The public 'join our network' form: no CAPTCHA, a honeypot and a rate limit,
reviewed by the lead, who can invite the person."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from coproduce.accounts.models import Invitation
from coproduce.people.models import ExpressionOfInterest

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Morgan Lee",
    "email": "Morgan.Lee@example.org",
    "interests": ["health"],
    "about": "I want to help",
    "access_to_talk": "Phone me please",
}


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()


def test_anyone_can_ask_to_join(client):
    response = client.post(reverse("people:join"), FORM)
    assert response.status_code == 302 and response["Location"] == reverse("people:join_thanks")
    interest = ExpressionOfInterest.objects.get()
    assert interest.email == "morgan.lee@example.org" and interest.interest_labels() == [
        "Health services"
    ]


def test_the_honeypot_field_is_hidden_from_everyone(client):
    page = client.get(reverse("people:join")).content.decode()
    pattern = r'<div hidden>\s*<div class="govuk-form-group">\s*<label[^>]*for="id_website"'
    assert re.search(pattern, page)


def test_a_robot_filling_the_honeypot_is_thanked_but_nothing_is_saved(client):
    response = client.post(reverse("people:join"), {**FORM, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not ExpressionOfInterest.objects.exists()


def test_too_many_forms_from_one_address_are_refused_kindly(client):
    for _ in range(5):
        assert client.post(reverse("people:join"), FORM).status_code == 302
    response = client.post(reverse("people:join"), FORM)
    assert response.status_code == 429
    assert b"Wait an hour and try again, or email us instead." in response.content
    assert ExpressionOfInterest.objects.count() == 5


def test_errors_are_shown_and_what_was_typed_is_kept(client):
    response = client.post(
        reverse("people:join"), {"name": "", "email": "not an email", "about": "Hello there"}
    )
    assert b"Enter your name." in response.content
    assert b"Enter an email address like name@example.org." in response.content
    assert b"Hello there" in response.content


def test_the_lead_invites_someone_who_asked(client_as, people, django_capture_on_commit_callbacks):
    interest = ExpressionOfInterest.objects.create(name="Morgan Lee", email="morgan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("lead").post(
            reverse("people:interest_review", args=[interest.pk]), {"decision": "invite"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="morgan@example.org")
    assert invitation.roles == ["coproducer"] and invitation.invited_by == people["lead"]
    assert mail.outbox and mail.outbox[0].to == ["morgan@example.org"]
    interest.refresh_from_db()
    assert interest.status == "invited" and interest.reviewed_by == people["lead"]
    again = client_as("lead").post(
        reverse("people:interest_review", args=[interest.pk]), {"decision": "decline"}
    )
    assert again.status_code == 200
    interest.refresh_from_db()
    assert interest.status == "invited"


def test_the_lead_declines(client_as):
    interest = ExpressionOfInterest.objects.create(name="Morgan Lee", email="morgan@example.org")
    client_as("lead").post(
        reverse("people:interest_review", args=[interest.pk]), {"decision": "decline"}
    )
    interest.refresh_from_db()
    assert interest.status == "declined"
    assert not Invitation.objects.exists()


@override_settings(COPRODUCE_PUBLIC_FORM_LIMIT=2, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_limit_counts_each_visitor_not_the_proxy(client):
    for number in range(2):
        data = {**FORM, "email": f"person{number}@example.org"}
        response = client.post(reverse("people:join"), data, HTTP_X_FORWARDED_FOR="203.0.113.7")
        assert response.status_code == 302
    refused = client.post(reverse("people:join"), FORM, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert refused.status_code == 429
    # Another visitor through the same proxy (same REMOTE_ADDR) can still ask to join.
    other = client.post(reverse("people:join"), FORM, HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert other.status_code == 302
    # A visitor cannot dodge the limit by adding their own entries in front.
    dodged = client.post(reverse("people:join"), FORM, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7")
    assert dodged.status_code == 429


# ---- asked once (issue 17 part 2, decision 0036) -------------------------------------

EVERY_ANSWER = {
    "name": "Robin Ashdown",
    "email": "Robin.Ashdown@example.org",
    "phone": "07700 900 456",
    "address": "4 Canal Walk\nLeeds\nLS11 5AA",
    "contact_methods": ["text", "post"],
    "interests": ["housing", "transport"],
    "about": "I have used a wheelchair for ten years and know the buses well.",
    "access_to_talk": "Please send me things in large print, and give me time to answer.",
    "contact_consent": "on",
    "language": "cy",
}


def _review(client_as, interest_pk, decision="invite"):
    return client_as("lead").post(
        reverse("people:interest_review", args=[interest_pk]), {"decision": decision}
    )


def _every_answer_is_on(person, answers):
    from coproduce.people import consent
    from coproduce.people.models import AccessPassport, Profile

    profile = Profile.objects.get(user=person)
    assert person.name == answers["name"]
    assert person.email == (answers["email"].lower() or None)
    assert profile.phone == answers["phone"]
    assert profile.address == answers["address"]
    assert profile.contact_methods == answers["contact_methods"]
    assert sorted(profile.tag_values("interest")) == sorted(answers["interests"])
    assert profile.about == answers["about"]
    passport = AccessPassport.objects.get(user=person)
    assert answers["access_to_talk"] in passport.other_arrangements
    record = consent.current_choices(person)[consent.CONTACT]
    assert record is not None and record.given and record.by_self
    assert person.language == answers["language"]  # every message after this is in it


def test_every_join_answer_reaches_the_profile(client, client_as, people):
    """Walks the join form, the lead's review and the invitation to the new profile,
    and finds every answer there: nobody is asked twice."""
    client.post(reverse("people:join"), EVERY_ANSWER)
    interest = ExpressionOfInterest.objects.get()
    assert _review(client_as, interest.pk).status_code == 302
    invitation = Invitation.objects.get()
    client.logout()
    response = client.post(
        reverse("accounts:accept_invitation", args=[invitation.token]),
        {
            "name": "Robin Ashdown",
            "password1": "canal walk by the river",
            "password2": "canal walk by the river",
        },
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    _every_answer_is_on(invitation.accepted_user, EVERY_ANSWER)
    # The person's own profile page shows them too, in the Welsh they chose ("Tai": housing).
    client.force_login(invitation.accepted_user)
    page = client.get(reverse("people:my_profile")).content.decode()
    assert '<html lang="cy"' in page
    for text in ("07700 900 456", "Canal Walk", "Tai", "ten years"):
        assert text in page


def test_every_join_answer_reaches_the_profile_without_email(client, client_as, people):
    answers = {**EVERY_ANSWER, "email": ""}
    client.post(reverse("people:join"), answers)
    interest = ExpressionOfInterest.objects.get()
    response = _review(client_as, interest.pk)
    interest.refresh_from_db()
    assert response["Location"] == reverse("people:person_detail", args=[interest.account_id])
    assert not Invitation.objects.exists()
    _every_answer_is_on(interest.account, answers)
    assert interest.account.has_role("coproducer") and not interest.account.has_usable_password()


def test_the_join_form_needs_one_way_to_reach_you(client):
    response = client.post(reverse("people:join"), {"name": "Nobody Reachable"})
    assert "Give us at least one way to reach you" in response.content.decode()
    assert not ExpressionOfInterest.objects.exists()
    response = client.post(reverse("people:join"), {"name": "Phone Only", "phone": "12"})
    assert "Enter a phone number, like 07700 900 982" in response.content.decode()
    client.post(reverse("people:join"), {"name": "Post Only", "address": "1 High St\nLS1 1AA"})
    assert ExpressionOfInterest.objects.get().email == ""
