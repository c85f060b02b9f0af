from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "coproduce.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import rules  # noqa: F401  (registers permissions)

        register(NavItem("Today", "accounts:home", "accounts.view_home", order=0))
        register(NavItem("Accounts", "accounts:account_list", "accounts.manage_accounts", order=90))
