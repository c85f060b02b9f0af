from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "coproduce.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from . import registrations

        registrations.register()
