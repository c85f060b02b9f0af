from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "coproduce.budgets"
    label = "budgets"
    verbose_name = "Budgets"

    def ready(self):
        from . import registrations

        registrations.register()
