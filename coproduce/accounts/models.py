import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coproduce.lib import changes


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    LEAD = "lead", _("Co-production lead")
    STAFF = "staff", _("Staff member")
    FINANCE = "finance", _("Finance")
    BOARD = "board", _("Board member or trustee")
    COPRODUCER = "coproducer", _("Co-producer")


ROLE_DESCRIPTIONS = {
    Role.ADMINISTRATOR: "Manages accounts, roles, settings and data-protection requests.",
    Role.LEAD: "Owns the organisation's co-production journey, policies, approvals and reports.",
    Role.STAFF: "Runs projects and meetings, records decisions and arranges access.",
    Role.FINANCE: "Approves and pays claims and exports them to the finance system.",
    Role.BOARD: "Sees the dashboard and reports. Cannot change anything.",
    Role.COPRODUCER: "Takes part as a lived-experience partner: joins opportunities, "
    "projects and meetings, and claims payment.",
}


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        """`email` may be None for a person who signs in by text code or sign-in card
        (decision 0036)."""
        email = self.normalize_email(email).lower() if email else None
        user = self.model(email=email, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class TextSize(models.IntegerChoices):
    NORMAL = 100, _("Standard (100%)")
    LARGER = 125, _("Larger (125%)")
    LARGE = 150, _("Large (150%)")
    VERY_LARGE = 175, _("Very large (175%)")
    LARGEST = 200, _("Largest (200%)")


class Contrast(models.TextChoices):
    STANDARD = "standard", _("Standard colours")
    HIGH = "high", _("High contrast (light text on black)")


class Font(models.TextChoices):
    STANDARD = "standard", _("Standard font")
    HYPERLEGIBLE = "hyperlegible", _("Atkinson Hyperlegible: letters that are easy to tell apart")
    OPENDYSLEXIC = "opendyslexic", _("OpenDyslexic: letters with heavier bottoms")


# Each tint's colours, and the link and message colours that keep WCAG AA contrast on it,
# are in assets/scss/_display-preferences.scss (checked in accounts/tests/test_tints.py).
class Tint(models.TextChoices):
    NONE = "none", _("No tint (white)")
    CREAM = "cream", _("Cream")
    BLUE = "blue", _("Blue")
    GREEN = "green", _("Green")
    GREY = "grey", _("Grey")


class DisplayPreferences(models.Model):
    """How a person wants every page shown. Abstract: stored on the user, and
    for visitors in a cookie with the same fields."""

    text_size = models.PositiveSmallIntegerField(choices=TextSize.choices, default=TextSize.NORMAL)
    contrast = models.CharField(max_length=10, choices=Contrast.choices, default=Contrast.STANDARD)
    wide_spacing = models.BooleanField(
        _("Dyslexia-friendly spacing"),
        default=False,
        help_text=_("More space between lines, letters and words, and shorter lines of text."),
    )
    reduce_motion = models.BooleanField(
        _("Reduce motion"), default=False, help_text=_("Turns off animation and moving effects.")
    )
    font = models.CharField(_("Font"), max_length=12, choices=Font.choices, default=Font.STANDARD)
    tint = models.CharField(
        _("Background tint"), max_length=5, choices=Tint.choices, default=Tint.NONE
    )

    class Meta:
        abstract = True

    @property
    def font_stylesheet(self):
        """The font's own stylesheet, linked only for people who chose it so nobody else
        downloads the font files; None for the standard font."""
        if self.font in (Font.HYPERLEGIBLE, Font.OPENDYSLEXIC):
            return f"dist/font-{self.font}.css"
        return None

    @property
    def shown_tint(self):
        """The tint in use: high contrast has its own black background, so it wins."""
        return Tint.NONE if self.contrast == Contrast.HIGH else self.tint

    def html_classes(self):
        classes = []
        if self.text_size != TextSize.NORMAL:
            classes.append(f"cp-text-{self.text_size}")
        if self.contrast == Contrast.HIGH:
            classes.append("cp-contrast-high")
        if self.wide_spacing:
            classes.append("cp-spacing-wide")
        if self.reduce_motion:
            classes.append("cp-motion-reduced")
        if self.font_stylesheet:
            classes.append(f"cp-font-{self.font}")
        if self.shown_tint != Tint.NONE:
            classes.append(f"cp-tint-{self.shown_tint}")
        return " ".join(classes)


class User(AbstractBaseUser, PermissionsMixin, DisplayPreferences):
    """A person who can sign in. Their profile (pronouns, access passport and so
    on) lives in `people`; this holds only what sign-in and display need."""

    # Optional: many people sign in with a text code or a printed card instead (decision
    # 0036). NULL, not "", so that the addresses that do exist stay unique.
    email = models.EmailField(_("Email address"), unique=True, null=True, blank=True)
    name = models.CharField(
        _("Name"), max_length=150, help_text=_("The name you like to be called.")
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        _("Can use the Django admin"),
        default=False,
        help_text=_("Superusers only. Not a staff role."),
    )
    date_joined = models.DateTimeField(default=timezone.now)
    language = models.CharField(
        _("Language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Every page and message in this language; blank follows the browser."),
    )

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        ordering = ["name", "email"]
        # People are listed in this order everywhere; with 20,000 people the index lets a
        # page of 50 be read in order instead of sorting everyone on every request.
        indexes = [models.Index(fields=["name", "email"], name="user_name_email")]

    def __str__(self):
        return self.name or self.email or f"Person {self.pk}"

    @property
    def may_sign_in_without_email(self):
        """Only co-producer-side accounts sign in by text code or sign-in card: every
        staff-side role and every superuser signs in with a password and a second factor
        (decision 0036), in demo mode too."""
        return (
            self.is_active
            and not self.is_superuser
            and not self.has_role(*settings.COPRODUCE_MFA_ROLES)
        )

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name

    @property
    def role_set(self):
        """The roles this person holds: taken from role_assignments when a page
        prefetched them, else kept between requests until a change is committed (every
        page asks for the signed-in person's roles; a role given or taken away moves the
        changes stamp, so it counts from the very next request)."""
        if not hasattr(self, "_role_cache"):
            if "role_assignments" in getattr(self, "_prefetched_objects_cache", {}):
                roles = frozenset(assignment.role for assignment in self.role_assignments.all())
            else:
                roles = changes.kept(
                    f"roles:{self.pk}",
                    lambda: frozenset(self.role_assignments.values_list("role", flat=True)),
                )
            self._role_cache = roles
        return self._role_cache

    def has_role(self, *roles):
        return bool(self.role_set.intersection(roles))

    def role_labels(self):
        return [Role(role).label for role in Role.values if role in self.role_set]

    @property
    def must_use_mfa(self):
        """Everyone on the staff side, and every superuser, reads or changes what others
        trust the site with, so must sign in with a second factor (except in demo mode)."""
        if not settings.COPRODUCE_REQUIRE_MFA:
            return False
        return self.is_superuser or self.has_role(*settings.COPRODUCE_MFA_ROLES)


class RoleAssignment(models.Model):
    """One role held by one person. A person may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_assignment_per_role")
        ]
        # Everyone with a role, from the index: learning's progress and the people list
        # count thousands of staff or co-producers, which otherwise read every person.
        indexes = [models.Index(fields=["role", "user"], name="role_assignment_by_role")]
        ordering = ["role"]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}"


def new_invitation_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation by email to create an account with the given roles."""

    email = models.EmailField(_("Email address"))
    name = models.CharField(_("Name"), max_length=150)
    roles = models.JSONField(default=list)
    token = models.CharField(
        max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation for {self.email}"

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=settings.COPRODUCE_INVITATION_DAYS)

    @property
    def status(self):
        if self.accepted_at:
            return "accepted"
        if self.cancelled_at:
            return "cancelled"
        if timezone.now() > self.expires_at:
            return "expired"
        return "waiting"

    @property
    def is_usable(self):
        return self.status == "waiting"

    def role_labels(self):
        return [Role(role).label for role in self.roles if role in Role.values]
