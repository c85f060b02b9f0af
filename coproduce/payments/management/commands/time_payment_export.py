"""Times the finance export of many approved claims (default 10,000), in a
throw-away SQLite database so no real data is touched:

    .venv/bin/python manage.py time_payment_export --claims 10000
"""

import datetime
import time

from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Time the CSV and XLSX export of N approved claims in a temporary database."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=10_000)

    def handle(self, *args, claims, **options):
        # Django's test database: made for this run and thrown away after it.
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            self._run(claims)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    def _run(self, count):
        from coproduce.accounts.models import Role, RoleAssignment, User
        from coproduce.payments import actions, crypto, export
        from coproduce.payments.models import (
            ActivityType,
            BankDetails,
            Claim,
            PaymentBatch,
            Status,
        )

        started = time.perf_counter()
        finance = User.objects.create(email="finance@example.org", name="Finance")
        RoleAssignment.objects.create(user=finance, role=Role.FINANCE)
        lead = User.objects.create(email="lead@example.org", name="Lead")
        meeting = ActivityType.objects.create(slug="meeting", name="Meeting")
        rate = actions.add_activity_rate(
            activity_type=meeting,
            unit="hour",
            amount_pence=2750,
            starts_on=datetime.date(2020, 1, 1),
            by=lead,
        )
        people = User.objects.bulk_create(
            User(email=f"person{n}@example.org", name=f"Person {n}") for n in range(count // 5)
        )
        BankDetails.objects.bulk_create(
            BankDetails(
                person=person,
                last_digits="1234",
                encrypted=crypto.encrypt(
                    {
                        "account_name": person.name,
                        "sort_code": "30-94-57",
                        "account_number": f"{n:08d}",
                    }
                ),
            )
            for n, person in enumerate(people)
        )
        batch = PaymentBatch.objects.create(created_by=finance)
        now = datetime.datetime.now(datetime.UTC)
        Claim.objects.bulk_create(
            Claim(
                claimant=people[n % len(people)],
                entered_by=people[n % len(people)],
                activity_type=meeting,
                rate=rate,
                activity_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n // 1000),
                minutes=120,
                description="Meeting",
                fee_pence=5500,
                payment_choice="bank" if n % 4 else "voucher",
                status=Status.APPROVED,
                submitted_at=now,
                approved_at=now,
                decided_by=lead,
                batch=batch,
            )
            for n in range(count)
        )
        self.stdout.write(
            f"Built {count:,} approved claims in {time.perf_counter() - started:.1f} s"
        )
        for name, make in (("CSV", export.as_csv), ("XLSX", export.as_xlsx)):
            started = time.perf_counter()
            content = make(batch.claims.order_by("pk"), viewer=finance, reason="Timing")
            took = time.perf_counter() - started
            self.stdout.write(f"{name}: {count:,} claims in {took:.2f} s ({len(content):,} bytes)")
