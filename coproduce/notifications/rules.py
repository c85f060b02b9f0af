import rules

from coproduce.accounts.rules import is_administrator, is_lead, is_signed_in, is_staff_member


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
