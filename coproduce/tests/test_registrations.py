"""Each app registers what it contributes from one place, its registrations.py, and doing
so again adds nothing twice."""

from importlib import import_module

from django.apps import apps

from coproduce.lib import figures, generation, jobs, navigation
from coproduce.people import relationships
from coproduce.privacy import registry, retention


def own_apps():
    return [config for config in apps.get_app_configs() if config.name.startswith("coproduce.")]


def registered():
    return {
        "navigation": list(navigation._ITEMS),
        "figures": [source.key for source in figures.sources()],
        "holdings": registry.holdings(),
        "retention": [rule.key for rule in retention.rules()],
        "jobs": [job.name for job in jobs.jobs()],
        "relationships": list(relationships._SOURCES),
        "generators": [label for label, _ in generation.generators()],
    }


def test_registering_again_adds_nothing_twice():
    before = registered()
    assert all(before.values())
    for config in own_apps():
        if "ready" in type(config).__dict__:
            import_module(f"{config.name}.registrations").register()
    assert registered() == before


def test_every_app_that_registers_does_so_from_registrations():
    for config in own_apps():
        if "ready" in type(config).__dict__:
            module = import_module(f"{config.name}.registrations")
            assert callable(module.register), config.name


def test_the_figures_come_from_the_apps_that_register_them():
    keys = {source.key for source in figures.sources()}
    assert {
        "projects.ladder",
        "people.active_coproducers",
        "people.reach.ethnicity_by_gender",
        "meetings.access_needs_met",
        "payments.paid_within_14_days",
        "assessment.open_actions",
        "learning.staff_trained",
    } <= keys
