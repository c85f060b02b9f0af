"""Compiles every Welsh (and any other) .po catalogue in the package to the .mo file
Django reads, with polib: no GNU gettext needed to run the site (decision 0038)."""

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues() -> list[Path]:
    package = Path(settings.BASE_DIR) / "coproduce"
    return sorted(package.glob("**/locale/*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compiles the translation catalogues (.po) that changed since their .mo."

    def handle(self, *args: Any, **options: Any) -> None:
        compiled = 0
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            written = mo_path.with_suffix(".mo.tmp")
            polib.pofile(str(po_path)).save_as_mofile(str(written))
            written.replace(mo_path)  # atomic: an app server never reads half a file
            compiled += 1
        self.stdout.write(f"{compiled} translation catalogue(s) compiled")
