import json
import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from coproduce.bench import accounts, dataset


class Command(BaseCommand):
    help = "Fills an empty database with a large organisation's data for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--password", required=True)
        parser.add_argument("--ids", required=True, help="Where to write the journeys' ids (JSON)")

    def handle(self, *args, scale, seed, password, ids, **options):
        # Made-up people and a known password must never land in a real organisation's data.
        if get_user_model().objects.exists():
            raise CommandError("bench_data fills an empty database only; this one has accounts.")
        rng = random.Random(seed)
        started = time.perf_counter()
        timings = dataset.generate(scale, rng, self.stdout.write)
        made = accounts.create_accounts(password, rng)
        # A live database has planner statistics (autovacuum; SQLite's optimize). Straight
        # after a bulk load it has none, and PostgreSQL then guessed 57 co-producers
        # instead of 17,000 and chose a plan 15 times slower for the people list. Nor has
        # PostgreSQL's visibility map, which autovacuum writes within minutes: without
        # it, counting the claims waiting by state read the table, not just its index
        # (141 ms instead of 9 at scale 10). VACUUM cannot run inside a transaction (a
        # test's).
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
            if vacuum:
                # Write out now what the load and the vacuum changed, so the next
                # checkpoint's writes do not land in the measured minute.
                try:
                    cursor.execute("CHECKPOINT")
                except DatabaseError:  # only for a superuser or pg_checkpoint
                    self.stderr.write("CHECKPOINT refused: times may include its writes")
        objects = accounts.journey_objects(made, rng)
        tokens = accounts.api_tokens(made)
        with open(ids, "w") as out:
            json.dump({"objects": objects, "accounts": accounts.ACCOUNTS, "api": tokens}, out)
        total = round(time.perf_counter() - started, 1)
        self.stdout.write(json.dumps({"generate_seconds": total, "by_app": timings}))
