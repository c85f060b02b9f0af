from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "coproduce.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from . import registrations

        registrations.register()
