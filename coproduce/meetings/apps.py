from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "coproduce.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from datetime import timedelta

        from coproduce.lib import jobs
        from coproduce.lib.navigation import NavItem, register
        from coproduce.people import relationships

        from . import figures, holdings, nudges, rules, tasks  # noqa: F401  (permissions, data holdings, jobs)
        from .organising import people_invited_by_organiser

        figures.register_all()
        jobs.register(
            "meetings.feedback_reminders",
            every=timedelta(hours=1),
            task=nudges.feedback_reminders,
            description="Ask people who attended a meeting for feedback, the day after",
        )
        jobs.register(
            "meetings.arrangement_reminders",
            every=timedelta(hours=1),
            task=nudges.arrangement_reminders,
            description="Remind owners of access arrangements not ready a week before, and when overdue",
        )
        # Organisers may read the access passports of the people they invite.
        relationships.register("meeting invitation", people_invited_by_organiser)
        register(
            NavItem("Meetings", "meetings:meeting_list", "meetings.view_meeting_list", order=15)
        )
