from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "coproduce.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import figures, holdings, rules, tasks  # noqa: F401  (permissions, data holdings, jobs)

        figures.register_all()
        register(
            NavItem("Meetings", "meetings:meeting_list", "meetings.view_meeting_list", order=15)
        )
