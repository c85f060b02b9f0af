"""A person named in a change chooses, alone, whether their name is shown in public; they
are told, and reminded on Today until they choose."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.impact import actions
from coproduce.impact.models import ImpactPerson
from coproduce.impact.tests.factories import make_entry
from coproduce.lib import today

pytestmark = pytest.mark.django_db


def consent_url(entry):
    return reverse("impact:entry_consent", args=[entry.pk])


def test_the_person_named_gives_and_withdraws_consent(client_as, people):
    person = people["coproducer"]
    entry = make_entry(by=people["staff"], people=[person], published=True)
    client = client_as("coproducer")
    page = client.get(entry.get_absolute_url()).content.decode()
    assert "You have not chosen yet" in page
    client.post(consent_url(entry), {"consent": "yes"})
    mention = ImpactPerson.objects.get(entry=entry, person=person)
    assert mention.consent_to_be_named and mention.consent_changed_at
    visitor = Client()
    assert person.name in visitor.get(reverse("impact:public_list")).content.decode()
    client.post(consent_url(entry), {"consent": "no"})
    mention.refresh_from_db()
    assert not mention.consent_to_be_named
    assert person.name not in visitor.get(reverse("impact:public_list")).content.decode()
    assert mention.history.count() == 3  # added, agreed, withdrew


def test_nobody_else_can_choose_for_them(client_as, people):
    person = people["coproducer"]
    entry = make_entry(by=people["staff"], people=[person], published=True)
    for role in ("lead", "staff", "administrator", "coproducer_staff"):
        assert client_as(role).post(consent_url(entry), {"consent": "yes"}).status_code == 403
    assert not ImpactPerson.objects.get(entry=entry).consent_to_be_named


def test_an_empty_or_doctored_choice_changes_nothing(client_as, people):
    person = people["coproducer"]
    entry = make_entry(by=people["staff"], people=[person], consenting=[person])
    client = client_as("coproducer")
    for data in ({}, {"consent": "maybe"}):
        response = client.post(consent_url(entry), data, follow=True)
        assert "Choose whether your name may be shown" in response.content.decode()
    assert ImpactPerson.objects.get(entry=entry).consent_to_be_named


def test_the_person_named_sees_their_changes_but_not_who_else_is_named(client_as, people):
    person, other = people["coproducer"], people["coproducer_staff"]
    entry = make_entry(by=people["staff"], people=[person, other], title="Papers go out early")
    client = client_as("coproducer")
    listed = client.get(reverse("impact:mentions")).content.decode()
    assert "Papers go out early" in listed and "Not chosen yet" in listed
    page = client.get(entry.get_absolute_url()).content.decode()
    assert other.name not in page
    assert "Publish" not in page and "Change the record" not in page


def test_today_asks_until_they_choose(people):
    person = people["coproducer"]
    entry = make_entry(by=people["staff"], people=[person])

    def asked():
        now = timezone.now()
        person.__dict__.pop("_today_counted", None)
        return [
            item.action_url
            for _, items in today.items_for(person, now)
            for item in items
            if item.key == "impact.names"
        ]

    assert asked() == [reverse("impact:mentions")]
    mention = entry.named.get()
    actions.choose_consent(mention=mention, given=False)
    assert asked() == []
