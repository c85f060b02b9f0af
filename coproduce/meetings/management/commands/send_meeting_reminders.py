"""Run every hour or so (cron, or a worker). Each person is reminded once."""

from django.core.management.base import BaseCommand

from coproduce.meetings.actions import send_reminders


class Command(BaseCommand):
    help = "Remind people with a place at a meeting starting soon (once each)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48, help="How far ahead to look.")

    def handle(self, *args, hours, **options):
        sent, by_staff = send_reminders(hours)
        self.stdout.write(
            f"Reminders emailed: {sent}. To remind by phone or text (listed on the meeting "
            f"page): {by_staff}."
        )
