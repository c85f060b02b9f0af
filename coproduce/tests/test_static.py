"""The production static build: hashed and compressed files, module imports that
follow the hashes, and our own brand (no GOV.UK crown or GDS Transport font)."""

import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from coproduce.settings import STORAGES


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def test_app_script_imports_the_hashed_govuk_frontend(collected):
    app = next((collected / "dist").glob("app.*.js"))
    imported = re.search(r'from "\./([^"]+)"', app.read_text()).group(1)
    assert re.fullmatch(r"govuk-frontend\.min\.[0-9a-f]{12}\.js", imported)
    assert (collected / "dist" / imported).exists()


def test_css_is_compressed_and_uses_our_own_font(collected):
    css_files = list((collected / "dist").glob("main.*.css"))
    css = next(f for f in css_files if re.fullmatch(r"main\.[0-9a-f]{12}\.css", f.name))
    assert css.with_name(css.name + ".gz").exists()
    text = css.read_text()
    assert "GDS Transport" not in text
    assert "system-ui" in text
    assert "govuk-crest" not in text
    assert "/assets/" not in text
