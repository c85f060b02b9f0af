"""Where the self-assessment holds a person's data (see privacy.registry).
Erasure keeps scores for the organisation's results, without the person's comments."""

from coproduce.privacy.registry import Holding

from .models import Answer


def _answers(person):
    return list(
        Answer.objects.filter(response__person=person)
        .order_by("response__round__opened_on", "statement__order")
        .values(
            "response__round__title",
            "response__perspective",
            "statement__text",
            "score",
            "comment",
        )
    )


def _erase_comments(person):
    Answer.objects.filter(response__person=person).update(comment="")


HOLDINGS = (
    Holding(
        "assessment.Response",
        "person",
        "Your self-assessment answers",
        export=_answers,
        parts=("answers",),
        erase_with=_erase_comments,
    ),
    Holding(
        "assessment.Round",
        "opened_by",
        "Self-assessment rounds you opened",
        ("title", "opened_on", "closes_on"),
        about_them=False,
    ),
    Holding(
        "assessment.Action",
        "owner",
        "Actions you own in the co-production plan",
        ("area", "what", "due_on", "status"),
        withheld={
            "notes": "progress on the organisation's plan; notes you wrote are in their own section",
            "co_owners": "who co-owns the action with you; actions you co-own are in their own "
            "section",
            "comments": "comments on the organisation's plan; comments you wrote are in their "
            "own section",
        },
    ),
    Holding(
        "assessment.Action",
        "created_by",
        "Actions you raised in the co-production plan",
        ("area", "what", "due_on"),
        about_them=False,
    ),
    Holding(
        "assessment.ActionNote",
        "author",
        "Progress you recorded on actions",
        ("action__what", "text", "created_at"),
        about_them=False,
    ),
    # Co-owning actions and commenting on them (the history models keep who did what when).
    Holding(
        "assessment.ActionCoOwner",
        "person",
        "Actions you co-own in the co-production plan",
        ("action__what", "added_at"),
        erase="delete",
    ),
    Holding(
        "assessment.ActionCoOwner",
        "added_by",
        "Co-owners you added to actions",
        ("action__what", "added_at"),
        about_them=False,
    ),
    Holding(
        "assessment.HistoricalActionCoOwner",
        "person",
        "Earlier records of actions you co-owned",
        ("history_date", "history_type", "history_change_reason", "action_id"),
        erase="delete",
    ),
    Holding(
        "assessment.HistoricalActionCoOwner",
        "added_by",
        "Earlier records of co-owners you added",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "assessment.HistoricalActionCoOwner",
        "history_user",
        "Changes you made to who co-owns actions",
        ("history_date", "history_type"),
        about_them=False,
    ),
    Holding(
        "assessment.ActionComment",
        "author",
        "Comments you wrote on actions",
        ("action__what", "text", "created_at"),
        erase="blank",
        blank=("text",),
    ),
    Holding(
        "assessment.HistoricalActionComment",
        "author",
        "Earlier records of comments you wrote on actions",
        ("history_date", "history_type", "history_change_reason", "text"),
        erase="delete",
    ),
    Holding(
        "assessment.HistoricalActionComment",
        "history_user",
        "Comments on actions you added or changed",
        ("history_date", "history_type"),
        about_them=False,
    ),
)
