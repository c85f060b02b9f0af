from coproduce.tests.authorisation import POST_ONLY, only, signed_in

# The roles that phone, text and write to people (notifications.work_contact_tasks).
CONTACTS = ("administrator", "lead", "staff")


def sample_objects(people):
    from coproduce.notifications.actions import notify

    notification = notify(
        people["coproducer"],
        "meetings.invitation",
        subject="Invitation: Planning group",
        body="You are invited to the planning group on Tuesday.",
        url="/notifications/",
    )
    return {"notification": notification, "contact_task": _contact_task()}


def _contact_task():
    """A letter waiting to be printed, to someone who asked for post."""
    from coproduce.accounts.models import User
    from coproduce.notifications.models import ContactTask, Delivery, Notification
    from coproduce.people.models import Profile

    person = User.objects.create_user(email="lee.letters@example.org", name="Lee Letters")
    Profile.objects.create(user=person, address="3 Mill Lane\nLeeds\nLS6 2AB")
    notification = Notification.objects.create(
        recipient=person,
        kind="meetings.invitation",
        subject="Invitation: Planning group",
        body="You are invited to the planning group on Tuesday.",
    )
    delivery = Delivery.objects.create(
        notification=notification, channel="letter", status=Delivery.Status.STAFF_TASK
    )
    return ContactTask.objects.create(
        delivery=delivery, person=person, method="letter", reason="Print and post it."
    )


def task(f):
    return {"pk": f["contact_task"].pk}


def mine(f):
    return {"pk": f["notification"].pk}


ROWS = {
    "notifications:list": signed_in(),
    "notifications:detail": only("coproducer", kwargs=mine),
    "notifications:mark_read": only("coproducer", status=POST_ONLY, crawl=False, kwargs=mine),
    "notifications:mark_all_read": signed_in(POST_ONLY, crawl=False),
    "notifications:preferences": signed_in(),
    "notifications:deliveries": only("administrator", "lead"),
    "notifications:contact_tasks": only(*CONTACTS),
    "notifications:contact_task_claim": only(*CONTACTS, status=POST_ONLY, crawl=False, kwargs=task),
    "notifications:contact_task_outcome": only(
        *CONTACTS, status=POST_ONLY, crawl=False, kwargs=task
    ),
    "notifications:letters_pdf": only(*CONTACTS, crawl=False),
    "notifications:letters_posted": only(*CONTACTS, status=POST_ONLY, crawl=False),
}
