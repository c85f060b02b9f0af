"""No input, however odd, gives a server error on any people or privacy form."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

text = st.text(max_size=400)
values = st.one_of(
    text,
    st.lists(text, max_size=3),
    st.sampled_from(["yes", "no", "bsl", "full", "none", "prefer_not"]),
)
FORMS = {
    "people:edit_profile": [
        "name",
        "pronouns",
        "phone",
        "address",
        "contact_methods",
        "formats",
        "lived_experience",
        "interests",
        "skills",
        "payment_preference",
        "emergency_contact_phone",
    ],
    "people:edit_passport": [
        "requirements",
        "dietary",
        "other_arrangements",
        "own_words",
        "sharing",
    ],
    "people:my_consent": ["contact", "share_access", "photos", "case_studies"],
    "people:my_equality": ["age_band", "ethnicity", "gender", "delete"],
    "people:add_supporter": ["name", "relationship", "email", "phone", "copy_in", "copy_topics"],
    "people:join": ["name", "email", "phone", "interests", "about", "website"],
    "privacy:request_new": ["email", "kind", "received_on", "note"],
}
LOOSE = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))


def post_as(user, url_name, data):
    client = Client()
    if user:
        client.force_login(user)
    cache.clear()  # the join form's rate limit would otherwise stop the examples
    return client.post(reverse(url_name), data)


@pytest.mark.parametrize("url_name", FORMS)
def test_no_server_error_on_any_input(url_name, people):
    user = people["administrator"] if url_name.startswith("privacy") else people["coproducer"]

    @LOOSE
    @given(st.fixed_dictionaries({}, optional={name: values for name in FORMS[url_name]}))
    def check(data):
        response = post_as(None if url_name == "people:join" else user, url_name, data)
        assert response.status_code in (200, 302, 429), response.status_code

    check()


def test_no_server_error_on_staff_forms(people):
    from coproduce.projects.tests.factories import make_project

    person = people["coproducer"]
    make_project(lead=people["lead"], coproducers=[person])  # the lead works with them

    @LOOSE
    @given(
        st.dictionaries(
            st.sampled_from(["name", "reason", "sharing", "requirements", "contact", "decision"]),
            values,
            max_size=5,
        )
    )
    def check(data):
        client = Client()
        client.force_login(people["lead"])
        for url in (
            reverse("people:assist_profile", args=[person.pk]),
            reverse("people:assist_passport", args=[person.pk]),
            reverse("people:assist_consent", args=[person.pk]),
        ):
            assert client.post(url, data).status_code in (200, 302)

    check()


@LOOSE
@given(
    headers=st.lists(st.text(max_size=30), min_size=1, max_size=6),
    rows=st.lists(st.lists(st.text(max_size=60), min_size=0, max_size=8), max_size=8),
    mapping=st.dictionaries(
        st.sampled_from(["name", "email", "phone", "access_notes"]),
        st.one_of(st.text(max_size=3), st.integers(-3, 9).map(str)),
        max_size=4,
    ),
)
def test_column_mapping_and_row_checks_never_crash(headers, rows, mapping):
    from coproduce.people import importing

    form = importing.MappingForm(mapping, headers=headers)
    if form.is_valid():
        clean = {field: value for field, value in form.cleaned_data.items() if value}
        width = len(headers)
        seen = {}
        for number, row in enumerate(rows, start=2):
            data = importing.map_row((row + [""] * width)[:width], clean)
            problems = importing.check_row(data, seen, set())
            assert all(isinstance(problem, str) and problem for problem in problems)
            seen.setdefault(data["email"].lower(), number)
