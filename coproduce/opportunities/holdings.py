"""Where opportunities hold a person's data, for download and erasure (see
privacy.registry). Erasure keeps applications for the counts behind fair
selection, without the person's own words."""

from coproduce.privacy.registry import Holding

HOLDINGS = (
    Holding(
        "opportunities.Application",
        "person",
        "Opportunities you were interested in",
        (
            "opportunity__title",
            "answers",
            "received",
            "on_behalf_reason",
            "status",
            "message",
            "created_at",
            "decided_at",
        ),
        erase="blank",
        blank=("answers", "message", "on_behalf_reason"),
    ),
    Holding(
        "opportunities.Application",
        "recorded_by",
        "Interest you recorded for others",
        ("opportunity__title", "received", "created_at"),
        about_them=False,
    ),
    Holding(
        "opportunities.Opportunity",
        "created_by",
        "Opportunities you offered",
        ("title", "status", "closing_on"),
        about_them=False,
    ),
)
