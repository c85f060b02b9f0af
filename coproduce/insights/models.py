"""The history of the dashboard's figures, and when each board member last looked at
the dashboard, so Today can say which figures moved since (decision 0030)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

ROLLING_12_MONTHS = "12m"


class FigureSnapshot(models.Model):
    """A figure's headline as worked out for no particular viewer on one day: never a
    restricted detail, and None when the figure had no data or was suppressed."""

    key = models.CharField(max_length=100)  # the figure's key in lib.figures
    period = models.CharField(max_length=20, default=ROLLING_12_MONTHS)  # "12m": rolling
    taken_on = models.DateField()
    title = models.CharField(max_length=200)
    value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    unit = models.CharField(max_length=50, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["key", "period", "taken_on"], name="insights_one_snapshot_a_day"
            )
        ]

    def __str__(self):
        return f"{self.key} ({self.period}) on {self.taken_on}"


class DashboardVisit(models.Model):
    """The day a board member last opened the dashboard, and the visit day before it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dashboard_visit"
    )
    last_seen_on = models.DateField()
    previous_seen_on = models.DateField(null=True, blank=True)

    def __str__(self):
        return f"Dashboard last seen on {self.last_seen_on}"


class FigureSet(models.Model):
    """Every dashboard figure for a preset period, worked out ahead of time for one
    audience, so the dashboard and the board report read one row (decision 0031). An
    audience is the answers to the permissions the figures asked about (`asked`); the set
    is shown only to a person who answers each of them the same."""

    preset = models.CharField(max_length=20)  # a preset of periods.PeriodForm: "12m"
    audience = models.CharField(max_length=500)  # `asked` as text, for the unique key
    asked = models.JSONField(default=dict)  # {permission: answer}
    reads = models.JSONField(default=list)  # [[what, reason]] logged for each person shown
    start = models.DateField()
    end = models.DateField()
    figures = models.JSONField(default=list)  # stored.figure_out() of each, in order
    html = models.TextField(blank=True)  # the figures as the dashboard shows them
    computed_at = models.DateTimeField()
    refresh_asked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["preset", "audience"], name="insights_one_figure_set_an_audience"
            )
        ]

    def __str__(self):
        return f"Dashboard figures ({self.preset}, {self.audience or 'everyone'})"


class BoardCommentary(models.Model):
    """What co-producers say about the figures of a period, written by one of them for
    the board report. Their name is shown with it only when they said so. The history
    keeps what was written and by whom."""

    LONGEST = 4000

    start = models.DateField()
    end = models.DateField()
    text = models.TextField(_("Commentary"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="board_commentaries",
    )
    show_name = models.BooleanField(default=False)
    written_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-written_at", "-pk"]
        indexes = [models.Index(fields=["end", "start"], name="commentary_period")]

    def __str__(self):
        return self.text[:80]

    @property
    def byline(self):
        """Who wrote it, as the board report says: their name only with their consent."""
        if self.show_name and self.author is not None:
            return f"{self.author}, co-producer"
        return "A co-producer"
