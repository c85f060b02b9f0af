from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "coproduce.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from coproduce.lib import today
        from coproduce.lib.navigation import NavItem, register

        from . import channels, holdings, kinds, rules, senders, tasks  # noqa: F401  (registers them)
        from .today import contact_tasks_for

        register(
            NavItem(
                "People to contact",
                "notifications:contact_tasks",
                "notifications.work_contact_tasks",
                order=21,
            )
        )
        today.register(
            "notifications.contact_tasks",
            contact_tasks_for,
            heading="People to contact",
            order=40,
        )
