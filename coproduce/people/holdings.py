"""Where the people app holds a person's data (privacy.registry), and how long its
records are kept (privacy.retention); registered from registrations.py."""

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.privacy import retention
from coproduce.privacy.registry import Holding, sent_from_their_address

from .consent import PURPOSES
from .models import (
    AccessPassport,
    ConsentRecord,
    ContactMethod,
    EqualityMonitoring,
    ExpressionOfInterest,
    Format,
    ImportJob,
    Interest,
    LivedExperience,
    PassportReason,
    Profile,
)


def _labels(values, choices):
    """The label of each stored value; a value no longer offered is shown as stored."""
    return [str(choices(v).label) if v in choices.values else str(v) for v in values]


def _profile_rows(person):
    rows = []
    for profile in Profile.objects.filter(user=person).prefetch_related("tags", "supporters"):
        rows.append(
            {
                "pronouns": profile.pronouns,
                "phone": profile.phone,
                "address": profile.address,
                "contact methods": ", ".join(_labels(profile.contact_methods, ContactMethod)),
                "formats": ", ".join(_labels(profile.formats, Format)),
                "best times": profile.best_times,
                "lived experience": ", ".join(
                    _labels(profile.tag_values("lived_experience"), LivedExperience)
                ),
                "other lived experience": profile.lived_experience_other,
                "interests": ", ".join(_labels(profile.tag_values("interest"), Interest)),
                "about": profile.about,
                "skills": profile.skills,
                "availability": profile.availability,
                "payment preference": profile.get_payment_preference_display(),
                "emergency contact": " ".join(
                    filter(None, [profile.emergency_contact_name, profile.emergency_contact_phone])
                ),
                "support network": "; ".join(
                    f"{s.name} ({s.get_relationship_display()}"
                    f"{', copied in on ' + ', '.join(s.copy_topic_labels()) if s.copy_in else ''})"
                    f"{' ' + s.email if s.email else ''}{' ' + s.phone if s.phone else ''}"
                    for s in profile.supporters.all()
                ),
                "last involved": profile.last_involved,
            }
        )
    return rows


def _passport_rows(person):
    return [
        {
            "requirements": ", ".join(
                row.get_code_display() for row in passport.requirements.all()
            ),
            "dietary needs": passport.dietary,
            "other arrangements": passport.other_arrangements,
            "in your own words": passport.own_words,
            "shared with organisers": passport.get_sharing_display(),
            "updated": passport.updated_at,
        }
        for passport in AccessPassport.objects.filter(user=person).prefetch_related("requirements")
    ]


def _consent_rows(person):
    return [
        {
            "purpose": PURPOSES[r.purpose].label if r.purpose in PURPOSES else r.purpose,
            "wording version": r.wording_version,
            "decision": gettext("Given") if r.given else gettext("Withdrawn or refused"),
            "when": r.recorded_at,
            "recorded by": gettext("You") if r.by_self else gettext("A staff member for you"),
            "reason": r.on_behalf_reason,
        }
        for r in ConsentRecord.objects.filter(person=person)
    ]


def _equality_rows(person):
    return [
        {
            EqualityMonitoring._meta.get_field(q).verbose_name: getattr(row, f"get_{q}_display")()
            for q in EqualityMonitoring.QUESTIONS
        }
        for row in EqualityMonitoring.objects.filter(user=person)
    ]


def _passport_reason_rows(person):
    return [
        {
            "when": r.recorded_at,
            "who": str(r.viewer),
            "why": r.reason,
            "could read it until": r.ends_at,
        }
        for r in PassportReason.objects.filter(person=person).select_related("viewer")
    ]


def _erase_join_requests(person):
    mine = Q(account=person)
    if person.email:
        mine |= Q(email__iexact=person.email)
    ExpressionOfInterest.objects.filter(mine).update(
        name="Removed person",
        email="removed@removed.invalid",
        phone="",
        address="",
        about="",
        access_to_talk="",
    )


PROFILE_BLANK = (
    "pronouns",
    "phone",
    "address",
    "best_times",
    "lived_experience_other",
    "about",
    "skills",
    "availability",
    "emergency_contact_name",
    "emergency_contact_phone",
)


def _erase_profile(person):
    """The profile stays (it counts towards figures), emptied of what says who they are."""
    for profile in Profile.objects.filter(user=person):
        profile.supporters.all().delete()
        for name in PROFILE_BLANK:
            setattr(profile, name, "")
        profile.contact_methods, profile.formats = [], []
        profile.save()


