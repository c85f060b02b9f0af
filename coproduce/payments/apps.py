from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "coproduce.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self):
        from . import registrations

        registrations.register()
