"""Meeting use cases: one transaction each; people are told once it commits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import date as date_format
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import User
from coproduce.lib import events, file_access
from coproduce.lib.language import in_language_of
from coproduce.notifications.actions import notify
from coproduce.people import actions as people_actions
from coproduce.people.models import Authority

from . import nudges
from .checklist import ATTENDING, Needs, mark_stale, sync
from .models import (
    AccessAnswer,
    AlternativeFormat,
    Arrangement,
    Attendance,
    Break,
    CalendarFeed,
    Feedback,
    FeedbackGiven,
    Invitation,
    Material,
    Meeting,
    Venue,
)

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile
    from django.db.models import QuerySet

REPLY_SALT = "coproduce.meetings.reply"
# Replies a supporter can be coming with: a place, a maybe, or waiting for two places.
WITH_A_SUPPORTER = (*ATTENDING, Invitation.Reply.WAITING)
REPLY_LINK_DAYS = 21


def absolute(path: str) -> str:
    return str(settings.COPRODUCE_SITE_URL).rstrip("/") + path


# The kind of notification each message is (notifications.kinds).
KIND_OF_MESSAGE = {
    "invitation.txt": "meetings.invitation",
    "place_free.txt": "meetings.invitation",
    "changed.txt": "meetings.changed",
    "follow_up.txt": "meetings.feedback_follow_up",
}


def _email(person: User, template: str, context: Mapping[str, Any], subject: str | Promise) -> None:
    """`subject` is a marked sentence with %(title)s, the meeting's title; the message is
    written in the person's language."""
    path = str(context.get("url", "")).removeprefix(settings.COPRODUCE_SITE_URL.rstrip("/"))
    with in_language_of(person):
        body = render_to_string(f"meetings/email/{template}", {"person": person, **context})
        text = str(subject) % {"title": context["meeting"].title}
        notify(person, KIND_OF_MESSAGE[template], subject=text, body=body, url=path)


def wants_email(person: User) -> bool:
    """Email unless the person told us another way suits them and email does not."""
    profile = getattr(person, "profile", None)
    channels = profile.contact_methods if profile else []
    return not channels or "email" in channels


# ---- meetings -------------------------------------------------------------


CHANGES_PEOPLE_NEED_TO_KNOW = ("starts_at", "duration_minutes", "kind", "venue_id")


@transaction.atomic
def save_meeting(*, meeting: Meeting, breaks: Iterable[tuple[int, int]]) -> Meeting:
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
                _("Changed: %(title)s"),
            )
    meeting.breaks.all().delete()
    Break.objects.bulk_create(
        Break(meeting=meeting, starts_after_minutes=after, length_minutes=length)
        for after, length in breaks
    )
    if meeting.capacity is not None:
        _fill_from_waiting_list(meeting)
    events.emit(events.MEETING_CHANGED, object_id=meeting.pk)
    return meeting


# ---- invitations and replies -----------------------------------------------


def reply_token(invitation: Invitation) -> str:
    return signing.TimestampSigner(salt=REPLY_SALT).sign_object(
        {"i": invitation.pk, "p": invitation.person_id}
    )


def invitation_from_token(token: str) -> Invitation:
    """The invitation a signed email link is for, or ValidationError when the
    link is damaged, expired, or no longer matches the person invited."""
    try:
        data = signing.TimestampSigner(salt=REPLY_SALT).unsign_object(
            token, max_age=REPLY_LINK_DAYS * 24 * 60 * 60
        )
    except signing.SignatureExpired as error:
        raise ValidationError(_("This link has expired. Sign in to reply instead.")) from error
    except signing.BadSignature as error:
        raise ValidationError(_("This link is not right. Sign in to reply instead.")) from error
    invitation: Invitation | None = (
        Invitation.objects.select_related("meeting", "person")
        .filter(pk=data.get("i"), person_id=data.get("p"))
        .first()
    )
    if invitation is None:
        raise ValidationError(_("This link is not right. Sign in to reply instead."))
    if invitation.meeting.has_started:
        raise ValidationError(_("This meeting has already started, so you cannot reply any more."))
    return invitation


