"""Records an automated accessibility check so the statement can show its date.
Run it after the crawl, for example from the release pipeline."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from coproduce.site.models import AccessibilityCheck


class Command(BaseCommand):
    help = "Record the results of an automated accessibility check for the accessibility statement."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="How many pages were checked.")
        parser.add_argument(
            "--problems", type=int, required=True, help="How many problems were found."
        )
        parser.add_argument("--date", help="Date of the check, YYYY-MM-DD. Today if left out.")
        parser.add_argument("--how", help="How it was checked, in a few words.")

    def handle(self, *args, pages, problems, date=None, how=None, **options):
        if pages < 0 or problems < 0:
            raise CommandError("Pages and problems cannot be negative.")
        try:
            checked_on = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as error:
            raise CommandError("Give the date as YYYY-MM-DD.") from error
        if checked_on > timezone.localdate():
            raise CommandError("The date of the check cannot be in the future.")
        fields = {"checked_on": checked_on, "pages_checked": pages, "problems_found": problems}
        if how:
            fields["how"] = how
        check = AccessibilityCheck.objects.create(**fields)
        self.stdout.write(
            f"Recorded: {check.pages_checked} pages, {check.problems_found} problems, "
            f"{check.checked_on}."
        )
