"""Strategy commitments for tests, made through the app's own action."""

from datetime import timedelta

from django.utils import timezone

from coproduce.strategy import actions
from coproduce.strategy.models import Commitment


def make_commitment(*, by, owner=None, co_authors=(), **fields):
    fields.setdefault("text", "Co-producers co-chair every project board")
    fields.setdefault("due_on", timezone.localdate() + timedelta(days=120))
    return actions.save_commitment(
        commitment=Commitment(owner=owner or by, **fields), by=by, co_authors=list(co_authors)
    )
