"""Every URL name × every role → the response it must get. A URL with no row
fails the test, so a new page cannot be added without deciding who may see it."""

from importlib import import_module
from importlib.util import find_spec
from urllib.parse import urlparse

import pytest
from django.apps import apps
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from coproduce.tests.authorisation import LOGIN, ROLES, is_private


def url_names(patterns=None, namespace=None):
    """Every named URL pattern in the project, except the superuser-only Django admin."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = pattern.namespace if not namespace else f"{namespace}:{pattern.namespace}"
            yield from url_names(pattern.url_patterns, inner if pattern.namespace else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def app_modules():
    for config in apps.get_app_configs():
        module_name = f"{config.name}.tests.authorisation"
        if (
            config.name.startswith("coproduce.")
            and find_spec(f"{config.name}.tests")
            and find_spec(module_name)
        ):
            yield import_module(module_name)


def table():
    rows = {}
    for module in app_modules():
        overlap = rows.keys() & module.ROWS.keys()
        assert not overlap, f"URL names with two rows: {sorted(overlap)}"
        rows.update(module.ROWS)
    return rows


def cases():
    """(URL name, row) for every row of the table and every further case in CASES."""
    yield from table().items()
    for module in app_modules():
        for name, rows in getattr(module, "CASES", {}).items():
            for row in rows:
                yield name, row


def fixtures_for(people):
    fixtures = {"people": people}
    for module in app_modules():
        if hasattr(module, "sample_objects"):
            fixtures.update(module.sample_objects(people))
    return fixtures


def url_for(name, row, fixtures):
    return reverse(name, kwargs=row.kwargs(fixtures) if row.kwargs else None)


def test_every_url_name_has_a_row():
    rows = table()
    missing = sorted(set(url_names()) - rows.keys())
    assert not missing, f"URL names with no row in any app's tests/authorisation.py: {missing}"
    stale = sorted(rows.keys() - set(url_names()))
    assert not stale, f"Rows for URL names that no longer exist: {stale}"
    for name, row in cases():
        assert name in rows, f"A further case for {name}, which has no row"
        assert set(row.expect) == set(ROLES), f"{name} must say what happens for every role"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_table_says(role, client_as, people):
    client = client_as(role)
    fixtures = fixtures_for(people)
    login_path = resolve_url(settings.LOGIN_URL)
    wrong = []
    for name, row in sorted(cases(), key=lambda case: case[0]):
        url = url_for(name, row, fixtures)
        response = client.get(url)
        expected = row.expect[role]
        if expected == LOGIN:
            got_login = (
                response.status_code == 302 and urlparse(response["Location"]).path == login_path
            )
            if not got_login:
                wrong.append(
                    f"{name} ({url}): expected a redirect to sign in, got {response.status_code}"
                )
        elif response.status_code != expected:
            wrong.append(f"{name} ({url}): expected {expected}, got {response.status_code}")
        elif expected == 302 and urlparse(response["Location"]).path == login_path:
            wrong.append(f"{name} ({url}): expected a redirect, but it went to the sign-in page")
        if role != "anonymous" and not is_private(response):
            wrong.append(f"{name} ({url}): a cache may keep it ({response.get('Cache-Control')})")
    assert not wrong, f"As {role}:\n" + "\n".join(wrong)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_only_superusers_reach_the_django_admin(role, client_as):
    response = client_as(role).get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
