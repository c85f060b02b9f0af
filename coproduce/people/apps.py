from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "coproduce.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        from coproduce.accounts.signals import invitation_accepted

        from . import actions, registrations

        registrations.register()
        invitation_accepted.connect(
            actions.carry_interest_on_acceptance, dispatch_uid="people.carry_interest"
        )
