"""Everything the meetings app contributes, registered once from MeetingsConfig.ready()."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from coproduce.lib import figures, generation, jobs
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.people import relationships
from coproduce.privacy import registry, retention

from . import (
    bench,
    holdings,
    nudges,
    organising,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    tasks,
    today,
)
from . import figures as meeting_figures


def register() -> None:
    add_to_navigation(
        NavItem(_("Meetings"), "meetings:meeting_list", "meetings.view_meeting_list", order=15)
    )
    figures.register(
        "meetings.access_needs_met", "practice", meeting_figures.access_needs_met, order=30
    )
    figures.register(
        "meetings.arrangements_ready", "practice", meeting_figures.arrangements_ready, order=31
    )
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    jobs.register(
        "meetings.send_reminders",
        every=timedelta(hours=1),
        task=tasks.send_meeting_reminders,
        description="Remind people of meetings they are coming to",
    )
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
    relationships.register("meeting invitation", organising.people_invited_by_organiser)
    relationships.register(
        "invitation to a meeting of a project run",
        organising.people_invited_to_meetings_of_projects_run_by,
    )
    generation.register("meetings", bench.generate)
    day.register_counts("meetings", today.counts)
    day.register("meetings.reply", today.invitations_to_answer, heading=_("Meetings"), order=10)
    day.register("meetings.next", today.next_meetings, heading=_("Meetings"), order=10)
    day.register("meetings.feedback", today.feedback_to_give, heading=_("Meetings"), order=10)
    day.register("meetings.arrangements", today.arrangements_due, heading=_("Meetings"), order=10)
    day.register("meetings.attendance", today.attendance_to_record, heading=_("Meetings"), order=10)
    day.register("meetings.papers", today.papers_late, heading=_("Meetings"), order=10)
    day.register(
        "meetings.for_supported",
        today.replies_for_people_you_support,
        heading=_("Meetings"),
        order=10,
    )
    day.register("meetings.follow_ups", today.feedback_follow_ups, heading=_("Meetings"), order=10)
