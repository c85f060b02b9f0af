from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "coproduce.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self):
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register

        from . import figures, holdings, rules, today  # noqa: F401  (permissions, holdings, figures)

        register(NavItem("Claims", "payments:my_claims", "payments.view_own_claims", order=30))
        register(NavItem("Payments", "payments:claim_list", "payments.view_claims", order=31))
        day.register(
            "payments.claim_meeting", today.time_to_claim, heading="Claims and payments", order=20
        )
        day.register(
            "payments.returned", today.claims_returned, heading="Claims and payments", order=20
        )
        day.register(
            "payments.approve", today.claims_to_approve, heading="Claims and payments", order=20
        )
        day.register("payments.pay", today.claims_to_pay, heading="Claims and payments", order=20)
        day.register(
            "payments.batches", today.batches_to_mark_paid, heading="Claims and payments", order=20
        )