HOLDINGS = (
    Holding(
        "people.Profile",
        "user",
        _("Your profile"),
        export=_profile_rows,
        erase_with=_erase_profile,
        parts=("supporters", "tags"),
        withheld={
            "tags__kind": _("which list a tag is in: its value is under that list's heading")
        },
    ),
    Holding(
        "people.HistoricalProfile",
        "user",
        _("Earlier versions of your profile"),
        (
            "history_date",
            "history_type",
            "history_change_reason",
            *PROFILE_BLANK,
            "contact_methods",
            "formats",
            "payment_preference",
        ),
        erase="delete",
    ),
    Holding(
        "people.HistoricalProfile",
        "history_user",
        _("Profile changes you made"),
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "people.AccessPassport",
        "user",
        _("Your access passport"),
        export=_passport_rows,
        parts=("requirements",),
        erase="blank",
        blank=("own_words", "dietary", "other_arrangements"),
    ),
    Holding(
        "people.HistoricalAccessPassport",
        "user",
        _("Earlier versions of your access passport"),
        (
            "history_date",
            "history_type",
            "history_change_reason",
            "own_words",
            "dietary",
            "other_arrangements",
            "sharing",
        ),
        erase="delete",
    ),
    Holding(
        "people.HistoricalAccessPassport",
        "history_user",
        _("Access passport changes you made"),
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "people.ConsentRecord",
        "person",
        _("Your consent decisions"),
        export=_consent_rows,
        erase="blank",
        blank=("on_behalf_reason",),
    ),
    Holding(
        "people.ConsentRecord",
        "recorded_by",
        _("Consent decisions you recorded"),
        ("recorded_at", "purpose"),
        about_them=False,
    ),
    Holding(
        "people.EqualityMonitoring",
        "user",
        _("Your equality monitoring answers"),
        export=_equality_rows,
    ),
    Holding(
        "people.PassportReason",
        "person",
        _("Reasons staff gave to read your access passport"),
        export=_passport_reason_rows,
        erase="delete",
    ),
    Holding(
        "people.PassportReason",
        "viewer",
        _("Reasons you gave to read someone's access passport"),
        ("recorded_at", "reason"),
        about_them=False,
    ),
    Holding(
        "people.Authority",
        "person",
        _("Supporters you let act for you"),
        (
            "supporter__name",
            "reply_to_invitations",
            "see_meetings_and_papers",
            "help_with_claims",
            "granted_at",
            "withdrawn_at",
        ),
        erase="delete",
    ),
    Holding(
        "people.Authority",
        "supporter",
        _("People who let you act for them"),
        ("granted_at", "withdrawn_at"),
        about_them=False,
    ),
    Holding(
        "people.HistoricalAuthority",
        "person",
        _("Earlier versions of what you let supporters do"),
        (
            "history_date",
            "history_type",
            "history_change_reason",
            "reply_to_invitations",
            "see_meetings_and_papers",
            "help_with_claims",
            "withdrawn_at",
        ),
        erase="delete",
    ),
    Holding(
        "people.HistoricalAuthority",
        "supporter",
        _("Changes to what people let you do for them"),
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "people.HistoricalAuthority",
        "history_user",
        _("Powers you gave or withdrew"),
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "people.ActionBySupporter",
        "person",
        _("What your supporters did for you"),
        ("at", "what", "acted_by__name"),
        erase="delete",
    ),
    Holding(
        "people.ActionBySupporter",
        "acted_by",
        _("What you did for people you support"),
        ("at",),
        about_them=False,
    ),
    Holding(
        "people.ExpressionOfInterest",
        "email",
        _("Your requests to join"),
        (
            "created_at",
            "name",
            "phone",
            "address",
            "contact_methods",
            "interests",
            "about",
            "access_to_talk",
            "language",
            "status",
        ),
        select=sent_from_their_address("people.ExpressionOfInterest"),
        erase_with=_erase_join_requests,
    ),
    # A form to join from someone with no email address, once it became their account.
    Holding(
        "people.ExpressionOfInterest",
        "account",
        "Your form to join",
        (
            "created_at",
            "name",
            "email",
            "phone",
            "address",
            "contact_methods",
            "interests",
            "about",
            "access_to_talk",
            "contact_consent",
            "language",
            "status",
        ),
        erase_with=_erase_join_requests,
    ),
    Holding(
        "people.ExpressionOfInterest",
        "reviewed_by",
        _("Joining forms you reviewed"),
        ("reviewed_at", "status"),
        about_them=False,
    ),
    Holding(
        "people.ImportJob",
        "uploaded_by",
        _("Spreadsheets you imported"),
        ("created_at", "filename", "imported"),
        about_them=False,
    ),
)

# How long the people app's records are kept (see privacy/retention.py).
RETENTION = (
    retention.Rule(
        "people.join_requests",
        _("requests to join that have been dealt with"),
        _("when they were dealt with"),
        12,
        lambda cutoff: ExpressionOfInterest.objects.exclude(status="new").filter(
            reviewed_at__lt=cutoff
        ),
    ),
    retention.Rule(
        "people.imports",
        _("spreadsheet imports, finished or not"),
        _("when the spreadsheet was uploaded"),
        1,
        lambda cutoff: ImportJob.objects.filter(created_at__lt=cutoff),
    ),
    retention.Rule(
        "people.passport_reasons",
        _("reasons staff gave to read someone's access passport"),
        _("when they gave them"),
        24,
        lambda cutoff: PassportReason.objects.filter(recorded_at__lt=cutoff),
    ),
)
