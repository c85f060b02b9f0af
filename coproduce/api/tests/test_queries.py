"""The API's lists cost the same number of queries however many rows there are."""

from itertools import count

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.api.models import ApiToken
from coproduce.api.tests.factories import make_token
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.payments import actions as payments
from coproduce.payments.tests.factories import make_claim
from coproduce.projects.tests.factories import make_project
from coproduce.site.models import SpotlightStatus, Status
from coproduce.site.tests.helpers import make_case_study, make_spotlight, make_update
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db
NUMBERS = count()


def add_rows(people, how_many):
    for _ in range(how_many):
        n = next(NUMBERS)
        make_update(slug=f"update-{n}")
        make_case_study(slug=f"case-{n}", status=Status.PUBLISHED)
        make_spotlight(status=SpotlightStatus.PUBLISHED)
        make_opportunity(created_by=people["staff"], status="open")
        project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
        meeting = make_meeting(organiser=people["staff"], project=project, days=n + 1)
        meeting_actions.invite(
            meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"]
        )
        claim = make_claim(claimant=people["coproducer"], days_ago=n % 20 + 1)
        payments.submit(claim=claim, by=people["coproducer"])
        payments.approve(claim=claim, by=people["lead"])
        payments.create_batch(claims=[claim], by=people["finance"])


def test_the_api_lists_do_not_grow_with_the_data(people):
    _, finance = make_token(by=people["administrator"], scopes=["finance"])
    _, coproducer = make_token(person=people["coproducer"], scopes=["projects", "meetings"])
    _, lead = make_token(person=people["lead"], scopes=["projects", "meetings"])
    visitor = Client()
    as_finance = Client(HTTP_AUTHORIZATION=f"Bearer {finance}")
    as_coproducer = Client(HTTP_AUTHORIZATION=f"Bearer {coproducer}")
    as_lead = Client(HTTP_AUTHORIZATION=f"Bearer {lead}")

    def url(name):
        address = reverse(f"api_v1:{name}") + "?limit=100"

        def fresh():
            # Each count notes the token's use (written at most once a minute), as the
            # first use of a minute does.
            ApiToken.objects.update(last_used_at=None)
            return address

        return fresh

    pages = {
        "updates": (visitor, url("updates")),
        "case studies": (visitor, url("case_studies")),
        "spotlight": (visitor, url("spotlight")),
        "opportunities": (visitor, url("opportunities")),
        "claims": (as_finance, url("claims")),
        "batches": (as_finance, url("batches")),
        "projects (co-producer)": (as_coproducer, url("projects")),
        "projects (lead)": (as_lead, url("projects")),
        "meetings (co-producer)": (as_coproducer, url("meetings")),
        "meetings (lead)": (as_lead, url("meetings")),
    }
    add_rows(people, 2)
    assert_queries_do_not_grow(pages, lambda: add_rows(people, 6))
