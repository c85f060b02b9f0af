"""A person lets a named supporter act for them within limits, and withdraws it at once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people import actions
from coproduce.people.models import Authority
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(people):
    """Chris, a co-producer, and Robin, their PA with an account of their own."""
    robin = UserFactory(email="robin.pa@example.org", name="Robin PA", roles=["coproducer"])
    return people["coproducer"], robin


def test_a_person_lets_their_supporter_act_for_them_by_the_email_they_sign_in_with(client, pair):
    person, robin = pair
    client.force_login(person)
    response = client.post(
        reverse("people:grant_authority"),
        {"email": "ROBIN.PA@example.org", "powers": ["reply_to_invitations"]},
    )
    assert response.status_code == 302
    authority = Authority.objects.get()
    assert (authority.person, authority.supporter) == (person, robin)
    assert authority.reply_to_invitations
    assert not authority.see_meetings_and_papers and not authority.help_with_claims
    page = client.get(reverse("people:my_profile")).content.decode()
    assert "Robin PA may: reply to invitations to meetings for you." in page


@pytest.mark.parametrize(
    ("email", "powers", "field", "message"),
    [
        ("nobody@example.org", ["reply_to_invitations"], "email", "cannot find an account"),
        ("coproducer@example.org", ["reply_to_invitations"], "email", "not your own"),
        ("robin.pa@example.org", [], "powers", "Choose at least one"),
        ("robin.pa@example.org", ["see_equality_answers"], "powers", "valid choice"),
    ],
)
def test_bad_grants_are_refused_next_to_the_field(client, pair, email, powers, field, message):
    person, _ = pair
    client.force_login(person)
    response = client.post(reverse("people:grant_authority"), {"email": email, "powers": powers})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Authority.objects.exists()


def test_giving_again_changes_the_limits_rather_than_adding_a_second(pair):
    person, robin = pair
    first = actions.grant_authority(
        person=person, email=robin.email, powers=["reply_to_invitations"]
    )
    second = actions.grant_authority(
        person=person, email=robin.email, powers=["see_meetings_and_papers"]
    )
    assert first.pk == second.pk
    second.refresh_from_db()
    assert not second.reply_to_invitations and second.see_meetings_and_papers


def test_a_closed_account_cannot_be_given_powers(pair):
    person, robin = pair
    robin.is_active = False
    robin.save()
    with pytest.raises(ValidationError):
        actions.grant_authority(person=person, email=robin.email, powers=["help_with_claims"])


def test_withdrawing_ends_the_powers_at_once_and_shows_in_the_history(client, pair):
    person, robin = pair
    authority = actions.grant_authority(
        person=person, email=robin.email, powers=["reply_to_invitations"]
    )
    client.force_login(robin)
    assert person.name in client.get(reverse("people:supporting")).content.decode()
    client.force_login(person)
    client.post(reverse("people:withdraw_authority", args=[authority.pk]))
    authority.refresh_from_db()
    assert authority.withdrawn_at is not None
    assert not robin.has_perm("people.act_for", authority)
    client.force_login(robin)
    assert person.name not in client.get(reverse("people:supporting")).content.decode()
    client.force_login(person)
    history = client.get(reverse("people:my_history")).content.decode()
    assert "Gave powers to act for you: Robin PA" in history
    assert "Withdrew powers to act for you: Robin PA" in history


def test_nobody_else_can_withdraw_a_persons_authority(client, pair, people):
    person, robin = pair
    authority = actions.grant_authority(
        person=person, email=robin.email, powers=["reply_to_invitations"]
    )
    for someone in (robin, people["lead"], people["administrator"]):
        client.force_login(someone)
        response = client.post(reverse("people:withdraw_authority", args=[authority.pk]))
        assert response.status_code == 302
        authority.refresh_from_db()
        assert authority.withdrawn_at is None


def test_a_supporter_sees_no_passport_or_equality_answers_on_their_pages(client, people):
    from coproduce.people.tests.samples import fill_in_person
    from coproduce.privacy.models import ReadLog

    person = fill_in_person(people["coproducer"], staff=people["staff"])
    robin = UserFactory(email="robin.pa@example.org", name="Robin PA", roles=["coproducer"])
    actions.grant_authority(
        person=person,
        email=robin.email,
        powers=["reply_to_invitations", "see_meetings_and_papers", "help_with_claims"],
    )
    reads = ReadLog.objects.count()
    client.force_login(robin)
    page = client.get(reverse("people:supporting")).content.decode()
    assert person.name in page
    for secret in ("I am Deaf and BSL", "Vegetarian", "Bisexual", "35 to 44", "Long Covid"):
        assert secret not in page
    assert ReadLog.objects.count() == reads


def test_profile_and_supporting_pages_cost_the_same_for_one_supporter_or_many(client, people):
    person = people["coproducer"]
    client.force_login(person)
    made = iter(range(100))

    def grow():
        for _ in range(5):
            n = next(made)
            other = UserFactory(email=f"s{n}@example.org", roles=["coproducer"])
            actions.grant_authority(person=person, email=other.email, powers=["help_with_claims"])
            giver = UserFactory(email=f"g{n}@example.org", roles=["coproducer"])
            actions.grant_authority(
                person=giver, email=person.email, powers=["see_meetings_and_papers"]
            )

    grow()
    assert_queries_do_not_grow(
        {
            "profile": (client, reverse("people:my_profile")),
            "supporting": (client, reverse("people:supporting")),
            "history": (client, reverse("people:my_history")),
        },
        grow,
    )
