"""An opportunity can have a Welsh title and summary, shown to people who chose Welsh."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from coproduce.opportunities.models import Opportunity
from coproduce.opportunities.tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def in_welsh(client, url):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    with translation.override("cy"):
        return client.get(url, HTTP_ACCEPT_LANGUAGE="cy").content.decode()


def test_welsh_readers_see_the_welsh_opportunity_and_a_note_for_english_only(client_as):
    welsh = make_opportunity(
        title="Co-chair the transport group",
        title_cy="Cyd-gadeirio'r grŵp trafnidiaeth",
        summary_cy="Cadeirio pedwar cyfarfod gyda chyd-gadeirydd o'r staff.",
    )
    english = make_opportunity(title="Join the interview panel")
    client = client_as("coproducer")
    listing = in_welsh(client, reverse("opportunities:opportunity_list"))
    assert "Cyd-gadeirio&#x27;r grŵp trafnidiaeth" in listing
    assert "Join the interview panel" in listing
    assert "Dim ond yn Saesneg y mae hwn ar gael." in listing
    detail = in_welsh(client, reverse("opportunities:opportunity_detail", args=[welsh.pk]))
    assert 'lang="cy">Cyd-gadeirio&#x27;r grŵp trafnidiaeth</h1>' in detail
    assert "Dim ond yn Saesneg y mae hwn ar gael." not in detail
    detail = in_welsh(client, reverse("opportunities:opportunity_detail", args=[english.pk]))
    assert 'lang="en-GB">Join the interview panel</h1>' in detail
    assert "Dim ond yn Saesneg y mae hwn ar gael." in detail


def test_staff_write_the_welsh_version_on_the_opportunity_form(client_as):
    opportunity = make_opportunity()
    client = client_as("staff")
    url = reverse("opportunities:opportunity_edit", args=[opportunity.pk])
    form = client.get(url).content.decode()
    assert "Welsh version (optional)" in form
    assert 'name="title_cy"' in form and 'lang="cy"' in form
    assert Opportunity.objects.get().title_cy == ""
