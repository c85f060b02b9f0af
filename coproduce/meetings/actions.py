"""Meeting use cases: one transaction each; people are told once it commits."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.notifications.actions import notify
from coproduce.people import actions as people_actions

from .checklist import mark_stale
from .models import (
    AccessAnswer,
    AlternativeFormat,
    Arrangement,
    Attendance,
    Break,
    Feedback,
    FeedbackGiven,
    Invitation,
    Material,
    Meeting,
)

REPLY_SALT = "coproduce.meetings.reply"
REPLY_LINK_DAYS = 21


def absolute(path):
    return settings.COPRODUCE_SITE_URL.rstrip("/") + path


# The kind of notification each message is (notifications.kinds).
KIND_OF_MESSAGE = {
    "invitation.txt": "meetings.invitation",
    "place_free.txt": "meetings.invitation",
    "changed.txt": "meetings.changed",
    "reminder.txt": "meetings.reminder",
    "follow_up.txt": "meetings.feedback_follow_up",
}


def _email(person, template, context, subject):
    body = render_to_string(f"meetings/email/{template}", {"person": person, **context})
    path = context.get("url", "").removeprefix(settings.COPRODUCE_SITE_URL.rstrip("/"))
    notify(person, KIND_OF_MESSAGE[template], subject=subject, body=body, url=path)


def wants_email(person):
    """Email unless the person told us another way suits them and email does not."""
    profile = getattr(person, "profile", None)
    channels = profile.contact_methods if profile else []
    return not channels or "email" in channels


# ---- meetings -------------------------------------------------------------


CHANGES_PEOPLE_NEED_TO_KNOW = ("starts_at", "duration_minutes", "kind", "venue_id")


@transaction.atomic
def save_meeting(*, meeting, breaks):
    """Creates or updates a meeting and replaces its breaks [(after, length)].
    When the time, length, place or way of taking part changes, everyone with a
    place (or who might come) is told."""
    before = Meeting.objects.filter(pk=meeting.pk).values(*CHANGES_PEOPLE_NEED_TO_KNOW).first()
    meeting.save()
    if before and any(before[f] != getattr(meeting, f) for f in CHANGES_PEOPLE_NEED_TO_KNOW):
        url = absolute(meeting.get_absolute_url())
        for invitation in meeting.invitations.filter(
            reply__in=[Invitation.Reply.YES, Invitation.Reply.MAYBE, Invitation.Reply.WAITING]
        ).select_related("person"):
            _email(
                invitation.person,
                "changed.txt",
                {"meeting": meeting, "url": url},
                f"Changed: {meeting.title}",
            )
    meeting.breaks.all().delete()
    Break.objects.bulk_create(
        Break(meeting=meeting, starts_after_minutes=after, length_minutes=length)
        for after, length in breaks
    )
    if meeting.capacity is not None:
        _fill_from_waiting_list(meeting)
    return meeting


# ---- invitations and replies -----------------------------------------------


def reply_token(invitation):
    return signing.TimestampSigner(salt=REPLY_SALT).sign_object(
        {"i": invitation.pk, "p": invitation.person_id}
    )


def invitation_from_token(token):
    """The invitation a signed email link is for, or ValidationError when the
    link is damaged, expired, or no longer matches the person invited."""
    try:
        data = signing.TimestampSigner(salt=REPLY_SALT).unsign_object(
            token, max_age=REPLY_LINK_DAYS * 24 * 60 * 60
        )
    except signing.SignatureExpired as error:
        raise ValidationError("This link has expired. Sign in to reply instead.") from error
    except signing.BadSignature as error:
        raise ValidationError("This link is not right. Sign in to reply instead.") from error
    invitation = (
        Invitation.objects.select_related("meeting", "person")
        .filter(pk=data.get("i"), person_id=data.get("p"))
        .first()
    )
    if invitation is None:
        raise ValidationError("This link is not right. Sign in to reply instead.")
    if invitation.meeting.has_started:
        raise ValidationError("This meeting has already started, so you cannot reply any more.")
    return invitation


@transaction.atomic
def invite(*, meeting, people, invited_by):
    """Invites people not invited yet; each gets an email with one-step reply links."""
    already = set(meeting.invitations.values_list("person_id", flat=True))
    new = [
        Invitation(meeting=meeting, person=person) for person in people if person.pk not in already
    ]
    Invitation.objects.bulk_create(new)
    mark_stale(meeting)
    created = list(
        meeting.invitations.filter(person__in=[i.person for i in new]).select_related("person")
    )
    for invitation in created:
        token = reply_token(invitation)
        _email(
            invitation.person,
            "invitation.txt",
            {
                "meeting": meeting,
                "invited_by": invited_by,
                "reply_url": absolute(reverse("meetings:reply_by_link", args=[token])),
                "url": absolute(meeting.get_absolute_url()),
            },
            f"Invitation: {meeting.title}",
        )
    return created


def confirmed_count(meeting):
    return meeting.invitations.filter(reply=Invitation.Reply.YES).count()


def _has_room(meeting):
    return meeting.capacity is None or confirmed_count(meeting) < meeting.capacity


@transaction.atomic
def reply(*, invitation, answer, recorded_by=None, reason=""):
    """Records yes, no, maybe or cancelled. Yes when the meeting is full puts
    the person on the waiting list; giving up a place offers it to the next
    person waiting. Staff taking a reply by phone must say why."""
    if answer not in (
        Invitation.Reply.YES,
        Invitation.Reply.NO,
        Invitation.Reply.MAYBE,
        Invitation.Reply.CANCELLED,
    ):
        raise ValidationError("Choose yes, no or maybe.")
    meeting = Meeting.objects.select_for_update().get(pk=invitation.meeting_id)
    if meeting.has_started:
        raise ValidationError("This meeting has already started, so replies are closed.")
    on_behalf = recorded_by is not None and recorded_by.pk != invitation.person_id
    if on_behalf and not reason.strip():
        raise ValidationError("Say why you are recording this reply for them.")
    invitation.refresh_from_db()
    had_place = invitation.has_place
    if answer == Invitation.Reply.YES and not had_place:
        if _has_room(meeting):
            invitation.waiting_since = None
        else:
            answer = Invitation.Reply.WAITING
            if invitation.reply != Invitation.Reply.WAITING:
                invitation.waiting_since = timezone.now()
    elif answer != Invitation.Reply.YES:
        invitation.waiting_since = None
    invitation.reply = answer
    invitation.replied_at = timezone.now()
    invitation.recorded_by = recorded_by if on_behalf else None
    invitation.on_behalf_reason = reason.strip() if on_behalf else ""
    invitation.save()
    mark_stale(meeting)
    if had_place and not invitation.has_place:
        _fill_from_waiting_list(meeting)
    return invitation


def _fill_from_waiting_list(meeting):
    """Offers free places to the people waiting longest, and tells them."""
    free = None if meeting.capacity is None else meeting.capacity - confirmed_count(meeting)
    waiting = meeting.invitations.filter(reply=Invitation.Reply.WAITING).order_by(
        "waiting_since", "pk"
    )
    if free is not None:
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting.select_related("person"))
    if promoted:
        mark_stale(meeting)
    for invitation in promoted:
        invitation.reply = Invitation.Reply.YES
        invitation.waiting_since = None
        invitation.save(update_fields=["reply", "waiting_since"])
        _email(
            invitation.person,
            "place_free.txt",
            {"meeting": meeting, "url": absolute(meeting.get_absolute_url())},
            f"A place is free for you: {meeting.title}",
        )
    return promoted


# ---- checklist ------------------------------------------------------------


@transaction.atomic
def update_arrangement(*, item, owner, status, due_on, note):
    item.owner, item.status, item.due_on, item.note = owner, status, due_on, note
    if status != Arrangement.Status.DONE:
        item.done_at = None
    elif item.done_at is None:  # a later edit keeps when it was really done
        item.done_at = timezone.now()
    item.save()
    return item


# ---- materials ------------------------------------------------------------


@transaction.atomic
def add_material(*, meeting, kind, title, sent_on, upload, content_type, uploaded_by):
    return Material.objects.create(
        meeting=meeting,
        kind=kind,
        title=title,
        sent_on=sent_on,
        file=upload,
        original_name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=uploaded_by,
    )


@transaction.atomic
def add_format(*, material, format, sent_on, upload=None, content_type="", link=""):
    """Adds or replaces one alternative format of a paper."""
    AlternativeFormat.objects.filter(material=material, format=format).delete()
    return AlternativeFormat.objects.create(
        material=material,
        format=format,
        sent_on=sent_on,
        file=upload or "",
        original_name=upload.name[:255] if upload else "",
        content_type=content_type,
        size=upload.size if upload else 0,
        link=link,
    )


# ---- attendance -----------------------------------------------------------


@transaction.atomic
def record_attendance(*, meeting, minutes_by_person, recorded_by):
    """{person: minutes or None}: None removes the record (they did not come)."""
    existing = {a.person_id: a for a in meeting.attendance.all()}
    now = timezone.now()
    create, update, remove = [], [], []
    for person, minutes in minutes_by_person.items():
        row = existing.get(person.pk)
        if minutes is None:
            if row:
                remove.append(row.pk)
        elif row is None:
            create.append(
                Attendance(
                    meeting=meeting,
                    person=person,
                    minutes=minutes,
                    recorded_by=recorded_by,
                    recorded_at=now,
                )
            )
        elif row.minutes != minutes:
            row.minutes, row.recorded_by, row.recorded_at = minutes, recorded_by, now
            update.append(row)
    Attendance.objects.bulk_create(create)
    Attendance.objects.bulk_update(update, ["minutes", "recorded_by", "recorded_at"])
    Attendance.objects.filter(pk__in=remove).delete()
    people_actions.record_involvement(
        people=[row.person for row in create], day=timezone.localdate(meeting.starts_at)
    )
    return len(create) + len(update) + len(remove)


# ---- feedback -------------------------------------------------------------


def leads():
    return User.objects.filter(is_active=True, role_assignments__role="lead").distinct()


@transaction.atomic
def give_feedback(*, meeting, person, anonymous, **answers):
    """Saves one person's feedback once. "Access needs not met" (or only partly)
    raises a follow-up and tells the co-production lead, without saying who
    when the person chose to be anonymous."""
    _, first = FeedbackGiven.objects.get_or_create(meeting=meeting, person=person)
    if not first:
        raise ValidationError("You have already given feedback on this meeting. Thank you.")
    not_met = answers["access_needs_met"] in (AccessAnswer.NO, AccessAnswer.PARTLY)
    feedback = Feedback.objects.create(
        meeting=meeting, person=None if anonymous else person, needs_follow_up=not_met, **answers
    )
    if not_met:
        url = absolute(reverse("meetings:follow_ups"))
        for lead in leads():
            _email(
                lead,
                "follow_up.txt",
                {"meeting": meeting, "feedback": feedback, "url": url},
                f"Access needs not met at {meeting.title}",
            )
    return feedback


@transaction.atomic
def follow_up(*, feedback, note, done_by):
    feedback.follow_up_note = note
    feedback.followed_up_by = done_by
    feedback.followed_up_at = timezone.now()
    feedback.save(update_fields=["follow_up_note", "followed_up_by", "followed_up_at"])
    return feedback


# ---- reminders ------------------------------------------------------------


def due_reminders(hours=48):
    """Places at meetings starting within `hours` whose holders were not reminded yet."""
    now = timezone.now()
    return Invitation.objects.filter(
        reply=Invitation.Reply.YES,
        reminded_at__isnull=True,
        meeting__starts_at__gt=now,
        meeting__starts_at__lte=now + timezone.timedelta(hours=hours),
    ).select_related("meeting", "meeting__venue", "person__profile")


def send_reminders(hours=48):
    """Reminds each person once, by email when that suits them; the others are
    listed on the meeting page for staff to ring or text. Safe to run again."""
    sent = by_staff = 0
    for invitation in due_reminders(hours):
        with transaction.atomic():
            claimed = Invitation.objects.filter(pk=invitation.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if not claimed:
                continue
            if wants_email(invitation.person):
                meeting = invitation.meeting
                _email(
                    invitation.person,
                    "reminder.txt",
                    {
                        "meeting": meeting,
                        "invitation": invitation,
                        "url": absolute(meeting.get_absolute_url()),
                        "ics": absolute(reverse("meetings:meeting_ics", args=[meeting.pk])),
                    },
                    f"Reminder: {meeting.title}",
                )
                sent += 1
            else:
                by_staff += 1
    return sent, by_staff
