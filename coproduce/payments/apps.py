from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "coproduce.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import figures, holdings, rules  # noqa: F401  (permissions, holdings, figures)

        register(NavItem("Claims", "payments:my_claims", "payments.view_own_claims", order=30))
        register(NavItem("Payments", "payments:claim_list", "payments.view_claims", order=31))
