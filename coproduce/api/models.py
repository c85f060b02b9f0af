"""API tokens: a person's own, or the organisation's for another system. Only a keyed
hash of the secret is stored (decision 0039); the secret is shown once, when made."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.lib.encryption import EncryptedTextField


class Scope(models.TextChoices):
    """What a token may read. A personal token holds only scopes its person's roles allow,
    checked again on every use; an organisation token holds the three named ones."""

    PUBLIC = "public", _("Public content")
    FIGURES = "figures", _("Dashboard figures")
    FINANCE = "finance", _("Claims and payment batches")
    PROJECTS = "projects", _("Projects and their ladder history")
    MEETINGS = "meetings", _("Meetings")
    OWN_DATA = "own_data", _("Your own details")


ORGANISATION_SCOPES = (Scope.PUBLIC, Scope.FIGURES, Scope.FINANCE)


class TokenQuerySet(models.QuerySet):
    def usable(self, now):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ApiToken(models.Model):
    name = models.CharField(
        _("Name"),
        max_length=100,
        help_text=_("Say what will use it, so you know it later. For example: council reporting."),
    )
    # The first characters of the secret, shown in lists and used to find the token.
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    # A personal token acts as this person; an organisation token has none.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("Expires"))
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix})"

    @property
    def is_personal(self):
        return self.person_id is not None

    def is_usable(self, now=None):
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now

    @property
    def shown_prefix(self):
        """What a token starts with, to tell tokens apart without the secret."""
        return f"cp_{self.prefix}"

    def scope_labels(self):
        return [Scope(scope).label for scope in Scope.values if scope in self.scopes]


class WebhookEndpoint(models.Model):
    """An address of another system told when chosen things happen. Each delivery is
    signed with the endpoint's own secret (decision 0039)."""

    url = models.URLField(
        _("Address"),
        max_length=500,
        help_text=_("Must start https://. We send a POST request here."),
    )
    events = models.JSONField(default=list)
    # Needed in clear to sign, so encrypted at rest like bank details (decision 0018):
    # key rotation and backups find it through its field class.
    secret = EncryptedTextField(editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    """One event for one endpoint: made once (the unique constraint), retried with
    growing waits until it is accepted or the attempts run out."""

    class Outcome(models.TextChoices):
        WAITING = "waiting", _("Waiting to be sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed: no more attempts")

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    occurrence = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event", "object_id", "occurrence"],
                name="one_delivery_per_event_per_endpoint",
            )
        ]

    def __str__(self):
        return f"{self.event} {self.object_id} → {self.endpoint_id}"
