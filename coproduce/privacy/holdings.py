"""Every place personal data is held, for download and erasure. Other apps add
their own holdings here (or call registry.register from their AppConfig)."""

from django.apps import apps

from . import retention
from .registry import Holding, register, sent_from_their_address

_model = apps.get_model


def _labels(values, choices):
    """The label of each stored value; a value no longer offered is shown as stored."""
    return [choices(v).label if v in choices.values else str(v) for v in values]


def _account_rows(person):
    return [
        {
            "name": person.name,
            "email": person.email,
            "joined": person.date_joined,
            "last signed in": person.last_login,
            "can sign in": person.is_active,
            "text size": person.get_text_size_display(),
            "colours": person.get_contrast_display(),
            "dyslexia-friendly spacing": person.wide_spacing,
            "reduce motion": person.reduce_motion,
        }
    ]


# The account itself: first in the download, and not a relation, so not registered.
ACCOUNT = Holding(
    "accounts.User",
    "pk",
    "Your account",
    export=_account_rows,
    withheld={"password": "kept only as a one-way hash, which nobody can turn back into it"},
)


def _profile_rows(person):
    from coproduce.people.models import ContactMethod, Format, Interest, LivedExperience, Profile

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
    from coproduce.people.models import AccessPassport

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
    from coproduce.people.consent import PURPOSES
    from coproduce.people.models import ConsentRecord

    return [
        {
            "purpose": PURPOSES[r.purpose].label if r.purpose in PURPOSES else r.purpose,
            "wording version": r.wording_version,
            "decision": "Given" if r.given else "Withdrawn or refused",
            "when": r.recorded_at,
            "recorded by": "You" if r.by_self else "A staff member for you",
            "reason": r.on_behalf_reason,
        }
        for r in ConsentRecord.objects.filter(person=person)
    ]


def _equality_rows(person):
    from coproduce.people.models import EqualityMonitoring

    return [
        {
            EqualityMonitoring._meta.get_field(q).verbose_name: getattr(row, f"get_{q}_display")()
            for q in EqualityMonitoring.QUESTIONS
        }
        for row in EqualityMonitoring.objects.filter(user=person)
    ]


def _passport_reason_rows(person):
    from coproduce.people.models import PassportReason

    return [
        {
            "when": r.recorded_at,
            "who": str(r.viewer),
            "why": r.reason,
            "could read it until": r.ends_at,
        }
        for r in PassportReason.objects.filter(person=person).select_related("viewer")
    ]


def _reads_rows(person):
    from .models import ReadLog

    return [
        {
            "when": r.at,
            "who": str(r.viewer or "A removed account"),
            "what": r.get_what_display(),
            "why": r.reason,
        }
        for r in ReadLog.objects.filter(subject=person).select_related("viewer")
    ]


def _erase_join_requests(person):
    _model("people.ExpressionOfInterest").objects.filter(email__iexact=person.email).update(
        name="Removed person",
        email="removed@removed.invalid",
        phone="",
        about="",
        access_to_talk="",
    )


def _erase_invitations(person):
    _model("accounts.Invitation").objects.filter(email__iexact=person.email).update(
        name="Removed person", email="removed@removed.invalid"
    )


PROFILE_BLANK = (
    "pronouns",
    "phone",
    "address",
    "best_times",
    "lived_experience_other",
    "skills",
    "availability",
    "emergency_contact_name",
    "emergency_contact_phone",
)

