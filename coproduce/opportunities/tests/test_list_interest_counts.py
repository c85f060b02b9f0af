"""Staff see, on each opportunity in the list, how many people wait for a decision;
counted for the page shown, so the list stays quick with thousands of applications."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.opportunities.models import Application

from .factories import make_opportunity

pytestmark = pytest.mark.django_db


def test_each_opportunity_shows_its_own_waiting_count(client_as, people):
    busy = make_opportunity(created_by=people["staff"], title="Busy role")
    make_opportunity(created_by=people["staff"], title="Quiet role")
    for status in ("interested", "interested", "withdrawn", "selected"):
        Application.objects.create(
            opportunity=busy, person=UserFactory(roles=["coproducer"]), status=status
        )
    html = client_as("staff").get(reverse("opportunities:opportunity_list")).content.decode()
    busy_part = html[html.index("Busy role") : html.index("Quiet role")]
    quiet_part = html[html.index("Quiet role") :]
    assert "2 waiting for a decision" in busy_part
    assert "0 waiting for a decision" in quiet_part
