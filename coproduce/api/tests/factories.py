from datetime import timedelta

from django.utils import timezone

from coproduce.api import actions


def make_token(*, person=None, by=None, scopes=("own_data",), days=30, name="Reporting"):
    """(record, token) through the actions, as the pages make them."""
    expires_at = timezone.now() + timedelta(days=days)
    if person is not None:
        return actions.create_personal_token(
            person=person, name=name, scopes=list(scopes), expires_at=expires_at
        )
    return actions.create_organisation_token(
        by=by, name=name, scopes=list(scopes), expires_at=expires_at
    )
