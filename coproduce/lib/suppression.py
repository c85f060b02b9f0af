"""Small-number suppression for every aggregate that describes people.

A count under the floor is hidden. If only one count in a table is hidden, it
could be worked out from the total and the others, so the next smallest count
is hidden too (secondary suppression); when there is none, the total is hidden
instead. Zero is shown: it identifies nobody."""

from collections.abc import Collection, Hashable, Mapping
from typing import TypeVar

from django.conf import settings

Label = TypeVar("Label", bound=Hashable)


def floor() -> int:
    return int(getattr(settings, "COPRODUCE_SMALL_NUMBER_FLOOR", 5))


def suppress(
    counts: Mapping[Label, int], minimum: int | None = None, hidden: Collection[Label] = ()
) -> tuple[dict[Label, int | None], int | None]:
    """{label: count} -> ({label: count or None}, total or None). None means too
    few to show. `hidden`: labels already hidden for another reason (a cell of a
    two-way table hidden in its column), treated like small counts here."""
    minimum = floor() if minimum is None else minimum
    shown = {
        label: (n if (n == 0 or n >= minimum) and label not in hidden else None)
        for label, n in counts.items()
    }
    total = sum(counts.values())
    hidden_now = [label for label, n in shown.items() if n is None]
    total_shown = total if total == 0 or total >= minimum else None
    if len(hidden_now) == 1:
        visible = sorted((n, label) for label, n in shown.items() if n)
        if visible:
            shown[visible[0][1]] = None
        else:
            total_shown = None
    return shown, total_shown
