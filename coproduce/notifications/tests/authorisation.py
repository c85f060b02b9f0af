from coproduce.tests.authorisation import (
    POST_ONLY,
    REDIRECT,
    everyone,
    only,
    signed_in,
    visitors_only,
)

# The roles that phone, text and write to people (notifications.work_contact_tasks).
CONTACTS = ("administrator", "lead", "staff")


def sample_objects(people):
    from coproduce.notifications.actions import issue_sign_in_card, notify

    notification = notify(
        people["coproducer"],
        "meetings.invitation",
        subject="Invitation: Planning group",
        body="You are invited to the planning group on Tuesday.",
        url="/notifications/",
    )
    card, _code = issue_sign_in_card(person=people["coproducer"], issued_by=people["staff"])
    return {"notification": notification, "contact_task": _contact_task(), "sign_in_card": card}


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
    # Signing in without email (decision 0036): for visitors; signed in, it goes to Today.
    "notifications:sign_in_with_card": visitors_only(),
    "notifications:sign_in_text": visitors_only(),
    "notifications:sign_in_text_code": everyone(
        REDIRECT, notes="Without a number asked for first, back to the number page."
    ),
    # The co-producer's cards: the roles that help people, never the person themself.
    "notifications:sign_in_cards": only(
        *CONTACTS, kwargs=lambda f: {"pk": f["people"]["coproducer"].pk}
    ),
    "notifications:cancel_sign_in_card": only(
        *CONTACTS, status=POST_ONLY, crawl=False, kwargs=lambda f: {"pk": f["sign_in_card"].pk}
    ),
}

CASES = {
    "notifications:sign_in_cards": [
        only(
            kwargs=lambda f: {"pk": f["people"]["staff"].pk},
            notes="A staff-side account never signs in with a card: nobody may print one.",
        )
    ],
}
