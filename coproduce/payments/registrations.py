"""Everything the payments app contributes, registered once from PaymentsConfig.ready()."""

from coproduce.lib import figures, generation
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry, retention

from . import (
    bench,
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
)
from . import figures as payment_figures


def register() -> None:
    add_to_navigation(NavItem("Claims", "payments:my_claims", "payments.view_own_claims", order=30))
    add_to_navigation(NavItem("Payments", "payments:claim_list", "payments.view_claims", order=31))
    figures.register(
        "payments.paid_within_14_days", "practice", payment_figures.paid_within_14_days, order=30
    )
    figures.register(
        "payments.median_days_to_pay", "practice", payment_figures.median_days_to_pay, order=31
    )
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    generation.register("payments", bench.generate)
