"""Insights use cases: recording a board member's visit to the dashboard."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Case, F, When

from .models import DashboardVisit


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
