"""Where insights holds a person's data, for download and erasure (see privacy.registry):
the days they last opened the dashboard. Erasure deletes it."""

from coproduce.privacy.registry import Holding

HOLDINGS = (
    Holding(
        "insights.DashboardVisit",
        "user",
        "When you last looked at the dashboard",
        ("last_seen_on", "previous_seen_on"),
        erase="delete",
    ),
)
