import rules

from coproduce.accounts.rules import is_administrator, is_lead, is_signed_in, is_staff_member
from coproduce.people.rules import is_self


@rules.predicate
def is_recipient(user, notification):
    return notification is not None and notification.recipient_id == user.pk


rules.add_perm("notifications.view_own", is_signed_in)
rules.add_perm("notifications.view_notification", is_signed_in & is_recipient)
rules.add_perm("notifications.view_deliveries", is_lead | is_administrator)

# People to phone, text or write to: the roles that already find people and see their
# contact details (people.rules.finds_people).
works_contact_tasks = is_lead | is_staff_member | is_administrator
rules.add_perm("notifications.work_contact_tasks", works_contact_tasks)


# Sign-in cards (decision 0036): the roles that find people and help them, for people
# who may sign in without email (never a staff-side account), and never for oneself.
@rules.predicate
def signs_in_without_email(user, person):
    return person is not None and person.may_sign_in_without_email


rules.add_perm(
    "notifications.issue_sign_in_card",
    works_contact_tasks & ~is_self & signs_in_without_email,
)
