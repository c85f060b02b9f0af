"""Whether a case study may be published: everyone named or pictured must have agreed.

This is the one place that answers that question. Agreement to this story is
recorded against each featured person; someone with an account must also have
said yes to case studies in their own consent records (people app), and
withdrawing there takes the story down (CaseStudy.objects.published())."""

from coproduce.people.consent import has_consent

from .models import Consent


def has_publication_consent(featured_person):
    agreed_to_this_story = (
        featured_person.consent == Consent.GIVEN and featured_person.consent_recorded_at is not None
    )
    if not agreed_to_this_story:
        return False
    return featured_person.account_id is None or has_consent(
        featured_person.account, "case_studies"
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
        elif person.consent == Consent.GIVEN:
            problems.append(
                f"{person.name} has not said yes to case studies in their own consent "
                "records. Ask them, or a member of staff can record it for them."
            )
        else:
            problems.append(
                f"{person.name} has not agreed yet. Record their consent before publishing."
            )
    return problems
