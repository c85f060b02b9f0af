"""The large-organisation dataset. Each app that has data worth measuring keeps a
`bench.py` with `generate(scale, rng, log)`; they run in INSTALLED_APPS order (so an app
finds the people and projects of the apps before it) with bulk inserts. Scale 1 is a
national organisation: 20,000 people, 2,000 projects."""

import time
from datetime import timedelta
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import transaction
from django.utils import timezone

BATCH = 2000
WORDS = [
    "access",
    "transport",
    "housing",
    "advice",
    "social",
    "care",
    "support",
    "employment",
    "benefits",
    "peer",
    "research",
    "training",
    "carers",
    "young",
    "people",
    "mental",
    "health",
    "wellbeing",
    "independent",
    "living",
    "community",
    "buildings",
    "digital",
    "inclusion",
    "advocacy",
    "easy",
    "read",
    "budget",
    "hospital",
    "discharge",
    "review",
]


def generators():
    for config in apps.get_app_configs():
        module_name = f"{config.name}.bench"
        if config.name.startswith("coproduce.") and find_spec(module_name):
            yield config.label, import_module(module_name)


def generate(scale, rng, log):
    """Runs every app's generator; returns {app label: seconds taken}."""
    timings = {}
    for label, module in generators():
        started = time.perf_counter()
        with transaction.atomic():
            module.generate(scale, rng, log)
        timings[label] = round(time.perf_counter() - started, 2)
        log(f"  {label}: {timings[label]} s")
    return timings


def scaled(count, scale, minimum=1):
    return max(minimum, round(count * scale))


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def random_choice_fields(model, rng, skip=()):
    """A random valid value for each blank-able choice field of a model (equality answers
    and the like), so new choices are covered without editing the generator."""
    values = {}
    for field in model._meta.concrete_fields:
        if field.choices and field.name not in skip and not field.primary_key:
            values[field.name] = rng.choice([value for value, _ in field.flatchoices])
    return values


def days_ago(rng, most):
    return timezone.localdate() - timedelta(days=rng.randint(0, most))


def skewed_pick(rng, items, k):
    """k distinct items, favouring the front of the list (density falling as x^-2/3): a
    few people take part in many projects and most in one or none, as in real life."""
    chosen = set()
    limit = len(items)
    for _ in range(50 * k):  # bounded even if k is close to len(items)
        if len(chosen) >= min(k, limit):
            break
        chosen.add(items[int(limit * rng.random() ** 3)])
    return list(chosen)


def bulk(model, rows):
    model.objects.bulk_create(rows, batch_size=BATCH)
