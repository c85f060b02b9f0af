"""The one way to record that someone read another person's sensitive data."""

from coproduce.lib.figures import Audience

from .models import ReadLog


def record_read(*, viewer, subject, what, reason, own_too=False):
    """own_too: log it even when they read their own data (their bank details
    leaving in a download), so a download made by someone else in their name shows.
    A figure worked out ahead of time for an Audience (no person) holds its read of
    aggregates back, to be logged for each person the figure is shown to."""
    if isinstance(viewer, Audience):
        if subject is not None:
            raise ValueError("Figures worked out ahead of time read aggregates only.")
        viewer.hold_read(what, reason[:200])
        return None
    if not own_too and viewer is not None and subject is not None and viewer.pk == subject.pk:
        return None  # reading your own data is not logged
    return ReadLog.objects.create(viewer=viewer, subject=subject, what=what, reason=reason[:200])


def record_reads(*, viewer, subjects, what, reason):
    ReadLog.objects.bulk_create(
        ReadLog(viewer=viewer, subject=subject, what=what, reason=reason[:200])
        for subject in subjects
        if viewer is None or subject.pk != viewer.pk
    )
