"""Where projects hold a person's data, for download and erasure (see privacy.registry).
Erasure keeps these rows, pointing at the anonymised account, so a project's
evidence and counts stay true; a person's own words on a decision are removed."""

from coproduce.privacy.registry import Holding

HOLDINGS = (
    Holding(
        "projects.TeamMember",
        "person",
        "Project teams you were on",
        ("project__title", "kind", "role", "joined_on", "left_on"),
    ),
    Holding(
        "projects.Decision",
        "present",
        "Decisions you were there for",
        (
            "project__title",
            "decided_on",
            "what",
            "why",
            "agreement",
            "status",
            "outcome",
            "closed_at",
        ),
        withheld={
            "views": "other people's views on the decision; yours are in their own section",
            "positions": "other people's positions; yours are in their own section",
        },
    ),
    Holding(
        "projects.Feedback",
        "said_by",
        "Things you said (you said, we did)",
        ("project__title", "said_on", "said", "source", "outcome", "response"),
    ),
    Holding(
        "projects.DecisionView",
        "author",
        "Your views on decisions",
        ("decision__what", "text", "created_at"),
        erase="blank",
        blank=("text",),
    ),
    Holding(
        "projects.Position",
        "person",
        "Your positions on decisions",
        (
            "decision__project__title",
            "decision__what",
            "stance",
            "reason",
            "way",
            "on_behalf_reason",
            "recorded_at",
        ),
        erase="blank",
        blank=("reason",),
    ),
    Holding(
        "projects.Position",
        "recorded_by",
        "Positions you recorded for others",
        ("decision__project__title", "decision__what", "stance", "way", "recorded_at"),
        about_them=False,
    ),
    Holding("projects.Project", "lead", "Projects you led", ("title", "status"), about_them=False),
    Holding(
        "projects.RungDeclaration",
        "declared_by",
        "Ladder rungs you declared",
        ("project__title", "rung__number", "reason", "declared_at"),
        about_them=False,
    ),
    Holding(
        "projects.Decision",
        "recorded_by",
        "Decisions you recorded or suggested",
        ("project__title", "decided_on", "what", "status"),
        about_them=False,
    ),
    Holding(
        "projects.Feedback",
        "recorded_by",
        "'You said' items you recorded",
        ("project__title", "said_on", "said"),
        about_them=False,
    ),
    Holding(
        "projects.Feedback",
        "responded_by",
        "'We did' answers you gave",
        ("project__title", "responded_on", "response"),
        about_them=False,
    ),
)
