"""The production static build: hashed and compressed files, module imports that
follow the hashes, and our own brand (no GOV.UK crown or GDS Transport font)."""

import gzip
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


@pytest.mark.django_db
def test_the_first_visit_weighs_under_60_kb_and_fetches_no_font(collected, client):
    """The home page and everything it links, as a first visitor's browser fetches them
    compressed. The dyslexia-friendly fonts are only for people who choose them."""
    html = client.get("/").content
    linked = re.findall(rb'(?:href|src)="/static/([^"?]+)"', html)
    assert linked and not any(b"font-" in path or b"woff" in path for path in linked)
    paths = [path.decode() for path in linked]
    app = (collected / "dist" / "app.js").read_text()
    paths += [f"dist/{name}" for name in re.findall(r'from "\./([^"]+)"', app)]
    weight = len(gzip.compress(html))
    for path in paths:
        compressed = collected / f"{path}.gz"
        weight += (compressed if compressed.exists() else collected / path).stat().st_size
    assert weight < 60 * 1024, f"the first visit weighs {weight} bytes"
    main_css = (collected / "dist" / "main.css").read_text()
    assert "@font-face" not in main_css and "woff2" not in main_css


def test_each_font_stylesheet_points_at_its_collected_font_files(collected):
    for choice in ("hyperlegible", "opendyslexic"):
        css = next((collected / "dist").glob(f"font-{choice}.*.css")).read_text()
        files = re.findall(r'url\("?([^")]+\.woff2)', css)
        assert files and all((collected / "dist" / name).exists() for name in files)
