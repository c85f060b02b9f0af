from datetime import timedelta

from django_tasks import task

from coproduce.lib import jobs


@task()
def send_meeting_reminders(hours=48):
    """Reminds people with a place at a meeting starting soon. Idempotent."""
    from .actions import send_reminders

    return {"reminded": send_reminders(hours)}


jobs.register(
    "meetings.send_reminders",
    every=timedelta(hours=1),
    task=send_meeting_reminders,
    description="Remind people of meetings they are coming to",
)
