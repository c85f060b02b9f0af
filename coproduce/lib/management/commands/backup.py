"""`manage.py backup`: the database, the uploaded files and a manifest, in one folder."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.lib.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files into one new folder, with a manifest "
        "of what it holds. Safe while the site is running."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            default=None,
            help="The folder to put the backup in (default: var/backups). Copy it off "
            "this machine afterwards.",
        )
        parser.add_argument(
            "--include-remote-files",
            action="store_true",
            help="Also download the uploaded files when they are in object storage (S3).",
        )

    def handle(
        self,
        *args: Any,
        output: str | None = None,
        include_remote_files: bool = False,
        **options: Any,
    ) -> None:
        try:
            folder = make_backup(
                output or settings.VAR_DIR / "backups",
                include_remote_files=include_remote_files,
                say=self.stdout.write,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup finished: {folder}"))
        self.stdout.write(
            "Next: copy that whole folder to somewhere off this machine. It holds personal "
            "data, so keep it as safe as the site.\n"
            "It does not hold COPRODUCE_FIELD_KEY or SECRET_KEY. Keep those in your password "
            "manager: without them nobody can read the bank details in this backup."
        )
