"""The kinds of message Coproduce sends. Each kind is a line on the "How we contact
you" page, where a person chooses how they want that kind of message."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str  # "meetings.invitation"
    label: str | Promise  # "Invitations to meetings" (shown on the preferences page)
    description: str | Promise  # one sentence
    staff_only: bool = False
    # What a supporter may be copied in on, as people.models.CopyTopic values; empty: never.
    topic: str = ""
    # False for kinds a person cannot choose a channel for (they have no account yet).
    choosable: bool = True


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _KINDS[kind.key] = kind


def get(key: str) -> Kind:
    return _KINDS[key]


def all_kinds() -> list[Kind]:
    return list(_KINDS.values())


# Every kind of message, registered from registrations.py.
KINDS: tuple[Kind, ...] = (
    Kind(
        "notifications.sign_in_code",
        "Sign-in codes",
        "When you ask for a code to sign in by text message.",
        choosable=False,
    ),
    Kind(
        "accounts.invitation",
        _("Invitations to make an account"),
        _("When someone invites you to Coproduce."),
        choosable=False,
    ),
    Kind(
        "people.supporter_acted",
        _("What your supporters do for you"),
        _(
            "When someone you let act for you does something for you, such as replying to an "
            "invitation."
        ),
    ),
    Kind(
        "meetings.invitation",
        _("Invitations to meetings"),
        _("When you are invited to a meeting, or a place comes free for you."),
        topic="meetings",
    ),
    Kind(
        "meetings.reminder",
        _("Meeting reminders"),
        _("A reminder a day or two before a meeting you are going to."),
        topic="meetings",
    ),
    Kind(
        "meetings.changed",
        _("Changes to meetings"),
        _("When a meeting you are invited to moves, changes or is cancelled."),
        topic="meetings",
    ),
    Kind(
        "meetings.papers",
        _("Meeting papers"),
        _("When the papers for a meeting are ready in the format you asked for."),
        topic="meetings",
    ),
    Kind(
        "meetings.feedback_reminder",
        _("Feedback after meetings"),
        _("Asking you how a meeting went for you."),
        topic="meetings",
    ),
    Kind(
        "meetings.claim_reminder",
        _("Claiming for meetings"),
        _("Reminding you to claim your payment or expenses after a meeting."),
        topic="payments",
    ),
    Kind(
        "meetings.arrangement_due",
        _("Access arrangements you look after"),
        _("When an access arrangement you own is due soon or overdue."),
        staff_only=True,
    ),
    Kind(
        "meetings.feedback_follow_up",
        _("Access needs not met"),
        _("When someone says their access needs were not met at a meeting."),
        staff_only=True,
    ),
    Kind(
        "payments.claim_changed",
        _("Your claims"),
        _("When your claim is approved, paid or returned to you to change."),
        topic="payments",
    ),
    Kind(
        "payments.claim_to_approve",
        _("Claims to approve"),
        _("When a claim is waiting for you to approve it."),
        staff_only=True,
    ),
    Kind(
        "projects.you_said_answered",
        _("Answers to what you said"),
        _("When we answer something you said about a project."),
        topic="projects",
    ),
    Kind(
        "projects.decision",
        _("Decisions on your projects"),
        _("When a decision opens for your position, and when it closes with its outcome."),
        topic="projects",
    ),
    Kind(
        "projects.team",
        _("Project teams"),
        _("When you are added to a project team."),
        topic="projects",
    ),
    Kind(
        "opportunities.alert",
        _("New opportunities"),
        _("When a new opportunity matches your interests."),
        topic="opportunities",
    ),
    Kind(
        "opportunities.decision",
        _("Your applications"),
        _("The outcome when you put yourself forward for an opportunity."),
        topic="opportunities",
    ),
    Kind(
        "assessment.round_open",
        _("Self-assessment"),
        _("When a self-assessment round is open for you to answer."),
    ),
    Kind(
        "assessment.action_owner",
        _("Actions you own"),
        _("When you are given an action in the co-production plan."),
        staff_only=True,
    ),
    Kind(
        "assessment.action_co_owner",
        _("Actions you co-own"),
        _("When you are asked to co-own an action in the co-production plan."),
    ),
    Kind(
        "site.contact",
        _("Messages and stories to read"),
        _("When someone sends a message or a spotlight story through the website."),
        staff_only=True,
    ),
    Kind(
        "notifications.digest",
        _("The daily digest"),
        _("One message a day with everything you chose to get in the digest."),
        choosable=False,
    ),
)
