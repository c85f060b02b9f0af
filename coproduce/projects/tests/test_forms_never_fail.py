"""Whatever is typed into the project forms, the answer is a page, never a server error."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db

text = st.one_of(
    st.text(max_size=200), st.sampled_from(["", "2026-02-30", "-1", "x" * 3000, "\x00"])
)
FORMS = {
    "projects:project_edit": [
        "title",
        "purpose",
        "summary",
        "lead",
        "status",
        "visibility",
        "starts_on",
        "ends_on",
    ],
    "projects:declare_rung": ["rung", "reason"],
    "projects:team": ["person", "kind", "role"],
    "projects:decision_create": ["what", "why", "stage", "meeting", "closes_on"],
    "projects:feedback_create": ["said", "source", "said_on", "said_by", "anonymous", "public"],
}


@pytest.mark.parametrize("url_name", FORMS)
def test_project_forms(people, url_name):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    client = Client()
    client.force_login(people["staff"])
    url = reverse(url_name, args=[project.pk])

    @given(st.fixed_dictionaries({field: text for field in FORMS[url_name]}))
    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    def post_anything(data):
        assert client.post(url, data).status_code in (200, 302)

    post_anything()


def test_say_something_form(people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]], title="Say")
    client = Client()
    client.force_login(people["coproducer"])
    url = reverse("projects:feedback_create", args=[project.pk])

    @given(said=text, anonymous=text)
    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    def post_anything(said, anonymous):
        assert client.post(url, {"said": said, "anonymous": anonymous}).status_code in (200, 302)

    post_anything()
