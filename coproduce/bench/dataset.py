"""The large-organisation dataset: every app's registered generator
(`coproduce.lib.generation`), in INSTALLED_APPS order, streamed in batches
(`coproduce.lib.generation.Loading`), each saying how far it has got. Scale 1 is a
national organisation: 20,000 people, 2,000 projects."""

import time

from django.db import transaction

from coproduce.lib.generation import generators


def generate(scale, rng, log):
    """Runs every app's generator; returns {app label: seconds taken}."""
    timings = {}
    for label, generate_app in generators():
        log(f"  {label}: making its records")
        started = time.perf_counter()
        with transaction.atomic():
            generate_app(scale, rng, log)
        timings[label] = round(time.perf_counter() - started, 2)
        log(f"  {label}: {timings[label]} s")
    return timings
