import json
import random
import time

from django.core.management.base import BaseCommand

from coproduce.bench import accounts, dataset


class Command(BaseCommand):
    help = "Fills an empty database with a large organisation's data for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--password", required=True)
        parser.add_argument("--ids", required=True, help="Where to write the journeys' ids (JSON)")

    def handle(self, *args, scale, seed, password, ids, **options):
        rng = random.Random(seed)
        started = time.perf_counter()
        timings = dataset.generate(scale, rng, self.stdout.write)
        made = accounts.create_accounts(password, rng)
        objects = accounts.journey_objects(made, rng)
        with open(ids, "w") as out:
            json.dump({"objects": objects, "accounts": accounts.ACCOUNTS}, out)
        total = round(time.perf_counter() - started, 1)
        self.stdout.write(json.dumps({"generate_seconds": total, "by_app": timings}))
