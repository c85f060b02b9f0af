"""The running instance offers its own source code, as the GNU AGPL (section 13) asks of
software that people use over a network. The footer links here unless
COPRODUCE_SOURCE_URL points somewhere else (a public repository of a modified copy)."""

import io
import tarfile
from functools import cache
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

# What builds and runs Coproduce, relative to the project folder. What is missing (the
# Docker image leaves out the docs) is left out of the archive too.
SOURCE_PATHS = (
    "LICENSE",
    "README.md",
    "pyproject.toml",
    "requirements.lock",
    "manage.py",
    "conftest.py",
    "Makefile",
    "Dockerfile",
    "compose.yaml",
    ".env.example",
    ".ci",
    "package.json",
    "package-lock.json",
    "assets",
    "scripts",
    "docs",
    "coproduce",
)
# Never in the archive: byte code, built files and anything under the folders that hold
# the secret key, the database and uploads, wherever the settings put them.
SKIPPED_NAMES = {"__pycache__", "node_modules", "dist", ".env"}
SKIPPED_SUFFIXES = (".pyc", ".sqlite3", ".sqlite3-wal", ".sqlite3-shm")


def _private_folders() -> list[Path]:
    folders = [settings.VAR_DIR, settings.STATIC_ROOT, settings.MEDIA_ROOT]
    private = cast(dict[str, Any], settings.STORAGES["private"])
    location = private.get("OPTIONS", {}).get("location")

    if location:
        folders.append(location)
    return [Path(folder).resolve() for folder in folders]


def _keep(path: Path, private_folders: list[Path]) -> bool:
    if path.name in SKIPPED_NAMES or path.name.endswith(SKIPPED_SUFFIXES):
        return False
    resolved = path.resolve()
    return not any(resolved.is_relative_to(folder) for folder in private_folders)


def _add(archive: tarfile.TarFile, path: Path, name: str, private_folders: list[Path]) -> None:
    if not _keep(path, private_folders):
        return
    if path.is_dir() and not path.is_symlink():
        for child in sorted(path.iterdir()):
            _add(archive, child, f"{name}/{child.name}", private_folders)
    elif path.is_file() and not path.is_symlink():
        archive.add(path, arcname=name, recursive=False)


@cache
def source_archive() -> bytes:
    """The tar.gz, built once per process: the code does not change while it runs."""
    private_folders = _private_folders()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for relative in SOURCE_PATHS:
            path = settings.BASE_DIR / relative
            if path.exists():
                _add(archive, path, f"coproduce-source/{relative}", private_folders)
    return buffer.getvalue()


@require_safe
def source(request: HttpRequest) -> HttpResponse:

    response = HttpResponse(source_archive(), content_type="application/gzip")
    response["Content-Disposition"] = 'attachment; filename="coproduce-source.tar.gz"'
    return response
