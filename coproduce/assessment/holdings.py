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
            "notes": "progress on the organisation's plan; notes you wrote are in their own section"
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
)
