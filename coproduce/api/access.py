"""Which scopes a person's roles allow. A personal token never holds more, and each use
asks again, so a person who loses a role loses what their tokens read with it."""

from __future__ import annotations

from typing import Any

from .models import Scope

# The permission each scope needs, as the pages ask for the same records.
NEEDS = {
    Scope.FIGURES: "insights.view_dashboard",
    Scope.FINANCE: "payments.view_claims",
    Scope.PROJECTS: "projects.view_project_list",
    Scope.MEETINGS: "meetings.view_meeting_list",
}


def allowed_scopes(person: Any) -> list[str]:
    allowed = [Scope.PUBLIC.value, Scope.OWN_DATA.value]
    allowed += [scope.value for scope, perm in NEEDS.items() if person.has_perm(perm)]
    return [scope for scope in Scope.values if scope in allowed]


def holds(token: Any, scope: str) -> bool:
    """Whether `token` may read `scope` now: it was given the scope and, for a personal
    token, its person's roles still allow it."""
    if scope not in token.scopes:
        return False
    if token.person_id is None:
        return True
    perm = NEEDS.get(Scope(scope))
    return perm is None or bool(token.person.has_perm(perm))


def needs_second_factor(person: Any) -> bool:
    """A staff-side person (or superuser) makes tokens only with two-factor
    authentication set up: a token outlives the session it was made in."""
    from django.conf import settings

    return bool(person.is_superuser or person.has_role(*settings.COPRODUCE_MFA_ROLES))
