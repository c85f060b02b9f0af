import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.api import demo
from coproduce.api.models import ApiToken, WebhookEndpoint


@pytest.mark.django_db
def test_the_demo_adds_tokens_and_a_webhook_once():
    UserFactory(email="admin@example.org", roles=["administrator"])
    UserFactory(email="coproducer@example.org", roles=["coproducer"])
    said = []
    demo.load(said.append)
    demo.load(said.append)
    assert ApiToken.objects.filter(person__isnull=True).count() == 1
    assert ApiToken.objects.filter(person__email="coproducer@example.org").count() == 1
    assert WebhookEndpoint.objects.count() == 1
    assert len(said) == 3
