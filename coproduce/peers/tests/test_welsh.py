"""Peer support in Welsh: the pages, and each person told in their own language when
they are paired, whoever paired them."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.peers import actions

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_the_default_language():
    """A Welsh request leaves Welsh active in this thread; later tests expect English."""
    yield
    translation.deactivate()


def welsh_speaker(**fields):
    person = UserFactory(roles=["coproducer"], **fields)
    person.language = "cy"
    person.save(update_fields=["language"])
    return person


def test_the_peer_support_page_reads_in_welsh():
    client = Client()
    client.force_login(welsh_speaker())
    page = client.get(reverse("peers:home")).content.decode()
    assert "Cymorth gan gymheiriaid" in page
    assert "Gofyn am gefnogwr cymheiriaid" in page


def test_each_person_is_told_of_the_pairing_in_their_own_language(people):
    supporter = UserFactory(name="Sunita Supporter", roles=["coproducer"])
    actions.save_offer(
        person=supporter,
        can_offer="Talking things through.",
        ways=["phone"],
        use_lived_experience=False,
        available=True,
    )
    asker = welsh_speaker()
    request = actions.ask_for_support(
        person=asker, hoping_for="Help before meetings.", ways=["phone"], use_lived_experience=False
    )
    actions.pair(request=request, supporter=supporter, by=people["lead"])
    told = {n.recipient: n for n in Notification.objects.filter(kind="peers.paired")}
    assert told[asker].subject == "Mae gennych gefnogwr cymheiriaid"
    assert "Sunita Supporter fydd eich cefnogwr cymheiriaid" in told[asker].body
    assert told[supporter].subject == "You are someone's peer supporter"
