"""Times an import of a generated spreadsheet (default 10,000 rows, 5% bad)
through the same code as the upload page, then undoes it."""

import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction

from coproduce.lib.spreadsheets import csv_text
from coproduce.people import importing
from coproduce.people.models import ImportJob


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time a spreadsheet import of generated rows, some bad. Nothing is kept."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10000)
        parser.add_argument(
            "--bad-every", type=int, default=20, help="Every Nth row is bad (20 = 5%%)."
        )

    def handle(self, *args, rows, bad_every, **options):
        text = csv_text(
            [
                ["Name", "Email", "Phone", "Access needs"],
                *(
                    [
                        f"Timing Person {i}",
                        "not-an-email"
                        if i % bad_every == bad_every - 1
                        else f"timing.{i}@example.org",
                        f"07700 900{i % 1000:03d}",  # the numbers kept for drama: all valid
                        "Step-free access please" if i % 4 == 0 else "",
                    ]
                    for i in range(rows)
                ),
            ]
        )
        upload = SimpleUploadedFile("timing.csv", text.encode())
        try:
            with transaction.atomic():
                started, cpu_started = time.monotonic(), time.process_time()
                headers, data = importing.read_spreadsheet(upload)
                job = ImportJob.objects.create(
                    filename="timing.csv",
                    headers=headers,
                    rows=data,
                    total=len(data),
                    mapping=importing.guess_mapping(headers),
                    status="running",
                )
                read = time.monotonic() - started
                importing.run(job)
                elapsed = time.monotonic() - started
                cpu = time.process_time() - cpu_started
                # CPU seconds are this process's own work: on a busy shared machine the
                # time on the clock also counts waiting for a core.
                self.stdout.write(
                    f"{rows:,} rows: {job.imported:,} imported, "
                    f"{len(job.errors):,} bad rows reported, "
                    f"{elapsed:.1f} s in all ({read:.1f} s reading the file), "
                    f"{cpu:.1f} s of CPU"
                )
                raise Rollback
        except Rollback:
            pass
