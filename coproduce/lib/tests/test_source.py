"""GNU AGPL section 13: everyone using the site, signed in or not, is offered the source
of the code the server runs, and that archive holds the code but none of the instance's
secrets or data."""

import io
import tarfile

import pytest
from django.conf import settings
from django.urls import reverse

from coproduce.lib import source


@pytest.fixture(autouse=True)
def fresh_archive():
    source.source_archive.cache_clear()
    yield
    source.source_archive.cache_clear()


def members(response):
    with tarfile.open(fileobj=io.BytesIO(response.content), mode="r:gz") as archive:
        return {member.name: archive.extractfile(member).read() for member in archive.getmembers()}


def footer_source_link(response):
    """The footer link's href, and whether it is marked as a download."""
    footer = response.content.decode().split('<footer class="govuk-footer">')[1]
    tag = footer.split(">Get its source code")[0].rsplit("<a ", 1)[1]
    return tag.split('href="')[1].split('"')[0], " download" in tag


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "url_name"), [("anonymous", "site:home"), ("coproducer", "accounts:home")]
)
def test_every_page_footer_links_to_the_source(client_as, role, url_name):
    response = client_as(role).get(reverse(url_name))
    assert response.status_code == 200
    assert footer_source_link(response) == (reverse("source"), True)


@pytest.mark.django_db
def test_the_footer_links_to_the_source_url_when_one_is_set(client, settings):
    settings.COPRODUCE_SOURCE_URL = "https://code.example.org/our-coproduce"
    response = client.get(reverse("site:home"))
    assert footer_source_link(response) == ("https://code.example.org/our-coproduce", False)


@pytest.mark.django_db
def test_the_source_archive_holds_the_licence_and_code_but_no_secret(client):
    response = client.get(reverse("source"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gzip"
    assert "attachment" in response["Content-Disposition"]
    files = members(response)
    assert b"GNU AFFERO GENERAL PUBLIC LICENSE" in files["coproduce-source/LICENSE"]
    for name in ("pyproject.toml", "requirements.lock", "manage.py", "coproduce/settings.py"):
        assert f"coproduce-source/{name}" in files
    assert not [name for name in files if "__pycache__" in name or name.endswith(".pyc")]
    secret = settings.SECRET_KEY.encode()
    assert not [name for name, content in files.items() if secret in content]


@pytest.mark.django_db
def test_the_archive_leaves_out_var_env_and_databases_wherever_they_are(client, settings, tmp_path):
    """An instance whose var folder sits inside the package still does not hand it out."""
    project = tmp_path / "project"
    package = project / "coproduce"
    (package / "__pycache__").mkdir(parents=True)
    (project / "LICENSE").write_text("licence")
    (package / "views.py").write_text("code")
    (package / "__pycache__" / "views.cpython-311.pyc").write_text("byte code")
    (package / ".env").write_text("SECRET_KEY=from-env-file")
    (package / "local.sqlite3").write_text("a database")
    var = package / "var"
    (var / "private").mkdir(parents=True)
    (var / "secret_key").write_text("the-secret-key")
    (var / "private" / "receipt.pdf").write_text("a receipt")
    settings.BASE_DIR = project
    settings.VAR_DIR = var

    files = members(client.get(reverse("source")))

    assert sorted(files) == ["coproduce-source/LICENSE", "coproduce-source/coproduce/views.py"]