@transaction.atomic
def invite(*, meeting: Meeting, people: Iterable[User], invited_by: User) -> list[Invitation]:
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
            _("Invitation: %(title)s"),
        )
    return created


def confirmed_count(meeting: Meeting) -> int:
    """Places taken, counting supporters coming with someone."""
    return meeting.invitations.places_taken()


class _Keep(Enum):
    KEEP = "keep"


# `reply(supporter_coming=KEEP)`: the person's own reply leaves their supporter's place as it is.
KEEP = _Keep.KEEP


@transaction.atomic
def reply(
    *,
    invitation: Invitation,
    answer: str,
    recorded_by: User | None = None,
    reason: str = "",
    supporter_coming: User | None | _Keep = KEEP,
) -> Invitation:
    """Records yes, no, maybe or cancelled. Yes when the meeting is full puts
    the person on the waiting list; giving up a place offers it to the next
    person waiting. Staff taking a reply by phone must say why. A supporter
    coming with the person takes a place too."""
    if answer not in (
        Invitation.Reply.YES,
        Invitation.Reply.NO,
        Invitation.Reply.MAYBE,
        Invitation.Reply.CANCELLED,
    ):
        raise ValidationError(_("Choose yes, no or maybe."))
    meeting = Meeting.objects.select_for_update().get(pk=invitation.meeting_id)
    if meeting.has_started:
        raise ValidationError(_("This meeting has already started, so replies are closed."))
    on_behalf = recorded_by is not None and recorded_by.pk != invitation.person_id
    if on_behalf and not reason.strip():
        raise ValidationError(_("Say why you are recording this reply for them."))
    invitation.refresh_from_db()
    had_place = invitation.has_place
    held = invitation.places_needed if had_place else 0
    if supporter_coming is not KEEP:
        invitation.supporter_coming = supporter_coming
    places = invitation.places_needed
    if answer == Invitation.Reply.YES and (not had_place or places == 2):
        taken = confirmed_count(meeting) - held
        if meeting.capacity is None or taken + places <= meeting.capacity:
            invitation.waiting_since = None
        elif had_place:
            raise ValidationError(
                _("There is no place left for a supporter. They keep their own place.")
            )
        else:
            answer = Invitation.Reply.WAITING
            if invitation.reply != Invitation.Reply.WAITING:
                invitation.waiting_since = timezone.now()
    elif answer != Invitation.Reply.YES:
        invitation.waiting_since = None
    invitation.reply = answer
    if answer not in WITH_A_SUPPORTER:
        invitation.supporter_coming = None
    invitation.replied_at = timezone.now()
    invitation.recorded_by = recorded_by if on_behalf else None
    invitation.on_behalf_reason = reason.strip() if on_behalf else ""
    invitation.save()
    mark_stale(meeting)
    if had_place:
        _fill_from_waiting_list(meeting)
    return invitation


def _fill_from_waiting_list(meeting: Meeting) -> list[Invitation]:
    """Offers free places to the people waiting longest, and tells them."""
    free = None if meeting.capacity is None else meeting.capacity - confirmed_count(meeting)
    waiting = meeting.invitations.waiting_list()
    if free is not None:
        waiting = waiting[: max(free, 0)]  # each person waiting needs at least one place
    promoted = []
    for invitation in waiting:
        if free is not None:
            if invitation.places_needed > free:
                continue  # someone coming with a supporter waits for two places together
            free -= invitation.places_needed
        promoted.append(invitation)
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
            _("A place is free for you: %(title)s"),
        )
    return promoted


