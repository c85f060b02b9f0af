"""Insights use cases: recording a board member's visit to the dashboard, and keeping
the dashboard's figures worked out ahead of time (decision 0031)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, When
from django.utils import timezone

from coproduce.lib.figures import Period
from coproduce.privacy.log import record_read

from .models import ROLLING_12_MONTHS, BoardCommentary, DashboardVisit, FigureSet, FigureSnapshot


def record_visit(*, user: Any, today: date) -> None:
    """Moves the last visit to `previous_seen_on` when it was an earlier day, and makes
    today the last visit: one UPDATE, and an INSERT on the first visit only."""
    updated = DashboardVisit.objects.filter(user=user).update(
        previous_seen_on=Case(
            When(last_seen_on__lt=today, then=F("last_seen_on")),
            default=F("previous_seen_on"),
        ),
        last_seen_on=today,
    )
    if updated:
        return
    try:
        with transaction.atomic():
            DashboardVisit.objects.create(user=user, last_seen_on=today)
    except IntegrityError:
        # Two first visits at once: the other one recorded today already.
        pass


def store_figure_set(
    *,
    preset: str,
    period: Period,
    audience: str,
    asked: dict[str, bool],
    reads: list[tuple[str, str]],
    figures: list[dict[str, Any]],
    html: str,
    replacing: int | None = None,
) -> FigureSet:
    """Stores (or replaces) the dashboard's figures of a preset for one audience. A set
    worked out again whose audience changed replaces the one it was worked out from."""
    with transaction.atomic():
        figure_set, _ = FigureSet.objects.update_or_create(
            preset=preset,
            audience=audience,
            defaults={
                "asked": asked,
                "reads": [list(read) for read in reads],
                "start": period.start,
                "end": period.end,
                "figures": figures,
                "html": html,
                "computed_at": timezone.now(),
                "refresh_asked_at": None,
            },
        )
        if replacing is not None and replacing != figure_set.pk:
            FigureSet.objects.filter(pk=replacing).delete()
    return figure_set


def drop_figure_set(*, figure_set_id: int) -> None:
    FigureSet.objects.filter(pk=figure_set_id).delete()


def ask_for_refresh(*, figure_set: FigureSet, now: datetime, after: timedelta) -> bool:
    """Marks a stale set as being worked out again. True for the one request, on
    whichever server, that should queue it: not again until `after` has passed."""
    return bool(
        FigureSet.objects.filter(pk=figure_set.pk)
        .filter(Q(refresh_asked_at__isnull=True) | Q(refresh_asked_at__lte=now - after))
        .update(refresh_asked_at=now)
    )


def record_reads_shown(*, viewer: Any, reads: list[list[str]]) -> None:
    """Logs for `viewer` the reads of restricted data the figures shown to them made:
    one row for each kind of data, giving every reason, so one INSERT a visit."""
    reasons: dict[str, list[str]] = {}
    for what, reason in reads:
        reasons.setdefault(what, []).append(reason)
    for what, given in reasons.items():
        record_read(viewer=viewer, subject=None, what=what, reason="; ".join(given))


def clean_commentary(text: str) -> str:
    """A commentary as stored: surrounding space gone. Raises ValueError when empty or
    longer than BoardCommentary.LONGEST (the form says so first; this holds for any caller)."""
    text = text.strip()
    if not text:
        raise ValueError("A commentary cannot be empty.")
    if len(text) > BoardCommentary.LONGEST:
        raise ValueError(f"A commentary can be up to {BoardCommentary.LONGEST} characters.")
    return text


@transaction.atomic
def write_commentary(*, period: Period, text: str, author: Any, show_name: bool) -> BoardCommentary:
    """A co-producer's commentary on the figures of `period`, for the board report."""
    return BoardCommentary.objects.create(
        start=period.start,
        end=period.end,
        text=clean_commentary(text),
        author=author,
        show_name=show_name,
    )


@transaction.atomic
def record_demo_history(*, key: str, values: dict[date, Decimal], title: str, unit: str) -> int:
    """Demo only: past snapshots of one figure, as if the daily job had run on those days,
    so a made-up organisation has a trajectory to show. Days already stored are left
    alone. Returns how many were added."""
    added = 0
    for day, value in values.items():
        _, created = FigureSnapshot.objects.get_or_create(
            key=key,
            period=ROLLING_12_MONTHS,
            taken_on=day,
            defaults={"title": title, "value": value, "unit": unit, "summary": ""},
        )
        added += int(created)
    return added
