"""`manage.py restore <backup folder>`: puts a backup made by `manage.py backup` back."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.lib.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the database and uploads folder "
        "this site is set up with. Stop the site and the worker first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", help="The backup folder (coproduce-backup-...).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database and uploads that already hold data.",
        )

    def handle(self, *args: Any, backup: str, force: bool = False, **options: Any) -> None:
        try:
            to_migrate = restore(backup, force=force, say=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Restore finished."))
        if to_migrate:
            self.stdout.write(
                "This version of Coproduce is newer than the backup: run "
                "`manage.py migrate` before starting the site."
            )
        self.stdout.write("Start the site and the worker again, then sign in and check.")
