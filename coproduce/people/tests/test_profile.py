"""Profiles, assisted editing with a reason, consent records and equality answers."""

import pytest
from django.urls import reverse

from coproduce.people import consent
from coproduce.people.models import ConsentRecord, EqualityMonitoring, Profile
from coproduce.people.tests.samples import fill_in_person

pytestmark = pytest.mark.django_db


def test_a_person_edits_their_own_profile(client_as, people):
    client = client_as("coproducer")
    response = client.post(
        reverse("people:edit_profile"),
        {
            "name": "Chris D",
            "pronouns": "he/him",
            "contact_methods": ["email", "post"],
            "interests": ["housing"],
            "lived_experience": ["blind"],
            "payment_preference": "voucher",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=people["coproducer"])
    assert profile.pronouns == "he/him" and profile.contact_methods == ["email", "post"]
    assert profile.interest_labels() == ["Housing"] and profile.lived_experience_labels() == [
        "Blind or partially sighted"
    ]
    people["coproducer"].refresh_from_db()
    assert people["coproducer"].name == "Chris D"


def test_a_missing_name_is_an_error_and_keeps_what_was_typed(client_as):
    response = client_as("coproducer").post(
        reverse("people:edit_profile"), {"name": "", "pronouns": "ze/zir"}
    )
    assert response.status_code == 200
    assert b"Enter the name you like to be called." in response.content
    assert b'value="ze/zir"' in response.content
    assert b"There is a problem" in response.content


def test_staff_must_give_a_reason_and_the_person_sees_it(client_as, people):
    person = people["coproducer"]
    client = client_as("staff")
    url = reverse("people:assist_profile", args=[person.pk])
    response = client.post(url, {"name": person.name, "phone": "0113 496 0000"})
    assert (
        response.status_code == 200
        and b"Say why you are making this change for them." in response.content
    )
    response = client.post(
        url, {"name": person.name, "phone": "0113 496 0000", "reason": "Told me on the phone"}
    )
    assert response.status_code == 302
    history = client_as("coproducer").get(reverse("people:my_history")).content.decode()
    assert "Told me on the phone" in history and "Test staff (on their behalf)" in history


def test_staff_cannot_edit_their_own_profile_on_their_own_behalf(client_as, people):
    response = client_as("staff").get(reverse("people:assist_profile", args=[people["staff"].pk]))
    assert response.status_code == 403


def test_consent_records_keep_wording_version_who_and_why(client_as, people):
    person = people["coproducer"]
    client_as("coproducer").post(reverse("people:my_consent"), {"contact": "yes", "photos": "no"})
    client_as("lead").post(
        reverse("people:assist_consent", args=[person.pk]),
        {"contact": "no", "reason": "Asked us by letter to stop"},
    )
    records = list(
        ConsentRecord.objects.filter(person=person, purpose="contact").order_by("recorded_at", "pk")
    )
    assert [r.given for r in records] == [True, False]
    assert records[0].by_self and records[0].wording_version == consent.PURPOSES["contact"].version
    assert (
        records[1].recorded_by == people["lead"]
        and records[1].on_behalf_reason == "Asked us by letter to stop"
    )
    assert not consent.has_consent(person, "contact")
    from coproduce.accounts.models import User

    assert not consent.consenting(User.objects.filter(pk=person.pk), "contact").exists()


def test_equality_answers_are_optional_and_all_allow_prefer_not_to_say(client_as, people):
    for question in EqualityMonitoring.QUESTIONS:
        choices = dict(EqualityMonitoring._meta.get_field(question).choices)
        assert "prefer_not" in choices, question
    client = client_as("coproducer")
    assert client.post(reverse("people:my_equality"), {}).status_code == 302
    assert (
        client.post(
            reverse("people:my_equality"), {"ethnicity": "prefer_not", "age_band": "25-34"}
        ).status_code
        == 302
    )
    answers = EqualityMonitoring.objects.get(user=people["coproducer"])
    assert (answers.ethnicity, answers.age_band, answers.gender) == ("prefer_not", "25-34", "")
    client.post(reverse("people:my_equality"), {"delete": "1"})
    assert not EqualityMonitoring.objects.exists()


def test_equality_answers_never_appear_on_staff_pages(client_as, people):
    person = fill_in_person(people["coproducer"], staff=people["staff"])
    for role in ("lead", "staff", "administrator"):
        client = client_as(role)
        for url in (
            reverse("people:person_list"),
            reverse("people:person_detail", args=[person.pk]),
        ):
            text = client.get(url).content.decode()
            assert "Bisexual" not in text and "Black, Black British" not in text, (role, url)


def test_supporters_added_and_removed_only_by_the_person(client_as, people):
    client = client_as("coproducer")
    response = client.post(
        reverse("people:add_supporter"), {"name": "Sam", "relationship": "carer", "copy_in": "on"}
    )
    assert b"Enter their email address or phone number so we can copy them in." in response.content
    assert b"Choose what to copy them in on." in response.content
    client.post(reverse("people:add_supporter"), {"name": "Sam", "relationship": "carer"})
    supporter = Profile.objects.get(user=people["coproducer"]).supporters.get()
    client_as("staff").post(reverse("people:remove_supporter", args=[supporter.pk]))
    assert Profile.objects.get(user=people["coproducer"]).supporters.exists()
    client_as("coproducer").post(reverse("people:remove_supporter", args=[supporter.pk]))
    assert not Profile.objects.get(user=people["coproducer"]).supporters.exists()


def test_the_person_page_never_loads_passport_contents(client_as, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = fill_in_person(people["coproducer"], staff=people["staff"])
    with CaptureQueriesContext(connection) as queries:
        page = client_as("administrator").get(reverse("people:person_detail", args=[person.pk]))
    assert page.status_code == 200 and b"Access passport changed" in page.content
    assert not [q["sql"] for q in queries.captured_queries if "own_words" in q["sql"]]


def test_a_partial_save_keeps_the_interests_and_lived_experience_it_does_not_mention(people):
    person = fill_in_person(people["coproducer"], staff=people["staff"])
    profile = Profile.objects.get(user=person)
    assert profile.availability == "Tuesday afternoons only"
    assert profile.interest_labels() and profile.lived_experience_labels()


def test_staff_add_a_person_with_no_email_or_way_to_reach_them(client_as, people):
    from coproduce.accounts.models import User

    client = client_as("staff")
    response = client.post(reverse("people:add_person"), {"name": "Sam Supported"})
    person = User.objects.get(name="Sam Supported")
    assert response["Location"] == reverse("people:person_detail", args=[person.pk])
    assert person.email is None and person.has_role("coproducer")
    assert not person.has_usable_password()
    page = client.get(response["Location"]).content.decode()
    assert "Print a sign-in card, or cancel one" in page


def test_adding_a_person_checks_their_email_and_phone(client_as, people):
    client = client_as("lead")
    page = client.post(
        reverse("people:add_person"),
        {"name": "Twin", "email": "Coproducer@example.org", "phone": "123"},
    ).content.decode()
    assert "Someone already has an account with this email address." in page
    assert "Enter a phone number, like 07700 900 982" in page
