"""Lived experience (mental health, a learning disability...) is health data, so
showing it to anyone but the person is logged, like their access needs."""

from coproduce.privacy.log import record_reads
from coproduce.privacy.models import ReadLog


def record_shown(viewer, people, reason):
    """Log that `viewer` saw the lived experience of each of `people` who shared
    some. Pass people with `profile__tags` prefetched: no query per person."""
    shown = []
    for person in people:
        profile = getattr(person, "profile", None)
        if profile is not None and profile.has_lived_experience():
            shown.append(person)
    record_reads(viewer=viewer, subjects=shown, what=ReadLog.What.LIVED_EXPERIENCE, reason=reason)
