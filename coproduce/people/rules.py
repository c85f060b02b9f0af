"""Who may see and change people's information. The passport and equality
answers are special category data: fewest people, every read logged.

Access passports are need-to-know (docs/decisions/0021-need-to-know-passports.md):
the person always; the lead and staff only for someone they work with (a team
they run, a meeting they organise, an opportunity they choose people for) or
for whom they recorded a reason today; administrators, finance and board never."""

import rules
from django.contrib.auth import get_user_model
from django.db.models import Q

from coproduce.accounts.rules import (
    is_administrator,
    is_board,
    is_lead,
    is_signed_in,
    is_staff_member,
)

from . import relationships
from .models import Authority, PassportReason


@rules.predicate
def is_self(user, person):
    return person is not None and user.is_authenticated and user.pk == person.pk


# Staff who run projects and meetings arrange access: their roles may read
# passports, but only of the people they work with.
reads_passports = is_lead | is_staff_member
finds_people = is_lead | is_staff_member | is_administrator


@rules.predicate
def works_with_them(user, person):
    return person is not None and relationships.works_with(user, person)


@rules.predicate
def recorded_a_reason(user, person):
    return (
        person is not None
        and user.is_authenticated
        and PassportReason.objects.current().filter(viewer=user, person=person).exists()
    )


may_read_passport = is_self | (reads_passports & (works_with_them | recorded_a_reason))


def readable_passports_filter(user):
    """The same rule as `people.view_access_passport` as a filter on users, for
    lists: the people other than `user` whose passport `user` may read."""
    if not reads_passports(user):
        return Q(pk__in=[])
    return relationships.worked_with(user) | Q(
        pk__in=PassportReason.objects.current().filter(viewer=user).values("person")
    )


def readable_passports(user, people):
    """The same rule for many people at once, in one query: the ids among
    `people` whose passport `user` may read."""
    ids = {person.pk for person in people}
    readable = ids & {user.pk}
    if ids - readable and reads_passports(user):
        readable |= set(
            get_user_model()
            .objects.filter(pk__in=ids - readable)
            .filter(readable_passports_filter(user))
            .values_list("pk", flat=True)
        )
    return readable


rules.add_perm("people.view_own", is_signed_in)
rules.add_perm("people.list_people", finds_people)
rules.add_perm("people.view_person", finds_people)
rules.add_perm("people.view_access_passport", may_read_passport)
# Finding people by an access need lists only those whose passport the viewer may read.
rules.add_perm("people.find_by_access_need", reads_passports)
rules.add_perm("people.record_passport_reason", reads_passports & ~is_self)
rules.add_perm("people.edit_on_behalf", reads_passports & ~is_self)
# The passport form shows its current answers, so changing it for someone is a read too.
rules.add_perm("people.edit_passport_on_behalf", reads_passports & ~is_self & may_read_passport)
# Equality answers are only ever read in aggregate, and only by the lead.
rules.add_perm("people.view_equality_aggregate", is_lead)
# Suppressed equality aggregates on the dashboard and in the board report.
rules.add_perm("people.view_equality_report", is_lead | is_board)
rules.add_perm("people.review_interest", is_lead)
rules.add_perm("people.import_people", is_lead | is_administrator)
# Adding a co-producer by hand, with or without email (decision 0036).
rules.add_perm("people.add_person", finds_people)


# ---- supporters acting for people (docs/decisions/0034-supporters-acting-for-people.md) ----


@rules.predicate
def holds_it(user, authority):
    """The user is the supporter named, and the person has not withdrawn it. Asked on every
    request from the row just read, so a withdrawal ends the supporter's powers at once."""
    return (
        isinstance(authority, Authority)
        and user.is_authenticated
        and authority.supporter_id == user.pk
        and authority.withdrawn_at is None
    )


def _power(name):
    @rules.predicate(name=f"may_{name}")
    def has_power(user, authority):
        return isinstance(authority, Authority) and bool(getattr(authority, name))

    return has_power


rules.add_perm("people.grant_authority", is_signed_in)
rules.add_perm("people.act_for", holds_it)
rules.add_perm("people.reply_for", holds_it & _power("reply_to_invitations"))
rules.add_perm(
    "people.see_meetings_for",
    holds_it & (_power("see_meetings_and_papers") | _power("reply_to_invitations")),
)
# Papers only with the power named for them: replying alone shows the meetings, not papers.
rules.add_perm("people.see_papers_for", holds_it & _power("see_meetings_and_papers"))
rules.add_perm("people.claim_for", holds_it & _power("help_with_claims"))
