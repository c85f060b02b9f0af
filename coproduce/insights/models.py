"""The history of the dashboard's figures, and when each board member last looked at
the dashboard, so Today can say which figures moved since (decision 0030)."""

from django.conf import settings
from django.db import models

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
