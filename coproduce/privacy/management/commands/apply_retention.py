"""Delete the records that have passed their retention period. Run it daily
(cron, a systemd timer or the platform's scheduler); running it twice does no harm."""

from django.core.management.base import BaseCommand

from coproduce.privacy import retention


class Command(BaseCommand):
    help = "Delete records kept longer than their retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what is due without deleting it."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = retention.due_counts() if dry_run else retention.apply().deleted
        verb = "due for deletion" if dry_run else "deleted"
        for rule in retention.rules():
            self.stdout.write(f"{counts[rule.key]:>7}  {rule.records} {verb}")
