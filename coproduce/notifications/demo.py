"""Demo notifications: Chris has a few, some unread, and a personal assistant copied
in on meetings and payments; Jordan gets meeting messages in a daily digest. The
other apps' demo data tell people things through notify() as they go."""

from django.urls import reverse

from coproduce.accounts import demo as account_demo
from coproduce.accounts.models import Role, User
from coproduce.people import actions as people_actions
from coproduce.people.models import CopyTopic, Profile, SupportPerson

from . import actions, contact_demo, signing_in
from .models import Channel, Notification, Preference

CHRIS = "coproducer@example.org"
JORDAN = "coproducer2@example.org"
DIGEST_KINDS = ["meetings.invitation", "meetings.reminder", "meetings.changed"]


NO_EMAIL_NAME = "Dee Walker"


def _person_without_email(log):
    """Dee has no email address: she gets letters, and signs in with a printed card. Each
    run prints her a new card (the code is kept only as a hash, so it cannot be shown
    again) and the command prints its code with the other demo sign-ins."""
    staff = User.objects.filter(email="staff@example.org").first()
    if staff is None:
        return
    dee = User.objects.filter(name=NO_EMAIL_NAME, email=None).first()
    if dee is None:
        dee = people_actions.create_person(
            created_by=staff,
            data={
                "name": NO_EMAIL_NAME,
                "address": "12 Meadow Road\nLeeds\nLS7 3QT",
                "contact_methods": ["post"],
            },
        )
    if not dee.has_role(Role.COPRODUCER):
        return
    _card, code = actions.issue_sign_in_card(person=dee, issued_by=staff)
    shown = signing_in.card_code_shown(code)
    account_demo.add_sign_in(
        shown,
        f"sign-in card for {NO_EMAIL_NAME} (no email), at {reverse('notifications:sign_in_with_card')}",
    )
    log(f"Demo person without email: {NO_EMAIL_NAME}, with a new sign-in card")


def load(log):
    contact_demo.load(log)
    _person_without_email(log)
    chris = User.objects.filter(email=CHRIS).first()
    jordan = User.objects.filter(email=JORDAN).first()
    if chris is None or jordan is None:
        return
    profile, _ = Profile.objects.get_or_create(user=chris)
    SupportPerson.objects.get_or_create(
        profile=profile,
        name="Robin Doyle",
        defaults={
            "relationship": "pa",
            "email": "robin.doyle@example.org",
            "copy_in": True,
            "copy_topics": [CopyTopic.MEETINGS, CopyTopic.PAYMENTS],
        },
    )
    told = [
        actions.notify(
            chris,
            "meetings.reminder",
            subject="Reminder: Transport group",
            body="The transport group meets on Thursday at 2pm. Your BSL interpreter is booked.",
            easy_read="The transport group meets on Thursday. Your interpreter is booked.",
            url=reverse("meetings:meeting_list"),
            key="demo.reminder",
        ),
        actions.notify(
            chris,
            "payments.claim_changed",
            subject="Your claim is approved",
            body="Your claim for the transport group is approved. Our finance team will pay "
            "you soon.",
            url=reverse("payments:my_claims"),
            key="demo.claim_approved",
        ),
        actions.notify(
            chris,
            "projects.team",
            subject="You are on a new project team",
            body="You were added to a project team as a co-producer. Welcome!",
            url=reverse("projects:project_list"),
            key="demo.team",
        ),
    ]
    first = told[2]
    if first is not None:
        actions.mark_read(notification=first)
    for kind in DIGEST_KINDS:
        Preference.objects.get_or_create(
            user=jordan, kind=kind, defaults={"channel": Channel.DIGEST}
        )
    for n, title in enumerate(["Planning group", "Easy Read working group"]):
        actions.notify(
            jordan,
            "meetings.invitation",
            subject=f"Invitation: {title}",
            body=f"You are invited to the {title.lower()}. Reply yes, no or maybe.",
            url=reverse("meetings:meeting_list"),
            key=f"demo.digest.{n}",
        )
    unread = Notification.objects.filter(recipient=chris, read_at=None).count()
    log(
        f"Demo notifications: {chris.name} has {unread} unread, Robin Doyle copied in; "
        f"{jordan.name} gets meeting messages in a daily digest"
    )
