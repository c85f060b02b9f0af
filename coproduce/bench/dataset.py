"""The large-organisation dataset: every app's registered generator
(`coproduce.lib.generation`), in INSTALLED_APPS order, with bulk inserts. Scale 1 is a
national organisation: 20,000 people, 2,000 projects."""

import time

from django.db import transaction

from coproduce.lib.generation import generators


def generate(scale, rng, log):
    """Runs every app's generator; returns {app label: seconds taken}."""
    timings = {}
    for label, generate_app in generators():
        started = time.perf_counter()
        with transaction.atomic():
            generate_app(scale, rng, log)
        timings[label] = round(time.perf_counter() - started, 2)
        log(f"  {label}: {timings[label]} s")
    return timings
