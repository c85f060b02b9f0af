"""Two app servers, one PostgreSQL, one Redis: what several machines behind a load
balancer do. Someone signs in through server A and server B knows them; a task queued
by A is run by a separate worker process. Always on PostgreSQL and Redis, in both
passes of `make test`; if either cannot be reached the test fails."""

import http.cookiejar
import re
import subprocess
import sys
import urllib.parse
import urllib.request
import uuid

import pytest

from coproduce.bench import servers

PASSWORD = "two-servers-password-2026"
EMAIL = "two.servers@example.org"
REDIS_DB = 14

CREATE_PERSON = f"""
from allauth.account.models import EmailAddress
from coproduce.accounts.models import RoleAssignment, User
user = User.objects.create_user(email="{EMAIL}", password="{PASSWORD}", name="Ada Twoservers")
RoleAssignment.objects.create(user=user, role="staff")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
"""


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser_like():
    """An HTTP client with one cookie jar; cookies do not depend on the port, so the jar
    carries A's session cookie to B, as a browser would behind a load balancer."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirects)
    return jar, opener


def fetch(opener, url, data=None, referer=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body)  # noqa: S310
    if referer:
        request.add_header("Referer", referer)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def csrf_token(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "The form has no CSRF token"
    return match.group(1)


def sent_emails(folder):
    return [path.read_text() for path in folder.glob("*.log")] if folder.exists() else []


@pytest.mark.postgres
def test_a_session_and_a_queued_task_cross_between_two_app_servers(tmp_path):
    name = f"coproduce_two_servers_{uuid.uuid4().hex[:8]}"
    redis = servers.redis_client(REDIS_DB)
    redis.flushdb()
    emails = tmp_path / "emails"
    app_servers = []
    try:
        env = servers.app_env(
            DATABASE_URL=servers.create_database(name),
            REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
            COPRODUCE_SESSION_STORE="cache",
            COPRODUCE_TASK_QUEUE="redis",
            COPRODUCE_VAR_DIR=tmp_path / "var",
            SECRET_KEY="two-servers-secret-key-" + uuid.uuid4().hex,
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=emails,
            CONN_MAX_AGE=60,
        )
        servers.manage("migrate", "--noinput", env=env)
        servers.manage("shell", "-c", CREATE_PERSON, env=env)
        a, b = (servers.AppServer(env, log_path=tmp_path / f"{label}.log") for label in ("a", "b"))
        app_servers += [a, b]
        a.wait_until_healthy()
        b.wait_until_healthy()
        assert a.port != b.port

        # Signed in through A.
        jar, opener = browser_like()
        status, _, html = fetch(opener, f"{a.url}/accounts/login/")
        assert status == 200
        status, headers, _ = fetch(
            opener,
            f"{a.url}/accounts/login/",
            {"login": EMAIL, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(html)},
            referer=f"{a.url}/accounts/login/",
        )
        assert status == 302, "A did not sign the person in"
        assert "sessionid" in {cookie.name for cookie in jar}

        # B knows them: their own home page, not the sign-in page.
        status, _, html = fetch(opener, f"{b.url}/home/")
        assert status == 200
        assert "Ada Twoservers" in html
        # ...because of the session, not by chance: without the cookie B sends them to sign in.
        _, stranger = browser_like()
        status, headers, _ = fetch(stranger, f"{b.url}/home/")
        assert status == 302 and "/accounts/login/" in headers["Location"]

        # A queues the emails for a contact message; nothing is sent by A itself.
        _, visitor = browser_like()
        status, _, html = fetch(visitor, f"{a.url}/contact/")
        status, headers, _ = fetch(
            visitor,
            f"{a.url}/contact/",
            {
                "csrfmiddlewaretoken": csrf_token(html),
                "name": "Grace Visitor",
                "email": "grace@example.org",
                "topic": "other",
                "message": "Hello from server A",
                "reply_preference": "email",
            },
            referer=f"{a.url}/contact/",
        )
        assert status == 302, html
        assert headers["Location"].endswith("/contact/sent/")
        assert redis.llen("rq:queue:default") == 2
        assert sent_emails(emails) == []

        # The worker beside B runs them.
        worker = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "rqworker",
                "default",
                "--burst",
                "--job-class",
                "django_tasks_rq.Job",
            ],
            cwd=servers.ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert worker.returncode == 0, worker.stderr
        sent = sent_emails(emails)
        assert any("We have your message" in mail and "grace@example.org" in mail for mail in sent)
        assert any("Hello from server A" in mail for mail in sent)
        assert redis.llen("rq:queue:default") == 0
    finally:
        for server in app_servers:
            server.stop()
        redis.flushdb()
        servers.drop_database(name)
