"""The security baseline: headers on every response, Argon2, and production
settings that pass `manage.py check --deploy` with no warnings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp
    assert "script-src 'self' 'nonce-" in csp
    assert "frame-ancestors 'none'" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_passwords_are_hashed_with_argon2():
    from coproduce import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_debug_is_off_unless_asked_for():
    from coproduce import settings as production

    assert production.DEBUG is (os.environ.get("DEBUG") == "1")


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DEBUG", "COPRODUCE_DEMO", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        },
        "DJANGO_SETTINGS_MODULE": "coproduce.settings",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
        "COPRODUCE_HTTPS": "1",
        # Without a key of its own, bank details hang on SECRET_KEY (warning coproduce.W001).
        "COPRODUCE_FIELD_KEY": "a-field-key-of-its-own-0123456789abcdef",
        "ALLOWED_HOSTS": "coproduce.example.org",
        "COPRODUCE_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_sign_in_is_throttled_after_repeated_failures(client, people):
    from django.core.cache import cache

    cache.clear()
    url = "/accounts/login/"
    for _ in range(5):
        client.post(url, {"login": people["staff"].email, "password": "wrong-password"})
    response = client.post(
        url, {"login": people["staff"].email, "password": "a-long-test-password"}
    )
    assert "Too many failed" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    cache.clear()


@pytest.mark.django_db
def test_sign_in_with_email_and_password(client, people):
    from django.core.cache import cache

    cache.clear()
    response = client.post(
        "/accounts/login/",
        {"login": people["staff"].email.upper(), "password": "a-long-test-password"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/home/"


def test_session_lasts_over_20_hours_and_renews_with_use():
    # WCAG 2.2.1 exempts time limits over 20 hours; the warning is shown anyway.
    assert settings.SESSION_COOKIE_AGE > 20 * 60 * 60
    assert "coproduce.lib.middleware.RenewSessionMiddleware" in settings.MIDDLEWARE
