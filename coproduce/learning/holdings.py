"""Where learning holds a person's data (see privacy.registry). Erasure keeps
the completion for the share of staff trained, without the reflection."""

from coproduce.privacy.registry import Holding

HOLDINGS = (
    Holding(
        "learning.Completion",
        "person",
        "Training you completed",
        ("module__title", "completed_on", "reflection"),
        erase="blank",
        blank=("reflection",),
    ),
    Holding(
        "learning.Completion",
        "recorded_by",
        "Training you recorded for others",
        ("module__title", "completed_on"),
        about_them=False,
    ),
    Holding(
        "learning.Module",
        "created_by",
        "Learning modules you added",
        ("title", "created_at"),
        about_them=False,
    ),
)
