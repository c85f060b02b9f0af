import json

import pytest
from django.urls import reverse

from coproduce.lib import health


@pytest.mark.django_db
def test_health_says_ok_without_sign_in_in_one_query(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert not response.cookies.get("sessionid")


@pytest.mark.django_db
def test_health_names_the_failing_part_but_not_the_error(client, monkeypatch):
    def broken():
        raise ConnectionError("redis://secret-host:6379 refused")

    monkeypatch.setitem(health.CHECKS, "cache", broken)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    body = response.content.decode()
    assert json.loads(body) == {"status": "failing", "database": "ok", "cache": "failing"}
    assert "secret-host" not in body


@pytest.mark.django_db
def test_health_only_answers_reads(client):
    assert client.post(reverse("health")).status_code == 405
