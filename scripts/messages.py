"""Collects every marked string into the Welsh catalogues: one per app
(coproduce/<app>/locale/cy/LC_MESSAGES/django.po) and one for the shared templates
(coproduce/templates/locale). New strings arrive with an empty translation, strings no
longer used are dropped, and line numbers are left out so a catalogue changes only when
its text does.

    python scripts/messages.py [--root DIR]

--root runs it on a copy of the repository: coproduce/tests/test_translations.py does, to
find catalogues that are out of date without touching the real ones. Needs GNU gettext.
"""

import argparse
import subprocess
import sys
from pathlib import Path

LANGUAGES = ["cy"]
# Not the interface: the benchmark's own tooling.
NOT_TRANSLATED = {"bench"}


def catalogue_roots(root: Path) -> list[Path]:
    """Each app of the package, and the shared templates, in a fixed order."""
    package = root / "coproduce"
    apps = [
        path.parent
        for path in sorted(package.glob("*/apps.py"))
        if path.parent.name not in NOT_TRANSLATED
    ]
    return [*apps, package / "templates"]


def collect(root: Path) -> None:
    for catalogue_root in catalogue_roots(root):
        (catalogue_root / "locale").mkdir(exist_ok=True)
        command = [
            sys.executable,
            str(root / "manage.py"),
            "makemessages",
            "--no-location",
            "--no-obsolete",
            "--no-wrap",
            "--extension=html,txt,py",
            "--ignore=tests/*",
            "--ignore=migrations/*",
            "--ignore=management/*",
            *[f"--locale={language}" for language in LANGUAGES],
            "--verbosity=0",
        ]
        subprocess.run(command, cwd=catalogue_root, check=True)  # noqa: S603 (our own command line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    collect(parser.parse_args().root.resolve())


if __name__ == "__main__":
    main()
