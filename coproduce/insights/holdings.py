"""Where insights holds a person's data, for download and erasure (see privacy.registry):
the days they last opened the dashboard (erasure deletes it), and the commentaries they
wrote for the board report (erasure empties the text and the history's copies go)."""

from coproduce.privacy.registry import Holding

HOLDINGS = (
    Holding(
        "insights.DashboardVisit",
        "user",
        "When you last looked at the dashboard",
        ("last_seen_on", "previous_seen_on"),
        erase="delete",
    ),
    Holding(
        "insights.BoardCommentary",
        "author",
        "Commentaries you wrote for the board report",
        ("start", "end", "text", "show_name", "written_at"),
        erase="blank",
        blank=("text",),
    ),
    Holding(
        "insights.HistoricalBoardCommentary",
        "author",
        "Earlier records of commentaries you wrote for the board report",
        ("history_date", "history_type", "history_change_reason", "text", "show_name"),
        erase="delete",
    ),
    Holding(
        "insights.HistoricalBoardCommentary",
        "history_user",
        "Commentaries for the board report you added or changed",
        ("history_date", "history_type"),
        about_them=False,
    ),
)
