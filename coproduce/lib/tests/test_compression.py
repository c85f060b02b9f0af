"""Pages are compressed by the app itself, so `make run` (gunicorn with no proxy in
front) sends them compressed too; see decision 0020."""

import gzip

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_are_gzipped_for_browsers_that_accept_it(client):
    page = client.get(reverse("site:home"), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert page.status_code == 200
    assert page["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page["Vary"]
    html = gzip.decompress(page.content).decode()
    assert "<h1" in html and "</html>" in html
    assert len(page.content) < len(html) / 2


def test_pages_are_plain_for_clients_that_do_not_ask(client):
    page = client.get(reverse("site:home"))
    assert not page.has_header("Content-Encoding")
    assert "</html>" in page.content.decode()
