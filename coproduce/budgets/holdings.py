"""Where the budget holds a person's data, for download and erasure (see
privacy.registry). Budget lines, planned activities, prices and estimates are the
organisation's: erasing the person who entered one keeps it, pointing at the anonymised
account, so the year's plan and a project's costing do not change."""

from coproduce.privacy.registry import Holding

HOLDINGS = (
    Holding(
        "budgets.PlannedLine",
        "created_by",
        "Budget lines you entered",
        ("month", "description", "amount", "created_at"),
        about_them=False,
    ),
    Holding(
        "budgets.PlannedActivity",
        "created_by",
        "Planned activities you entered in the budget",
        ("on", "description", "people", "minutes", "created_at"),
        about_them=False,
    ),
    Holding(
        "budgets.SupportRate",
        "created_by",
        "Prices of access support you entered",
        ("service__name", "starts_on", "amount", "created_at"),
        about_them=False,
    ),
    Holding(
        "budgets.Estimate",
        "created_by",
        "Estimates you made",
        ("title", "purpose", "created_at"),
        about_them=False,
    ),
    Holding(
        "budgets.Estimate",
        "adopted_by",
        "Estimates you made a project's budget",
        ("title", "adopted_at"),
        about_them=False,
    ),
)
