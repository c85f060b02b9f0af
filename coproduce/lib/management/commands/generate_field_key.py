"""Prints a new random key for COPRODUCE_FIELD_KEY."""

from typing import Any

from django.core.management.base import BaseCommand

from coproduce.lib.encryption import new_key


class Command(BaseCommand):
    help = "Print a new random key for COPRODUCE_FIELD_KEY (it changes nothing by itself)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(new_key())
        self.stderr.write(
            "Keep this key in your password manager, not beside your backups: without it "
            "nobody can read the bank details it protects. To start using it, see "
            '"Backups and keys" in docs/deploy.md.'
        )
