"""Everything the payments app contributes, registered once from PaymentsConfig.ready()."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from coproduce.lib import figures, generation, jobs
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry, retention

from . import (
    bench,
    holdings,
    nudges,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    today,
)
from . import figures as payment_figures


def register() -> None:
    add_to_navigation(
        NavItem(_("Claims"), "payments:my_claims", "payments.view_own_claims", order=30)
    )
    add_to_navigation(
        NavItem(_("Payments"), "payments:claim_list", "payments.view_claims", order=31)
    )
    figures.register(
        "payments.paid_within_14_days", "practice", payment_figures.paid_within_14_days, order=30
    )
    figures.register(
        "payments.median_days_to_pay", "practice", payment_figures.median_days_to_pay, order=31
    )
    figures.register(
        "payments.people_warned_about_limits",
        "structure",
        payment_figures.people_warned_about_limits,
        order=40,
    )
    figures.register(
        "payments.share_paid_in_advance",
        "structure",
        payment_figures.share_paid_in_advance,
        order=41,
    )
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    jobs.register(
        "payments.claim_reminders",
        every=timedelta(hours=1),
        task=nudges.claim_reminders,
        description="Remind co-producers who attended a meeting that they can claim, the day after",
    )
    generation.register("payments", bench.generate)
    day.register(
        "payments.claim_meeting", today.time_to_claim, heading=_("Claims and payments"), order=20
    )
    day.register(
        "payments.returned", today.claims_returned, heading=_("Claims and payments"), order=20
    )
    day.register(
        "payments.approve", today.claims_to_approve, heading=_("Claims and payments"), order=20
    )
    day.register_counts("payments.advances", today.advance_counts)
    day.register("payments.advances", today.advances, heading=_("Claims and payments"), order=20)
    day.register("payments.pay", today.claims_to_pay, heading=_("Claims and payments"), order=20)
    day.register(
        "payments.batches", today.batches_to_mark_paid, heading=_("Claims and payments"), order=20
    )
