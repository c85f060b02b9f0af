"""The benchmark's own parts: the generated organisation looks like a real one, the
bench headers count queries, the bare view is there only in bench mode, and the report
reads the samples right."""

import random
from collections import Counter

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from django.utils import timezone

from coproduce.accounts.models import RoleAssignment, User
from coproduce.assessment.models import Answer
from coproduce.bench import dataset, pages, run
from coproduce.bench.middleware import BenchHeadersMiddleware, QueryCounter
from coproduce.bench.views import bare
from coproduce.learning.models import Completion
from coproduce.meetings.models import Arrangement, Attendance, Invitation, Meeting
from coproduce.meetings.models import Feedback as MeetingFeedback
from coproduce.opportunities.models import Application
from coproduce.payments.figures import timeliness
from coproduce.payments.models import Claim, Payment, Status
from coproduce.people.models import AccessPassport, EqualityMonitoring
from coproduce.projects.models import Project, TeamMember


@pytest.mark.django_db
def test_the_generated_organisation_has_realistic_shape():
    timings = dataset.generate(0.02, random.Random(3), log=lambda message: None)
    assert list(timings) == [
        "people",
        "projects",
        "opportunities",
        "meetings",
        "payments",
        "assessment",
        "learning",
        "budgets",
    ]  # app order
    people = User.objects.count()
    assert people == 400
    roles = Counter(RoleAssignment.objects.values_list("role", flat=True))
    assert roles["coproducer"] > 0.75 * people
    assert 0 < roles["lead"] < roles["staff"] < roles["coproducer"]
    assert 0.3 * people < AccessPassport.objects.count() < 0.6 * people
    assert 0.45 * people < EqualityMonitoring.objects.count() < 0.75 * people
    assert Project.objects.count() == 40
    for project in Project.objects.all():
        assert TeamMember.objects.filter(project=project, person=project.lead).exists()
    places = Counter(
        TeamMember.objects.filter(kind="coproducer").values_list("person_id", flat=True)
    )
    # A few people are on many teams, most on one or two.
    assert max(places.values()) >= 4 * sorted(places.values())[len(places) // 2]
    assert Application.objects.exists()
    # Meetings past and upcoming, most for a project; replies, attendance, checklists and
    # feedback (some anonymous, some raising a follow-up).
    now = timezone.now()
    assert Meeting.objects.count() == 800
    assert 0.7 < Meeting.objects.filter(starts_at__lt=now).count() / 800 < 0.95
    assert Meeting.objects.filter(project__isnull=True).exists()
    assert 5 * 800 < Invitation.objects.count() + Attendance.objects.count() < 15 * 800
    assert set(Invitation.objects.values_list("reply", flat=True)) >= {"yes", "no", "none"}
    assert not Attendance.objects.filter(meeting__starts_at__gt=now).exists()
    assert Arrangement.objects.exists() and MeetingFeedback.objects.filter(person=None).exists()
    assert MeetingFeedback.objects.filter(needs_follow_up=True, followed_up_at__isnull=False)
    # Claims in every state; paid ones have their payment, most within 14 days.
    assert Claim.objects.count() == 2000
    assert set(Claim.objects.values_list("status", flat=True)) == set(Status.values)
    paid = Claim.objects.filter(status=Status.PAID)
    assert paid.count() == Payment.objects.count()
    assert 0.75 < timeliness(paid).within / paid.count() < 0.95
    assert Answer.objects.count() > 1000 and Completion.objects.exists()


@pytest.mark.django_db
def test_bench_headers_count_each_query_and_the_time():
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("done")

    response = BenchHeadersMiddleware(view)(RequestFactory().get("/"))
    assert response["X-Bench-Queries"] == "2"
    assert response["X-Bench-Housekeeping"] == "0"
    assert response["Server-Timing"].startswith("app;dur=")
    assert float(response["Server-Timing"].split("dur=")[1]) >= 0


def test_the_bare_view_is_only_served_in_bench_mode():
    assert bare(RequestFactory().get("/bench/bare/")).content == b"ok"
    with pytest.raises(Resolver404):
        resolve("/bench/bare/")


def test_the_report_gives_median_p95_queries_and_bytes():
    raw = {
        "pages": {
            "project_list": {
                "server_ms": [float(n) for n in range(1, 101)],
                "queries": [12, 12, 14],
                "gzip_bytes": [3000, 3100, 3200],
                "errors": 1,
            },
            "sign_in": {"server_ms": [500.0], "queries": [5], "gzip_bytes": [], "errors": 0},
        },
        "requests": 104,
        "failures": 1,
        "seconds": 2.0,
    }
    report = run.summarise(raw)
    assert "sign_in" not in report["pages"]
    page = report["pages"]["project_list"]
    assert page["median_ms"] == 50.5
    assert page["p95_ms"] == 95.0
    assert (page["queries_min"], page["queries_max"]) == (12, 14)
    assert page["gzip_bytes"] == 3100
    assert report["requests_per_second"] == 52.0


def test_visits_that_worked_out_something_kept_are_reported_apart():
    raw = {
        "pages": {
            "today_staff": {
                "server_ms": [5.0, 40.0, 6.0, 5.0],
                "queries": [3, 12, 3, 3],
                "worked_out": [0, 1, 0, 0],
                "gzip_bytes": [3000],
                "errors": 0,
            },
            "today_lead": {
                "server_ms": [5.0, 50.0],
                "queries": [3, 16],
                "worked_out": [0, 1],
                "gzip_bytes": [3000],
                "errors": 0,
            },
        },
        "requests": 6,
        "failures": 0,
        "seconds": 1.0,
    }
    report = run.summarise(raw)
    staff, lead = report["pages"]["today_staff"], report["pages"]["today_lead"]
    assert (staff["queries_min"], staff["queries_max"]) == (3, 3)
    assert run.misses(staff) == []
    assert run.misses(lead) == ["queries"]  # the worked-out visit is still held to 15
    lines = run.worked_out_lines({"mixed": report})
    assert lines[1:] == [
        "  today_lead: 1 of 2, at most 16 queries",
        "  today_staff: 1 of 4, at most 12 queries",
    ]


def test_every_journey_page_exists():
    named = set(pages.VISITS) | set(pages.VISITS_ONE) | set(pages.API)
    named |= {"person_search", "display_settings"}
    for role, journey in pages.JOURNEYS.items():
        assert set(journey) <= named, f"{role}'s journey names pages the bench does not know"
    paths = list(pages.VISITS.values()) + [path for path, _ in pages.API.values()]
    paths += [path.format(1) for _, path in pages.VISITS_ONE.values()]
    for path in paths + ["/display-settings/", "/accounts/login/"]:
        resolve(path.split("?")[0])


def test_a_session_saved_again_or_a_token_use_noted_is_counted_apart():
    counter = QueryCounter()
    for sql in (
        "SELECT 1",
        "BEGIN",  # what SQLite sends before Django saves a session
        'UPDATE "django_session" SET "session_data" = %s WHERE "session_key" = %s',
        'UPDATE "api_apitoken" SET "last_used_at" = %s WHERE "api_apitoken"."id" = %s',
        'UPDATE "api_apitoken" SET "revoked_at" = %s WHERE "api_apitoken"."id" = %s',
    ):
        counter(lambda *args: None, sql, (), False, {})
    assert (counter.count, counter.housekeeping) == (5, 3)  # a revoke is the page's own


def test_a_logged_read_of_special_category_data_is_shown_beside_the_queries():
    counter = QueryCounter()
    for sql in (
        'SELECT "accounts_user"."id" FROM "accounts_user"',
        'INSERT INTO "privacy_readlog" ("viewer_id", "subject_id") VALUES (%s, %s)',
    ):
        counter(lambda *args: None, sql, (), False, {})
    assert (counter.count, counter.read_logged) == (2, 1)
    raw = {
        "pages": {
            "person_detail": {
                "server_ms": [10.0, 11.0, 12.0],
                "queries": [12, 12, 12],
                "read_logged": [1, 0, 1],
                "gzip_bytes": [3000],
                "errors": 0,
            },
            "project_detail": {
                "server_ms": [10.0, 11.0],
                "queries": [15, 15],
                "read_logged": [0, 1],
                "gzip_bytes": [3000],
                "errors": 0,
            },
        },
        "requests": 5,
        "failures": 0,
        "seconds": 1.0,
    }
    report = run.summarise(raw)
    person, project = report["pages"]["person_detail"], report["pages"]["project_detail"]
    assert run.misses(person) == []
    assert run.queries_text(person) == "12+1"
    assert run.misses(project) == ["queries"]  # 15 and a logged read is 16
    assert run.read_logged_lines({"mixed": report})[1:] == [
        "  person_detail: 2 of 3 visits",
        "  project_detail: 1 of 2 visits",
    ]


def test_a_page_several_roles_open_is_measured_per_role():
    assert pages.sample_name("meeting_detail", "staff") == "meeting_detail:staff"
    assert pages.sample_name("display_settings_post", "coproducer") == (
        "display_settings_post:coproducer"
    )
    assert pages.sample_name("dashboard", "lead") == "dashboard"  # the lead's alone
    assert pages.sample_name("today_staff", "staff") == "today_staff"


def test_first_visits_open_each_page_of_a_journey_once():
    ids = {"objects": {"staff": {"project": [7, 8], "person": [], "meeting": [3]}}}
    visited = dict(pages.first_visits("staff", ids))
    assert visited["project_detail:staff"] == "/projects/7/"
    assert visited["meeting_detail:staff"] == "/meetings/3/"
    assert "person_detail" not in visited  # no person to open
    assert visited["today_staff"] == "/home/"
    assert not any(name.startswith(("person_search", "display_settings")) for name in visited)


def test_costly_first_visits_are_reported_beside_the_steady_state():
    steady = {"dashboard": {"queries_max": 7}, "learning": {"queries_max": 8}}
    result = {
        "mixed": {"pages": steady},
        "first_visits": [
            {"role": "lead", "page": "dashboard", "server_ms": 48.0, "queries": 61},
            {"role": "lead", "page": "learning", "server_ms": 35.0, "queries": 8},
            {"role": "lead", "page": "involvement_budget", "server_ms": 745.0, "queries": 7},
        ],
    }
    lines = run.first_visits_lines(result)
    assert lines[1:] == [
        "  dashboard as lead: 48 ms, 61 queries",
        "  involvement_budget as lead: 745 ms, 7 queries",
    ]
    quiet = {**result, "first_visits": result["first_visits"][1:2]}
    assert run.first_visits_lines(quiet)[0].startswith("No first visit")


@pytest.mark.django_db
def test_bench_data_makes_accounts_that_can_sign_in_and_ids_for_each_journey(tmp_path, client):
    import json

    from django.core.management import call_command

    ids = tmp_path / "ids.json"
    call_command(
        "bench_data", scale=0.01, password="bench-test-password", ids=str(ids), stdout=None
    )
    found = json.loads(ids.read_text())
    assert client.login(email=found["accounts"]["staff"], password="bench-test-password")
    assert client.login(email=found["accounts"]["finance"], password="bench-test-password")
    assert client.get("/home/").status_code == 200
    coproducer = User.objects.get(email=found["accounts"]["coproducer"])
    assert TeamMember.objects.filter(person=coproducer).count() == 8
    assert found["objects"]["staff"]["person"] and found["objects"]["coproducer"]["project"]
    visible = Project.objects.filter(pk__in=found["objects"]["coproducer"]["project"])
    for project in visible:
        assert project.visibility == "public" or project.team.filter(person=coproducer).exists()
    # The API's lists in the load read with these tokens.
    for role, path in (("coproducer", "/api/v1/projects"), ("finance", "/api/v1/claims")):
        token = found["api"][role]
        assert client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


@pytest.mark.django_db
def test_bench_data_refuses_a_database_that_already_has_people(tmp_path, people):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="empty database only"):
        call_command("bench_data", scale=0.01, password="x", ids=str(tmp_path / "ids.json"))
    assert not (tmp_path / "ids.json").exists()
