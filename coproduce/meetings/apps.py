from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "coproduce.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register
        from coproduce.people import relationships

        from . import figures, holdings, rules, tasks  # noqa: F401  (permissions, data holdings, jobs)
        from .organising import people_invited_by_organiser

        figures.register_all()
        # Organisers may read the access passports of the people they invite.
        relationships.register("meeting invitation", people_invited_by_organiser)
        register(
            NavItem("Meetings", "meetings:meeting_list", "meetings.view_meeting_list", order=15)
        )
