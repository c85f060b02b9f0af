from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "coproduce.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self):
        from datetime import timedelta

        from coproduce.lib import jobs
        from coproduce.lib.navigation import NavItem, register

        from . import figures, holdings, nudges, rules  # noqa: F401  (permissions, holdings, figures)

        jobs.register(
            "payments.claim_reminders",
            every=timedelta(hours=1),
            task=nudges.claim_reminders,
            description="Remind co-producers who attended a meeting that they can claim, the day after",
        )

        register(NavItem("Claims", "payments:my_claims", "payments.view_own_claims", order=30))
        register(NavItem("Payments", "payments:claim_list", "payments.view_claims", order=31))
