from django.apps import AppConfig


class BenchConfig(AppConfig):
    """`make bench`: the large-organisation dataset, the load test and what it measures.
    Its bare view and headers exist only when COPRODUCE_BENCH is on."""

    name = "coproduce.bench"
    label = "bench"
