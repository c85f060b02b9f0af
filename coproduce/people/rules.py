"""Who may see and change people's information. The passport and equality
answers are special category data: fewest people, every read logged."""

import rules

from coproduce.accounts.rules import (
    is_administrator,
    is_board,
    is_lead,
    is_signed_in,
    is_staff_member,
)


@rules.predicate
def is_self(user, person):
    return person is not None and user.is_authenticated and user.pk == person.pk


# Staff who run projects and meetings arrange access, so they may read passports.
works_with_people = is_lead | is_staff_member
finds_people = is_lead | is_staff_member | is_administrator

rules.add_perm("people.view_own", is_signed_in)
rules.add_perm("people.list_people", finds_people)
rules.add_perm("people.view_person", finds_people)
rules.add_perm("people.view_access_passport", is_self | works_with_people)
rules.add_perm("people.edit_on_behalf", works_with_people & ~is_self)
# Equality answers are only ever read in aggregate, and only by the lead.
rules.add_perm("people.view_equality_aggregate", is_lead)
# Suppressed equality aggregates on the dashboard and in the board report.
rules.add_perm("people.view_equality_report", is_lead | is_board)
rules.add_perm("people.review_interest", is_lead)
rules.add_perm("people.import_people", is_lead | is_administrator)
