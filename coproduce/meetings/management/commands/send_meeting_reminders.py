"""By hand; the scheduled job meetings.send_reminders runs it every hour. Each person
is reminded once."""

from django.core.management.base import BaseCommand

from coproduce.meetings.actions import send_reminders


class Command(BaseCommand):
    help = "Remind people with a place at a meeting starting soon (once each)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48, help="How far ahead to look.")

    def handle(self, *args, hours, **options):
        reminded = send_reminders(hours)
        self.stdout.write(
            f"Reminders sent: {reminded}, each the way the person chose (phone calls are "
            "tasks for staff)."
        )
