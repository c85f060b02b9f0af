"""With SENTRY_DSN set, an error in a view reaches Sentry (here a fake of it on
127.0.0.1) saying what broke, and nothing about whose data it was: no cookies, no request
body, no email address, no local variables."""

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli
import pytest
import sentry_sdk

from coproduce.lib.error_reports import start_error_reports

PASSPORT = "Uses a wheelchair; anxious in crowds"


@pytest.fixture
def fake_sentry():
    """An HTTP server on 127.0.0.1 that keeps every envelope posted to it."""
    received = []

    class Envelopes(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            encoding = self.headers.get("Content-Encoding")
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "br":
                body = brotli.decompress(body)
            received.append((self.path, body.decode()))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Envelopes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    start_error_reports(f"http://public@127.0.0.1:{server.server_port}/1")
    yield received
    sentry_sdk.init()  # no DSN: the SDK sends nothing in the tests that follow
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
@pytest.mark.urls("coproduce.lib.tests.broken_urls")
def test_an_error_arrives_without_cookies_body_or_email(client_as, people, fake_sentry):
    client = client_as("coproducer")
    client.raise_request_exception = False
    session_id = client.cookies["sessionid"].value

    response = client.post("/broken/?email=coproducer@example.org", {"passport": PASSPORT})
    assert response.status_code == 500
    sentry_sdk.flush(timeout=10)

    events = [body for path, body in fake_sentry if path == "/api/1/envelope/"]
    assert events, "the error was reported"
    everything = "\n".join(events)
    assert "RuntimeError" in everything
    assert "/broken/" in everything
    for secret in (people["coproducer"].email, session_id, "sessionid", PASSPORT, "wheelchair"):
        assert secret not in everything, secret
    event = json.loads(events[0].splitlines()[2])
    assert "user" not in event
    assert set(event["request"]) <= {"method", "url"}
    assert "value" not in event["exception"]["values"][0]
    assert not [
        frame
        for frame in event["exception"]["values"][0]["stacktrace"]["frames"]
        if "vars" in frame
    ]
    assert event["tags"]["request_id"] == response["X-Request-ID"]


def settings_in_a_fresh_process(environment):
    code = (
        "import django, sentry_sdk; django.setup(); client = sentry_sdk.get_client(); "
        "print(client.is_active(), client.options['send_default_pii'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "coproduce.settings", **environment},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


def test_error_reports_are_off_unless_a_dsn_is_set():
    environment = {key: value for key, value in os.environ.items() if key != "SENTRY_DSN"}
    assert settings_in_a_fresh_process({**environment, "SENTRY_DSN": ""})[0] == "False"
    on = settings_in_a_fresh_process({"SENTRY_DSN": "http://public@127.0.0.1:9/1"})
    assert on == ["True", "False"]