register(
    # accounts
    Holding("accounts.RoleAssignment", "user", "Your roles", ("role", "granted_at")),
    Holding(
        "accounts.RoleAssignment",
        "granted_by",
        "Roles you gave",
        ("role", "granted_at"),
        about_them=False,
    ),
    Holding(
        "accounts.Invitation",
        "accepted_user",
        "Your invitation",
        ("created_at", "accepted_at", "email", "name", "roles"),
        erase="blank",
        blank=("email", "name"),
        withheld={
            "token": "the secret part of the invitation link, which stopped working once used"
        },
    ),
    Holding(
        "accounts.Invitation",
        "email",
        "Other invitations sent to your email address",
        ("created_at", "name", "roles", "cancelled_at"),
        select=sent_from_their_address("accounts.Invitation", accepted_user=None),
        erase_with=_erase_invitations,
        withheld={"token": "the secret part of the invitation link"},
    ),
    Holding(
        "accounts.Invitation",
        "invited_by",
        "Invitations you sent",
        ("created_at", "roles"),
        about_them=False,
    ),
    Holding(
        "accounts.HistoricalUser",
        "history_user",
        "Account changes you made",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "accounts.HistoricalRoleAssignment",
        "user",
        "Changes to your roles",
        ("history_date", "history_type", "role", "history_change_reason"),
    ),
    Holding(
        "accounts.HistoricalRoleAssignment",
        "granted_by",
        "Role changes you made (given by)",
        ("history_date", "role"),
        about_them=False,
    ),
    Holding(
        "accounts.HistoricalRoleAssignment",
        "history_user",
        "Role changes you made",
        ("history_date", "role"),
        about_them=False,
    ),
    Holding(
        "account.EmailAddress",
        "user",
        "Your email addresses",
        ("email", "verified", "primary"),
        erase="delete",
        withheld={"emailconfirmation_set": "the secret keys in the links of confirmation emails"},
    ),
    Holding(
        "mfa.Authenticator",
        "user",
        "Your two-factor sign-in methods",
        ("type", "created_at", "last_used_at"),
        erase="delete",
        withheld={
            "data": "the secret behind your sign-in codes: a copy would let someone else make them"
        },
    ),
    Holding(
        "admin.LogEntry",
        "user",
        "Changes you made in the Django admin",
        ("action_time", "change_message"),
        about_them=False,
    ),
    # people
    Holding(
        "people.Profile",
        "user",
        "Your profile",
        export=_profile_rows,
        erase="profile",
        parts=("supporters", "tags"),
        withheld={"tags__kind": "which list a tag is in: its value is under that list's heading"},
    ),
    Holding(
        "people.HistoricalProfile",
        "user",
        "Earlier versions of your profile",
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
        "Profile changes you made",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "people.AccessPassport",
        "user",
        "Your access passport",
        export=_passport_rows,
        parts=("requirements",),
        erase="blank",
        blank=("own_words", "dietary", "other_arrangements"),
    ),
    Holding(
        "people.HistoricalAccessPassport",
        "user",
        "Earlier versions of your access passport",
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
        "Access passport changes you made",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "people.ConsentRecord",
        "person",
        "Your consent decisions",
        export=_consent_rows,
        erase="blank",
        blank=("on_behalf_reason",),
    ),
    Holding(
        "people.ConsentRecord",
        "recorded_by",
        "Consent decisions you recorded",
        ("recorded_at", "purpose"),
        about_them=False,
    ),
    Holding(
        "people.EqualityMonitoring",
        "user",
        "Your equality monitoring answers",
        export=_equality_rows,
    ),
    Holding(
        "people.PassportReason",
        "person",
        "Reasons staff gave to read your access passport",
        export=_passport_reason_rows,
        erase="delete",
    ),
    Holding(
        "people.PassportReason",
        "viewer",
        "Reasons you gave to read someone's access passport",
        ("recorded_at", "reason"),
        about_them=False,
    ),
    Holding(
        "people.ExpressionOfInterest",
        "email",
        "Your requests to join",
        ("created_at", "name", "phone", "interests", "about", "access_to_talk", "status"),
        select=sent_from_their_address("people.ExpressionOfInterest"),
        erase_with=_erase_join_requests,
    ),
    Holding(
        "people.ExpressionOfInterest",
        "reviewed_by",
        "Joining forms you reviewed",
        ("reviewed_at", "status"),
        about_them=False,
    ),
    Holding(
        "people.ImportJob",
        "uploaded_by",
        "Spreadsheets you imported",
        ("created_at", "filename", "imported"),
        about_them=False,
    ),
    # privacy
    Holding("privacy.ReadLog", "subject", "Who looked at your information", export=_reads_rows),
    Holding(
        "privacy.ReadLog",
        "viewer",
        "Information you looked at",
        ("at", "what", "reason"),
        about_them=False,
    ),
    Holding(
        "privacy.DataRequest",
        "person",
        "Your data requests",
        ("kind", "received_at", "due_on", "completed_at", "note"),
        erase="blank",
        blank=("note",),
    ),
    Holding(
        "privacy.DataRequest",
        "recorded_by",
        "Data requests you recorded",
        ("received_at", "kind"),
        about_them=False,
    ),
    Holding(
        "privacy.DataRequest",
        "completed_by",
        "Data requests you completed",
        ("completed_at", "kind"),
        about_them=False,
    ),
    Holding(
        "privacy.RetentionPeriod",
        "updated_by",
        "Retention periods you set",
        ("key", "months", "updated_at"),
        about_them=False,
    ),
    *(
        Holding(
            "privacy.HistoricalRetentionPeriod",
            field,
            "Retention period changes you made",
            ("history_date", "key", "months"),
            about_them=False,
        )
        for field in ("updated_by", "history_user")
    ),
    Holding(
        "privacy.RetentionRun",
        "ran_by",
        "Deletions of old records you started",
        ("ran_at", "deleted"),
        about_them=False,
    ),
)

# How long the records of people, accounts and privacy are kept (see retention.py).
retention.register(
    retention.Rule(
        "accounts.invitations",
        "invitations to create an account",
        "when they were sent",
        6,
        lambda cutoff: _model("accounts.Invitation").objects.filter(created_at__lt=cutoff),
    ),
    retention.Rule(
        "people.join_requests",
        "requests to join that have been dealt with",
        "when they were dealt with",
        12,
        lambda cutoff: (
            _model("people.ExpressionOfInterest")
            .objects.exclude(status="new")
            .filter(reviewed_at__lt=cutoff)
        ),
    ),
    retention.Rule(
        "people.imports",
        "spreadsheet imports, finished or not",
        "when the spreadsheet was uploaded",
        1,
        lambda cutoff: _model("people.ImportJob").objects.filter(created_at__lt=cutoff),
    ),
    retention.Rule(
        "people.passport_reasons",
        "reasons staff gave to read someone's access passport",
        "when they gave them",
        24,
        lambda cutoff: _model("people.PassportReason").objects.filter(recorded_at__lt=cutoff),
    ),
    retention.Rule(
        "privacy.read_log",
        "records of who looked at someone's sensitive information",
        "when they looked",
        24,
        lambda cutoff: _model("privacy.ReadLog").objects.filter(at__lt=cutoff),
    ),
)
