"""Loads clearly marked demo data. Safe to run again: it adds only what is missing.

Each app may have a `demo` module with `load(log)`; they are found by name and run in
INSTALLED_APPS order, so no app imports another's demo. The command lives in accounts,
which owns the demo sign-ins it prints at the end."""

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from coproduce.accounts.demo import DEMO_PASSWORD, OTHER_SIGN_INS, sign_ins


class Command(BaseCommand):
    help = "Load demo data (made-up people and records) and print the demo sign-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Load even when COPRODUCE_DEMO is off."
        )
        parser.add_argument(
            "--migrate", action="store_true", help="Migrate first (saves starting Python twice)."
        )

    def handle(
        self, *args: Any, force: bool = False, migrate: bool = False, **options: Any
    ) -> None:
        if not settings.COPRODUCE_DEMO and not force:
            raise CommandError(
                "Demo data goes only into a demo site. Set COPRODUCE_DEMO=1 (or pass --force)."
            )
        if migrate:
            call_command("migrate", verbosity=0)
        OTHER_SIGN_INS.clear()  # this run's, such as a new sign-in card's code
        with transaction.atomic():
            for config in apps.get_app_configs():
                if not config.name.startswith("coproduce."):
                    continue
                module_name = f"{config.name}.demo"
                if find_spec(module_name):
                    import_module(module_name).load(
                        lambda message: self.stdout.write(f"  {message}")
                    )
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS("Demo sign-ins (password for all: " + DEMO_PASSWORD + ")")
        )
        for email, roles in sign_ins():
            self.stdout.write(f"  {email:<26} {roles}")
