"""Whether a case study may be published: everyone named or pictured must have agreed.

This is the one place that answers that question. Until the `people` app holds
consent records, the consent recorded against each featured person on the case
study is the record. When `people` exists, `has_publication_consent` should look
up the person's consent record (purpose: appearing in published stories) for
anyone linked to an account, and keep this check for people without one."""

from .models import Consent


def has_publication_consent(featured_person):
    return (
        featured_person.consent == Consent.GIVEN and featured_person.consent_recorded_at is not None
    )


def consent_problems(case_study):
    """Plain-English reasons the case study cannot be published yet; empty when it can."""
    problems = []
    for person in case_study.people.all():
        if has_publication_consent(person):
            continue
        if person.consent == Consent.REFUSED:
            problems.append(
                f"{person.name} has said no. Remove them from the story, or their name or picture."
            )
        else:
            problems.append(
                f"{person.name} has not agreed yet. Record their consent before publishing."
            )
    return problems
