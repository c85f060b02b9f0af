"""The typed public surface type-checks: mypy with django-stubs over the scope that
pyproject.toml's [tool.mypy] names (decision 0025), so `make test` fails on a type error
as `make lint` does. The cache under var/ makes a run after the first one quick."""

import os

from django.conf import settings
from mypy import api


def test_the_typed_surface_has_no_type_errors(monkeypatch):
    monkeypatch.chdir(settings.BASE_DIR)  # `files` in pyproject.toml are relative to it
    before = dict(os.environ)
    try:
        report, errors, status = api.run(
            ["--cache-dir", str(settings.VAR_DIR / "mypy"), "--no-error-summary"]
        )
    finally:
        # The django-stubs plugin points DJANGO_SETTINGS_MODULE at the real settings.
        os.environ.clear()
        os.environ.update(before)
    assert status == 0, f"mypy found type errors:\n{report}{errors}"
