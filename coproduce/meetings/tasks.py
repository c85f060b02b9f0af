from django_tasks import task


@task()
def send_meeting_reminders(hours=48):
    """Reminds people with a place at a meeting starting soon. Idempotent."""
    from .actions import send_reminders

    sent, by_staff = send_reminders(hours)
    return {"emailed": sent, "for_staff_to_contact": by_staff}
