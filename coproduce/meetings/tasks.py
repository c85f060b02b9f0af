from django_tasks import task


@task()
def send_meeting_reminders(hours=48):
    """Reminds people with a place at a meeting starting soon. Idempotent."""
    from .actions import send_reminders

    return {"reminded": send_reminders(hours)}