@transaction.atomic
def reply_as_supporter(
    *, authority: Authority, invitation: Invitation, answer: str, coming_too: bool
) -> Invitation:
    """A supporter replies for the person who let them. The power is checked again on the
    locked row, so a reply racing a withdrawal is refused; the reply, the record in the
    person's history and the message telling them commit together."""
    authority = Authority.objects.select_for_update().get(pk=authority.pk)
    if not authority.is_current or not authority.reply_to_invitations:
        raise PermissionDenied("They no longer let you reply to invitations for them.")
    if invitation.person_id != authority.person_id:
        raise PermissionDenied("This invitation is not for someone you support.")
    supporter = authority.supporter
    invitation = reply(
        invitation=invitation,
        answer=answer,
        recorded_by=supporter,
        # Who is kept in `recorded_by`: no name in the text, so erasing them leaves none.
        reason="Replied by their supporter",
        supporter_coming=supporter if coming_too and answer in WITH_A_SUPPORTER else None,
    )
    meeting = invitation.meeting
    what = f"Replied to the invitation to {meeting.title}: {invitation.get_reply_display()}"
    if invitation.supporter_coming_id:
        what += ", with their supporter coming too"
    people_actions.record_action_by_supporter(authority=authority, what=what)
    with in_language_of(authority.person):
        values = {"title": meeting.title, "reply": invitation.get_reply_display()}
        what_shown = (
            gettext(
                "Replied to the invitation to %(title)s: %(reply)s, with their supporter coming too"
            )
            if invitation.supporter_coming_id
            else gettext("Replied to the invitation to %(title)s: %(reply)s")
        ) % values
        notify(
            authority.person,
            "people.supporter_acted",
            subject=gettext("%(supporter)s replied for you: %(title)s")
            % {"supporter": supporter, "title": meeting.title},
            body=render_to_string(
                "meetings/email/supporter_replied.txt",
                {
                    "person": authority.person,
                    "what": what_shown,
                    "url": absolute(reverse("people:my_history")),
                },
            ),
            url=reverse("people:my_history"),
        )
    return invitation


# ---- checklist ------------------------------------------------------------


def update_checklist(*, meeting: Meeting, organiser: User) -> Needs:
    """Rebuilds the checklist from the passports of the people coming, read (and
    logged) as the organiser who asked, who then sees the result."""
    return sync(meeting, organiser)


@transaction.atomic
def update_arrangement(
    *, item: Arrangement, owner: User | None, status: str, due_on: date, note: str
) -> Arrangement:
    item.owner, item.status, item.due_on, item.note = owner, status, due_on, note
    if status != Arrangement.Status.DONE:
        item.done_at = None
    elif item.done_at is None:  # a later edit keeps when it was really done
        item.done_at = timezone.now()
    item.save()
    return item


# ---- materials ------------------------------------------------------------


def _tell_about_papers(material: Material) -> None:
    """Papers marked sent: once that commits, each person coming hears about them in the
    format they chose (meetings.nudges)."""
    transaction.on_commit(lambda: nudges.papers_sent.enqueue(material.pk))


@transaction.atomic
def add_material(
    *,
    meeting: Meeting,
    kind: str,
    title: str,
    sent_on: date,
    upload: UploadedFile[bytes],
    content_type: str,
    uploaded_by: User,
    summary: str = "",
    title_cy: str = "",
    summary_cy: str = "",
) -> Material:
    """Keeps a paper and tells the people coming, unless a check of the file finds it is
    not accessible: then it waits for the uploader to fix it or to send it as it is."""
    problems = file_access.check(upload, content_type, description=summary)
    material = Material.objects.create(
        meeting=meeting,
        kind=kind,
        title=title,
        summary=summary,
        title_cy=title_cy,
        summary_cy=summary_cy,
        sent_on=sent_on,
        file=upload,
        original_name=(upload.name or "")[:255],
        content_type=content_type,
        size=upload.size or 0,  # never None: lib.uploads refused it as empty
        uploaded_by=uploaded_by,
        access_problems=problems,
        waiting_to_send=bool(problems),
    )
    if not problems:
        _tell_about_papers(material)
    return material


