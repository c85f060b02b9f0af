"""The read log of sensitive data and people's data-protection requests."""

import calendar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ReadLog(models.Model):
    """Someone other than the person read their access passport or equality answers."""

    class What(models.TextChoices):
        ACCESS_PASSPORT = "access_passport", _("Access passport")
        ACCESS_ARRANGEMENTS = "access_arrangements", _("Access arrangements only")
        EQUALITY = "equality", _("Equality monitoring answers")
        LIVED_EXPERIENCE = "lived_experience", _("Lived experience")
        ALL_DATA = "all_data", _("Everything we hold (data download)")
        BANK_DETAILS = "bank_details", _("Bank details (finance, to pay you)")
        PAYMENT_STATEMENT = "payment_statement", _("Your yearly statement of payments")
        PAYMENT_LIMITS = "payment_limits", _("Warnings that your fees near a limit")

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reads_made"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="reads_of_my_data",
    )
    what = models.CharField(max_length=30, choices=What.choices)
    reason = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["subject", "-at"])]

    def __str__(self):
        return f"{self.viewer} read {self.get_what_display()} of {self.subject}"


def one_month_after(moment):
    """The same day next month, or the month's last day (the ICO's rule)."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.date().replace(year=year, month=month, day=day)


class DataRequest(models.Model):
    """A subject access request or an erasure request, with its one-month due date."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("A copy of their data (subject access request)")
        ERASURE = "erasure", _("Delete their data (erasure)")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="data_requests"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    received_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="data_requests_recorded",
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["completed_at", "due_on"]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.person}"

    def save(self, *args, **kwargs):
        if not self.due_on:
            self.due_on = one_month_after(timezone.localtime(self.received_at))
        super().save(*args, **kwargs)

    @property
    def overdue(self):
        return not self.completed_at and timezone.localdate() > self.due_on

    @property
    def days_left(self):
        return (self.due_on - timezone.localdate()).days


class RetentionPeriod(models.Model):
    """How many months one kind of record is kept (see retention.py)."""

    key = models.CharField(max_length=60, unique=True)
    months = models.PositiveSmallIntegerField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.key}: {self.months} months"


class RetentionRun(models.Model):
    """One pass of deleting what was due: when, by whom (nobody: the schedule), how many."""

    ran_at = models.DateTimeField(default=timezone.now)
    ran_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted = models.JSONField(default=dict)  # {rule key: number deleted}

    class Meta:
        ordering = ["-ran_at"]

    def __str__(self):
        return f"Retention run at {self.ran_at:%Y-%m-%d %H:%M}"

    @property
    def total(self):
        return sum(self.deleted.values())
