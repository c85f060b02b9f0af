"""Equality answers leave this app only as counts, and only for those with the
permission. Each read is logged; small counts are hidden so nobody can be picked out."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count

from coproduce.lib.suppression import suppress
from coproduce.privacy.log import record_read
from coproduce.privacy.models import ReadLog

from .models import EqualityMonitoring


def answer_counts(viewer, question, reason, floor=None, people=None):
    """[(label, count or None)] for one question, over everyone or over `people`
    (a queryset of users); None means the count is too small to show, or could
    be worked out from the others (coproduce.lib.suppression)."""
    if not viewer.has_perm("people.view_equality_aggregate"):
        raise PermissionDenied
    if question not in EqualityMonitoring.QUESTIONS:
        raise ValueError(f"Not an equality question: {question}")
    answers = EqualityMonitoring.objects.all()
    if people is not None:
        answers = answers.filter(user__in=people)
    counts = dict(
        answers.exclude(**{question: ""})
        .values_list(question)
        .annotate(n=Count("pk"))
        .values_list(question, "n")
    )
    record_read(viewer=viewer, subject=None, what=ReadLog.What.EQUALITY, reason=reason)
    choices = EqualityMonitoring._meta.get_field(question).choices
    shown, _ = suppress({code: counts.get(code, 0) for code, _label in choices}, floor)
    return [(label, shown[code]) for code, label in choices]
