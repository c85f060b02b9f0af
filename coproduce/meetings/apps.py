from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "coproduce.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register
        from coproduce.people import relationships

        from . import figures, holdings, rules, tasks, today  # noqa: F401  (permissions, data holdings, jobs)
        from .organising import people_invited_by_organiser

        figures.register_all()
        # Organisers may read the access passports of the people they invite.
        relationships.register("meeting invitation", people_invited_by_organiser)
        register(
            NavItem("Meetings", "meetings:meeting_list", "meetings.view_meeting_list", order=15)
        )
        day.register("meetings.reply", today.invitations_to_answer, heading="Meetings", order=10)
        day.register("meetings.next", today.next_meetings, heading="Meetings", order=10)
        day.register("meetings.feedback", today.feedback_to_give, heading="Meetings", order=10)
        day.register("meetings.arrangements", today.arrangements_due, heading="Meetings", order=10)
        day.register(
            "meetings.attendance", today.attendance_to_record, heading="Meetings", order=10
        )
        day.register("meetings.papers", today.papers_late, heading="Meetings", order=10)
        day.register("meetings.follow_ups", today.feedback_follow_ups, heading="Meetings", order=10)
