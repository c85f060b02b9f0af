"""Where the accounts app (below privacy, so privacy lists them for it) and the privacy app
hold a person's data, for download and erasure, and how long their records are kept.
Every other app lists its own in its holdings.py; each app's registrations.py registers
them (see privacy.registry)."""

from django.apps import apps
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import retention
from .registry import Holding, sent_from_their_address

_model = apps.get_model


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
            "font": str(person.get_font_display()),
            "background tint": str(person.get_tint_display()),
            "language": str(person.get_language_display()),
        }
    ]


# The account itself: first in the download, and not a relation, so not registered.
ACCOUNT = Holding(
    "accounts.User",
    "pk",
    _("Your account"),
    export=_account_rows,
    withheld={"password": "kept only as a one-way hash, which nobody can turn back into it"},
)


def _reads_rows(person):
    from .models import ReadLog

    return [
        {
            "when": r.at,
            "who": str(r.viewer or gettext("A removed account")),
            "what": r.get_what_display(),
            "why": r.reason,
        }
        for r in ReadLog.objects.filter(subject=person).select_related("viewer")
    ]


def _erase_invitations(person):
    _model("accounts.Invitation").objects.filter(email__iexact=person.email).update(
        name="Removed person", email="removed@removed.invalid"
    )


HOLDINGS = (
    # accounts
    Holding("accounts.RoleAssignment", "user", _("Your roles"), ("role", "granted_at")),
    Holding(
        "accounts.RoleAssignment",
        "granted_by",
        _("Roles you gave"),
        ("role", "granted_at"),
        about_them=False,
    ),
    Holding(
        "accounts.Invitation",
        "accepted_user",
        _("Your invitation"),
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
        _("Other invitations sent to your email address"),
        ("created_at", "name", "roles", "cancelled_at"),
        select=sent_from_their_address("accounts.Invitation", accepted_user=None),
        erase_with=_erase_invitations,
        withheld={"token": "the secret part of the invitation link"},
    ),
    Holding(
        "accounts.Invitation",
        "invited_by",
        _("Invitations you sent"),
        ("created_at", "roles"),
        about_them=False,
    ),
    Holding(
        "accounts.HistoricalUser",
        "history_user",
        _("Account changes you made"),
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "accounts.HistoricalRoleAssignment",
        "user",
        _("Changes to your roles"),
        ("history_date", "history_type", "role", "history_change_reason"),
    ),
    Holding(
        "accounts.HistoricalRoleAssignment",
        "granted_by",
        _("Role changes you made (given by)"),
        ("history_date", "role"),
        about_them=False,
    ),
    Holding(
        "accounts.HistoricalRoleAssignment",
        "history_user",
        _("Role changes you made"),
        ("history_date", "role"),
        about_them=False,
    ),
    Holding(
        "account.EmailAddress",
        "user",
        _("Your email addresses"),
        ("email", "verified", "primary"),
        erase="delete",
        withheld={"emailconfirmation_set": "the secret keys in the links of confirmation emails"},
    ),
    Holding(
        "mfa.Authenticator",
        "user",
        _("Your two-factor sign-in methods"),
        ("type", "created_at", "last_used_at"),
        erase="delete",
        withheld={
            "data": "the secret behind your sign-in codes: a copy would let someone else make them"
        },
    ),
    Holding(
        "admin.LogEntry",
        "user",
        _("Changes you made in the Django admin"),
        ("action_time", "change_message"),
        about_them=False,
    ),
    # privacy
    Holding("privacy.ReadLog", "subject", _("Who looked at your information"), export=_reads_rows),
    Holding(
        "privacy.ReadLog",
        "viewer",
        _("Information you looked at"),
        ("at", "what", "reason"),
        about_them=False,
    ),
    Holding(
        "privacy.DataRequest",
        "person",
        _("Your data requests"),
        ("kind", "received_at", "due_on", "completed_at", "note"),
        erase="blank",
        blank=("note",),
    ),
    Holding(
        "privacy.DataRequest",
        "recorded_by",
        _("Data requests you recorded"),
        ("received_at", "kind"),
        about_them=False,
    ),
    Holding(
        "privacy.DataRequest",
        "completed_by",
        _("Data requests you completed"),
        ("completed_at", "kind"),
        about_them=False,
    ),
    Holding(
        "privacy.RetentionPeriod",
        "updated_by",
        _("Retention periods you set"),
        ("key", "months", "updated_at"),
        about_them=False,
    ),
    *(
        Holding(
            "privacy.HistoricalRetentionPeriod",
            field,
            _("Retention period changes you made"),
            ("history_date", "key", "months"),
            about_them=False,
        )
        for field in ("updated_by", "history_user")
    ),
    Holding(
        "privacy.RetentionRun",
        "ran_by",
        _("Deletions of old records you started"),
        ("ran_at", "deleted"),
        about_them=False,
    ),
)

# How long the records of people, accounts and privacy are kept (see retention.py).
RETENTION = (
    retention.Rule(
        "accounts.invitations",
        _("invitations to create an account"),
        _("when they were sent"),
        6,
        lambda cutoff: _model("accounts.Invitation").objects.filter(created_at__lt=cutoff),
    ),
    retention.Rule(
        "privacy.read_log",
        _("records of who looked at someone's sensitive information"),
        _("when they looked"),
        24,
        lambda cutoff: _model("privacy.ReadLog").objects.filter(at__lt=cutoff),
    ),
)
