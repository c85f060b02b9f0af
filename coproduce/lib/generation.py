"""Made-up records in bulk, for the benchmark's large organisation (`make bench`).

Each app that has data worth measuring keeps a `bench.py` with `generate(scale, rng, log)`
and registers it from its `registrations.py`; the bench runs them in INSTALLED_APPS order
(so an app finds the people and projects of the apps before it). The helpers below are the
ones those generators share; they live here so that no app imports the bench."""

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from random import Random
from typing import Any, TypeVar

from django.apps import apps
from django.db.models import Model
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


T = TypeVar("T")
# generate(scale, rng, log)
Generate = Callable[[float, Random, Callable[[str], object]], object]

_GENERATORS: dict[str, Generate] = {}


def register(app_label: str, generate: Generate) -> None:
    """`generate(scale, rng, log)` fills the app's tables for the benchmark."""
    _GENERATORS[app_label] = generate


def generators() -> list[tuple[str, Generate]]:
    """(app label, generate) in INSTALLED_APPS order."""
    return [
        (config.label, _GENERATORS[config.label])
        for config in apps.get_app_configs()
        if config.label in _GENERATORS
    ]


def scaled(count: float, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(count * scale))


def sentence(rng: Random, words: int = 12) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def random_choice_fields(
    model: type[Model], rng: Random, skip: Iterable[str] = ()
) -> dict[str, Any]:
    """A random valid value for each blank-able choice field of a model (equality answers
    and the like), so new choices are covered without editing the generator."""
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.choices and field.name not in skip and not field.primary_key:
            values[field.name] = rng.choice([value for value, _ in field.flatchoices])
    return values


def days_ago(rng: Random, most: int) -> date:
    return timezone.localdate() - timedelta(days=rng.randint(0, most))


def skewed_pick(rng: Random, items: Sequence[T], k: int) -> list[T]:
    """k distinct items, favouring the front of the list (density falling as x^-2/3): a
    few people take part in many projects and most in one or none, as in real life."""
    chosen: set[T] = set()
    limit = len(items)
    for _ in range(50 * k):  # bounded even if k is close to len(items)
        if len(chosen) >= min(k, limit):
            break
        chosen.add(items[int(limit * rng.random() ** 3)])
    return list(chosen)


def bulk(model: type[Model], rows: Iterable[Model]) -> None:

    model._default_manager.bulk_create(rows, batch_size=BATCH)
