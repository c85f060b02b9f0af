"""COPRODUCE_LOG_FORMAT=json: each log line is a JSON object carrying the id that the
response's X-Request-ID header also carries."""

import io
import json
import logging.config
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from coproduce.lib.logs import logging_settings


@pytest.fixture
def json_logs():
    """The JSON configuration, its lines read back from the console handler."""
    logging.config.dictConfig(logging_settings("json", "INFO"))
    written = io.StringIO()
    logging.getLogger().handlers[0].setStream(written)
    yield lambda: [json.loads(line) for line in written.getvalue().splitlines()]
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_a_json_log_line_carries_the_request_id_of_the_response(client, json_logs):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    lines = [line for line in json_logs() if line["logger"] == "django.request"]
    assert lines, "Django logs every 404"
    assert lines[0]["request_id"] == request_id
    assert lines[0]["level"] == "WARNING"
    assert "/no-such-page/" in lines[0]["message"]
    assert "time" in lines[0]


@pytest.mark.django_db
def test_a_forbidden_page_is_logged_with_its_request_id(client_as, json_logs):
    """Django logs a 403 it did not raise after the middleware has returned."""
    response = client_as("coproducer").get(reverse("insights:dashboard"))
    assert response.status_code == 403
    lines = [line for line in json_logs() if line["logger"] == "django.request"]
    assert [line["request_id"] for line in lines] == [response["X-Request-ID"]]


@pytest.mark.django_db
def test_a_proxy_s_request_id_is_kept(client, json_logs):
    response = client.get("/no-such-page/", headers={"X-Request-ID": "lb-7f3a9c21:0042"})
    assert response["X-Request-ID"] == "lb-7f3a9c21:0042"
    assert json_logs()[-1]["request_id"] == "lb-7f3a9c21:0042"


@pytest.mark.django_db
@pytest.mark.parametrize("sent", ["short", "x" * 129, "two words here", 'id"><script>'])
def test_a_malformed_request_id_is_replaced(client, sent):
    response = client.get("/no-such-page/", headers={"X-Request-ID": sent})
    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 32


def test_the_setting_chooses_json_and_refuses_other_formats():
    """The real settings, in a fresh process: json on request, text by default."""

    def formatter(log_format):
        code = (
            "import django, logging; django.setup(); "
            "print(type(logging.getLogger().handlers[0].formatter).__name__)"
        )
        env = {"DJANGO_SETTINGS_MODULE": "coproduce.settings", "COPRODUCE_LOG_FORMAT": log_format}
        return subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
        )

    assert formatter("json").stdout.strip() == "JsonFormatter"
    assert formatter("text").stdout.strip() == "Formatter"
    refused = formatter("xml")
    assert refused.returncode != 0
    assert "COPRODUCE_LOG_FORMAT must be one of text, json" in refused.stderr
