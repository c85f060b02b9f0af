"""The API: tokens refused when they should be, each scope reading what it should and
nothing more, suppression as on the dashboard, bad input answered with a problem."""

import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from coproduce.api import actions, secrets
from coproduce.api.models import ApiToken
from coproduce.api.tests.factories import make_token
from coproduce.insights.compute import compute_all
from coproduce.insights.periods import preset_period
from coproduce.lib import changes, figures
from coproduce.lib.figures import Figure, Row
from coproduce.lib.suppression import suppress
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    cache.clear()


def get(client, name, token=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    kwargs = params.pop("kwargs", None)
    return client.get(reverse(f"api_v1:{name}", kwargs=kwargs), params, **headers)


def is_problem(response, status):
    return (
        response.status_code == status
        and response["Content-Type"] == "application/problem+json"
        and json.loads(response.content)["status"] == status
    )


# ---- tokens ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_noting_a_tokens_use_keeps_everyones_today(client, people):
    """An integration calling once a minute must not throw away every kept Today."""
    record, token = make_token(person=people["coproducer"], scopes=["own_data"])
    before = changes.current()
    assert get(client, "me", token).status_code == 200
    record.refresh_from_db()
    assert record.last_used_at is not None
    assert changes.current() == before


def test_a_token_is_stored_hashed_and_works_until_revoked(client, people):
    record, token = make_token(person=people["coproducer"], scopes=["own_data"])
    assert token not in record.digest and record.digest == secrets.digest(token)
    assert token.startswith(f"cp_{record.prefix}_")
    response = get(client, "me", token)
    assert response.status_code == 200
    assert response.json()["email"] == people["coproducer"].email
    record.refresh_from_db()
    assert record.last_used_at is not None
    actions.revoke_token(token=record, by=people["coproducer"])
    assert is_problem(get(client, "me", token), 401)


def test_an_expired_a_wrong_or_a_missing_token_is_refused(client, people):
    record, token = make_token(person=people["coproducer"], scopes=["own_data"])
    ApiToken.objects.filter(pk=record.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert is_problem(get(client, "me", token), 401)
    _, other = make_token(person=people["coproducer"], scopes=["own_data"])
    assert is_problem(get(client, "me", other[:-2] + "xx"), 401)
    assert is_problem(get(client, "me", "not-a-token"), 401)
    response = get(client, "me")
    assert is_problem(response, 401) and response["WWW-Authenticate"] == "Bearer"


def test_a_personal_token_holds_no_more_than_the_persons_roles(people):
    with pytest.raises(ValidationError):
        make_token(person=people["coproducer"], scopes=["finance"])
    with pytest.raises(ValidationError):
        make_token(person=people["coproducer"], scopes=["figures"])
    record, _ = make_token(person=people["finance"], scopes=["finance", "own_data"])
    assert record.scopes == ["finance", "own_data"]
    with pytest.raises(ValidationError):
        make_token(by=people["administrator"], scopes=["own_data"])


def test_a_person_who_loses_a_role_loses_what_their_token_read(client, people):
    person = people["finance"]
    _, token = make_token(person=person, scopes=["finance"])
    assert get(client, "claims", token).status_code == 200
    person.role_assignments.all().delete()
    person.refresh_from_db()
    assert is_problem(get(client, "claims", token), 403)


# What each token reads: status by endpoint. Personal tokens act as their person; the
# organisation's hold the named scopes only.
# Every endpoint for every scope: public content answers any token (and none); the rest
# answers 200 only to the scopes listed here, 403 to every other token.
PUBLIC_ENDPOINTS = ("updates", "case_studies", "spotlight", "opportunities",
                    "accessibility_statement")  # fmt: skip
TOKEN_ENDPOINTS = ("figures", "projects", "project_ladder", "meetings", "claims", "batches", "me")
SCOPE_TABLE = {
    "own_data (co-producer)": ({"person": "coproducer", "scopes": ["own_data"]}, {"me"}),
    "projects (co-producer)": (
        {"person": "coproducer", "scopes": ["projects"]},
        {"projects", "project_ladder"},
    ),
    "meetings (co-producer)": ({"person": "coproducer", "scopes": ["meetings"]}, {"meetings"}),
    "public content (co-producer)": ({"person": "coproducer", "scopes": ["public"]}, set()),
    "figures (lead)": ({"person": "lead", "scopes": ["figures"]}, {"figures"}),
    "finance (finance)": ({"person": "finance", "scopes": ["finance"]}, {"claims", "batches"}),
    "organisation figures": ({"by": "administrator", "scopes": ["figures"]}, {"figures"}),
    "organisation finance": (
        {"by": "administrator", "scopes": ["finance"]},
        {"claims", "batches"},
    ),
    "organisation public content": ({"by": "administrator", "scopes": ["public"]}, set()),
}


@pytest.mark.parametrize("case", SCOPE_TABLE)
def test_each_scope_reads_what_it_should_and_nothing_more(case, client, people):
    who, allowed = SCOPE_TABLE[case]
    owner = {key: people[value] for key, value in who.items() if key in ("person", "by")}
    _, token = make_token(scopes=who["scopes"], **owner)
    # A project the co-producer works on, so the ladder answers when the scope allows it.
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    kwargs = {"project_ladder": {"project_id": project.pk}}
    got = {
        name: get(client, name, token, kwargs=kwargs.get(name)).status_code
        for name in PUBLIC_ENDPOINTS + TOKEN_ENDPOINTS
    }
    expected = {name: 200 for name in PUBLIC_ENDPOINTS} | {
        name: 200 if name in allowed else 403 for name in TOKEN_ENDPOINTS
    }
    assert got == expected


def test_the_scope_table_names_every_endpoint():
    from coproduce.api.tests.authorisation import ROWS

    endpoints = {name.removeprefix("api_v1:") for name in ROWS if name.startswith("api_v1:")}
    assert endpoints - {"openapi-json", "api-root"} == set(PUBLIC_ENDPOINTS + TOKEN_ENDPOINTS)


def test_a_personal_token_reads_its_own_person_only(client, people):
    _, token = make_token(person=people["staff"], scopes=["own_data"])
    assert get(client, "me", token).json()["id"] == people["staff"].pk


def test_joining_details_only_for_people_invited(client, people):
    invited_to = make_meeting(organiser=people["staff"], title="Invited")
    make_meeting(organiser=people["staff"], title="Not invited", days=11)
    meeting_actions.invite(
        meeting=invited_to, people=[people["coproducer"]], invited_by=people["staff"]
    )
    _, token = make_token(person=people["coproducer"], scopes=["meetings"])
    rows = get(client, "meetings", token).json()["items"]
    assert [(row["title"], row["joining_details"]) for row in rows] == [
        ("Invited", "https://meet.example.org/planning")
    ]
    # A co-lead also sees every meeting of their project, but not how to join one they
    # are not invited to.
    from coproduce.projects.tests.factories import make_co_lead

    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    make_co_lead(project, people["coproducer"])
    make_meeting(organiser=people["staff"], title="Co-led", project=project, days=12)
    rows = get(client, "meetings", token).json()["items"]
    assert [(row["title"], row["joining_details"]) for row in rows] == [
        ("Invited", "https://meet.example.org/planning"),
        ("Co-led", None),
    ]
    _, lead_token = make_token(person=people["lead"], scopes=["meetings"])
    rows = get(client, "meetings", lead_token).json()["items"]
    assert {row["title"]: row["joining_details"] for row in rows} == {
        "Invited": None,
        "Not invited": None,
        "Co-led": None,
    }


# ---- figures --------------------------------------------------------------------------


def _small_counts(period, viewer):
    shown, total = suppress({"Group A": 2, "Group B": 11, "Group C": 30})
    return Figure(
        title="People by group",
        summary="By group.",
        value=total,
        unit="people",
        rows=tuple(Row(label=label, value=value) for label, value in shown.items()),
    )


@pytest.fixture
def small_figure():
    figures.register("api_test.small", "review", _small_counts, order=999)
    yield
    figures._SOURCES.pop("api_test.small")


def test_figures_are_suppressed_exactly_as_on_the_dashboard(client, people, small_figure):
    _, token = make_token(person=people["lead"], scopes=["figures"])
    response = get(client, "figures", token, period="12m", area="review")
    assert response.status_code == 200
    got = {figure["key"]: figure for figure in response.json()}
    small = got["api_test.small"]
    # "Group A" is under the floor; "Group B", the next smallest, is hidden with it.
    assert [(row["label"], row["value"]) for row in small["rows"]] == [
        ("Group A", None),
        ("Group B", None),
        ("Group C", 30.0),
    ]
    # Every figure the API gives is the dashboard's own, value for value.
    dashboard = {
        shown.key: shown.figure
        for _, _, area in compute_all(preset_period("12m"), people["lead"])
        for shown in area
        if shown.figure is not None and shown.area == "review"
    }
    assert got.keys() == dashboard.keys()
    for key, figure in dashboard.items():
        assert [row["value"] for row in got[key]["rows"]] == [
            None if row.value is None else float(row.value) for row in figure.rows
        ]


# ---- bad input, paging and limits -----------------------------------------------------


@pytest.mark.parametrize(
    "name, params",
    [
        ("updates", {"limit": "1000"}),
        ("updates", {"limit": "many"}),
        ("updates", {"limit": "0"}),
        ("figures", {"period": "forever"}),
        ("figures", {"area": "kitchen"}),
        ("claims", {"status": "stolen"}),
    ],
)
def test_wrong_types_and_ranges_get_a_problem_not_a_500(name, params, client, people):
    _, token = make_token(person=people["lead"], scopes=["figures", "finance"])
    response = get(client, name, token, **params)
    assert is_problem(response, 400), response.content
    assert response.json()["detail"]


@pytest.mark.parametrize("project_id", ["99999999999999999999", "-1", "abc"])
def test_out_of_range_ids_get_a_problem(project_id, client, people):
    _, token = make_token(person=people["lead"], scopes=["projects"])
    response = client.get(
        f"/api/v1/projects/{project_id}/ladder", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/problem+json"


def test_a_project_not_visible_to_the_person_is_not_found(client, people):
    from coproduce.projects.tests.factories import make_project

    hidden = make_project(lead=people["staff"])
    _, token = make_token(person=people["coproducer"], scopes=["projects"])
    response = get(client, "project_ladder", token, kwargs={"project_id": hidden.pk})
    assert is_problem(response, 404)
    _, lead_token = make_token(person=people["lead"], scopes=["projects"])
    response = get(client, "project_ladder", lead_token, kwargs={"project_id": hidden.pk})
    assert response.status_code == 200 and response.json()


def test_lists_are_keyset_pages(client, people):
    from coproduce.site.tests.helpers import make_update

    for number in range(5):
        make_update(title=f"Update {number}", slug=f"update-{number}")
    first = get(client, "updates", limit=2).json()
    second = get(client, "updates", limit=2, after=first["next"]).json()
    third = get(client, "updates", limit=2, after=second["next"]).json()
    titles = [row["title"] for page in (first, second, third) for row in page["items"]]
    assert sorted(titles) == [f"Update {n}" for n in range(5)]
    assert third["next"] is None and first["previous"] is None
    # A cursor that cannot be read gives the first page.
    assert get(client, "updates", limit=2, after="nonsense").json() == first


def test_each_token_has_its_own_rate_limit(client, people, settings):
    settings.COPRODUCE_API_REQUESTS_PER_MINUTE = 2
    _, token = make_token(person=people["coproducer"], scopes=["own_data"])
    _, other = make_token(person=people["staff"], scopes=["own_data"])
    assert [get(client, "me", token).status_code for _ in range(2)] == [200, 200]
    response = get(client, "me", token)
    assert is_problem(response, 429) and response["Retry-After"] == "60"
    assert get(client, "me", other).status_code == 200


# ---- the description and its page ----------------------------------------------------


def test_the_openapi_description_is_valid_and_lists_every_operation(client):
    from openapi_spec_validator import validate

    response = client.get("/api/v1/openapi.json")
    description = response.json()
    validate(description)
    assert description["openapi"].startswith("3.")
    assert description["info"]["version"] == "1"
    operations = {
        op["operationId"]: (path, op)
        for path, ops in description["paths"].items()
        for op in ops.values()
    }
    assert set(operations) >= {"updates", "figures", "claims", "me", "project_ladder"}
    for _path, operation in operations.values():
        assert "200" in operation["responses"]
    assert description["paths"]["/api/v1/me"]["get"]["security"]
    assert "security" not in description["paths"]["/api/v1/updates"]["get"]


def test_the_documentation_page_is_written_from_the_description(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    page = response.content.decode()
    for path in ("/api/v1/updates", "/api/v1/figures", "/api/v1/claims"):
        assert path in page
    assert "swagger" not in page.lower()


# ---- the pages ------------------------------------------------------------------------


def test_a_coproducer_makes_a_token_sees_it_once_and_revokes_it(client_as, people):
    client = client_as("coproducer")
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(
        reverse("api:token_create"),
        {"name": "My calendar", "scopes": ["own_data"], "expires_on": expires},
    )
    assert response.status_code == 200
    record = ApiToken.objects.get(person=people["coproducer"])
    secret = response.context["secret"]
    assert secret in response.content.decode() and secrets.matches(secret, record.digest)
    listing = client.get(reverse("api:token_list")).content.decode()
    assert "My calendar" in listing and secret not in listing
    response = client.post(reverse("api:token_revoke", args=[record.pk]))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.revoked_at is not None and record.revoked_by == people["coproducer"]


def test_a_coproducer_cannot_choose_a_scope_beyond_their_roles(client_as, people):
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client_as("coproducer").post(
        reverse("api:token_create"),
        {"name": "Sneaky", "scopes": ["finance"], "expires_on": expires},
    )
    assert response.status_code == 200 and "form" in response.context
    assert not ApiToken.objects.exists()


def test_a_staff_side_role_needs_two_factor_authentication_for_a_token(client_as, people):
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client_as("finance").post(
        reverse("api:token_create"),
        {"name": "Finance system", "scopes": ["finance"], "expires_on": expires},
    )
    assert response.status_code == 200
    assert "api/second_factor_needed.html" in [t.name for t in response.templates]
    assert not ApiToken.objects.exists()


def test_an_administrator_with_two_factor_makes_an_organisation_token(client_as, people):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=people["administrator"], type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client_as("administrator").post(
        reverse("api:organisation_token_create"),
        {"name": "Council reporting", "scopes": ["figures", "public"], "expires_on": expires},
    )
    assert response.status_code == 200, response.content
    record = ApiToken.objects.get()
    assert record.person is None and sorted(record.scopes) == ["figures", "public"]


def test_figures_read_through_a_personal_token_are_in_the_read_log(client, people):
    from coproduce.privacy.models import ReadLog

    _, token = make_token(person=people["lead"], scopes=["figures"])
    assert get(client, "figures", token).status_code == 200
    assert ReadLog.objects.filter(viewer=people["lead"], what="equality").exists()


def test_an_organisation_token_reads_no_restricted_figures(client, people):
    from coproduce.privacy.models import ReadLog

    _, token = make_token(by=people["administrator"], scopes=["figures"])
    assert get(client, "figures", token).status_code == 200
    assert not ReadLog.objects.filter(what="equality").exists()


def test_each_batch_says_how_many_claims_it_holds(client, people):
    from coproduce.payments import actions as payment_actions
    from coproduce.payments.tests.factories import make_claim

    claims = [make_claim(claimant=people["coproducer"], days_ago=days) for days in (3, 4, 5)]
    for claim in claims:
        payment_actions.submit(claim=claim, by=people["coproducer"])
        payment_actions.approve(claim=claim, by=people["lead"])
    first = payment_actions.create_batch(claims=claims[:2], by=people["finance"])
    second = payment_actions.create_batch(claims=claims[2:], by=people["finance"])
    _, token = make_token(person=people["finance"], scopes=["finance"])
    rows = get(client, "batches", token).json()["items"]
    assert {row["id"]: row["claims"] for row in rows} == {first.pk: 2, second.pk: 1}