@transaction.atomic
def send_waiting_material(*, material: Material) -> Material:
    """Sends a paper that was waiting because of its access problems, as it is."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    if material.waiting_to_send:
        material.waiting_to_send = False
        material.save(update_fields=["waiting_to_send"])
        _tell_about_papers(material)
    return material


@transaction.atomic
def add_format(
    *,
    material: Material,
    format: str,  # noqa: A002 (the model's own name)
    sent_on: date,
    upload: UploadedFile[bytes] | None = None,
    content_type: str = "",
    link: str = "",
) -> AlternativeFormat:
    """Adds or replaces one alternative format of a paper."""
    AlternativeFormat.objects.filter(material=material, format=format).delete()
    added = AlternativeFormat.objects.create(
        material=material,
        format=format,
        sent_on=sent_on,
        file=upload or "",
        original_name=(upload.name or "")[:255] if upload else "",
        content_type=content_type,
        size=(upload.size or 0) if upload else 0,
        link=link,
    )
    if not material.waiting_to_send:
        _tell_about_papers(material)
    return added


# ---- attendance -----------------------------------------------------------


@transaction.atomic
def record_attendance(
    *, meeting: Meeting, minutes_by_person: Mapping[User, int | None], recorded_by: User
) -> int:
    """{person: minutes or None}: None removes the record (they did not come)."""
    existing = {a.person_id: a for a in meeting.attendance.all()}
    now = timezone.now()
    create: list[Attendance] = []
    update: list[Attendance] = []
    remove: list[int] = []
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


def leads() -> QuerySet[User]:
    return User.objects.filter(is_active=True, role_assignments__role="lead").distinct()


@transaction.atomic
def give_feedback(*, meeting: Meeting, person: User, anonymous: bool, **answers: Any) -> Feedback:
    """Saves one person's feedback once. "Access needs not met" (or only partly)
    raises a follow-up and tells the co-production lead, without saying who
    when the person chose to be anonymous."""
    _given, first = FeedbackGiven.objects.get_or_create(meeting=meeting, person=person)
    if not first:
        raise ValidationError(_("You have already given feedback on this meeting. Thank you."))
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
                _("Access needs not met at %(title)s"),
            )
    return feedback


@transaction.atomic
def follow_up(*, feedback: Feedback, note: str, done_by: User) -> Feedback:
    feedback.follow_up_note = note
    feedback.followed_up_by = done_by
    feedback.followed_up_at = timezone.now()
    feedback.save(update_fields=["follow_up_note", "followed_up_by", "followed_up_at"])
    return feedback


# ---- reminders ------------------------------------------------------------


def due_reminders(hours: int = 48) -> QuerySet[Invitation]:
    """Places at meetings starting within `hours` whose holders were not reminded yet."""
    now = timezone.now()
    return Invitation.objects.filter(
        reply=Invitation.Reply.YES,
        reminded_at__isnull=True,
        meeting__starts_at__gt=now,
        meeting__starts_at__lte=now + timedelta(hours=hours),
    ).select_related("meeting", "meeting__venue", "person__profile")


def send_reminders(hours: int = 48) -> int:
    """Reminds each person with a place once, the way they chose to hear about
    meetings (a phone call becomes a task for staff). Safe to run again: the place is
    marked reminded, and the notification's key names the occasion."""
    reminded = 0
    for invitation in due_reminders(hours):
        with transaction.atomic():
            claimed = Invitation.objects.filter(pk=invitation.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if not claimed:
                continue
            meeting = invitation.meeting
            with in_language_of(invitation.person):
                values = {
                    "title": meeting.title,
                    "day": date_format(timezone.localtime(meeting.starts_at), "l j F"),
                    "time": date_format(timezone.localtime(meeting.starts_at), "H:i"),
                }
                body = render_to_string(
                    "meetings/email/reminder.txt",
                    {
                        "meeting": meeting,
                        "ics": absolute(reverse("meetings:meeting_ics", args=[meeting.pk])),
                    },
                )
                told = notify(
                    invitation.person,
                    "meetings.reminder",
                    subject=gettext("Reminder: %(title)s") % values,
                    body=body,
                    easy_read=gettext(
                        "%(title)s is on %(day)s at %(time)s.\nTell us if you cannot come."
                    )
                    % values,
                    url=meeting.get_absolute_url(),
                    key=f"meetings.reminder:{invitation.pk}",
                )
            reminded += told is not None
    return reminded


@transaction.atomic
def renew_calendar_feed(*, person: User, feed: CalendarFeed | None) -> CalendarFeed:
    """Gives the person a new private calendar address; the old one, if any, stops working."""
    token = CalendarFeed.new_token()
    if feed is None:
        return CalendarFeed.objects.create(person=person, token=token)
    feed.token, feed.created_at = token, timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


@transaction.atomic
def save_venue(*, venue: Venue) -> Venue:
    """Adds or changes a venue and what it offers for access."""
    venue.save()
    return venue
