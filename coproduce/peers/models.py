"""Peer support between co-producers: offers to be a peer supporter, requests for one,
the pairings a lead makes and their check-ins; and peer groups that belong to their
co-producer members, which staff join only when a member invites them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Way(models.TextChoices):
    """How two people can meet and talk. This is what matching reads about access: a
    choice each person makes here, never their access passport."""

    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("On the phone")
    VIDEO = "video", _("On a video call")
    MESSAGES = "messages", _("By text or online messages")
    EMAIL = "email", _("By email")


def way_labels(values):
    return [str(Way(v).label) for v in values if v in Way.values]


class PeerSupporterOffer(models.Model):
    """A co-producer who agreed to be a peer supporter, and what they can offer."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_supporter_offer"
    )
    can_offer = models.TextField(
        _("What you can offer"),
        help_text=_(
            "For example, how you found your feet here, or help getting ready for meetings."
        ),
    )
    ways = models.JSONField(_("Ways you can meet and talk"), default=list)
    use_lived_experience = models.BooleanField(
        _("Use my lived experience to find a good match"),
        default=False,
        help_text=_(
            "The co-production lead will only see that you share lived experience "
            "with someone, never which, and only if they said yes too."
        ),
    )
    available = models.BooleanField(_("I can take someone on now"), default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.person} offers peer support"

    def way_labels(self):
        return way_labels(self.ways)


class PeerSupportRequest(models.Model):
    """A co-producer asking for a peer supporter."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a peer supporter")
        PAIRED = "paired", _("Paired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_support_requests"
    )
    hoping_for = models.TextField(
        _("What you hope a peer supporter can help with"),
        help_text=_("For example, someone to talk to before your first meeting."),
    )
    ways = models.JSONField(_("Ways you would like to meet and talk"), default=list)
    use_lived_experience = models.BooleanField(
        _("Use my lived experience to find a good match"),
        default=False,
        help_text=_(
            "The co-production lead will only see that you share lived experience "
            "with someone, never which, and only if they said yes too."
        ),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.person} asks for a peer supporter"

    def get_absolute_url(self):
        return reverse("peers:request_detail", args=[self.pk])

    def way_labels(self):
        return way_labels(self.ways)


class Pairing(models.Model):
    """A co-producer and their peer supporter. It ends kindly: whoever ends it leaves a
    short closing note, and nobody is blamed."""

    request = models.OneToOneField(
        PeerSupportRequest, on_delete=models.CASCADE, related_name="pairing"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_pairings"
    )
    supporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_pairings_supporting"
    )
    paired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closing_note = models.TextField(_("A closing note"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.person} with {self.supporter}"

    def get_absolute_url(self):
        return reverse("peers:pairing_detail", args=[self.pk])

    @property
    def active(self):
        return self.ended_at is None

    def includes(self, user):
        return user.pk in (self.person_id, self.supporter_id)


class CheckIn(models.Model):
    """How a pairing is going. Only the pair and the co-production lead read it."""

    class HowItWent(models.TextChoices):
        WELL = "well", _("It is going well")
        OK = "ok", _("It is going OK")
        HARD = "hard", _("It has been hard")

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="check_ins")
    held_on = models.DateField(_("When you talked"), default=timezone.localdate)
    how_it_went = models.CharField(_("How it is going"), max_length=10, choices=HowItWent.choices)
    note = models.TextField(
        _("Anything to add"),
        blank=True,
        help_text=_("Optional. Only the two of you and the co-production lead can read this."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return gettext("Check-in on %(date)s") % {"date": date_format(self.held_on, "j F Y")}


class PeerGroup(models.Model):
    """A co-producers-only group, such as a lived-experience panel."""

    name = models.CharField(_("Name of the group"), max_length=150)
    purpose = models.TextField(_("What the group is for"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("peers:group_detail", args=[self.pk])


class GroupMember(models.Model):
    """A member of a peer group: a co-producer, or a member of staff a member invited
    (`invited_by` is set for staff guests)."""

    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_group_memberships"
    )
    is_staff_guest = models.BooleanField(default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="one_membership_each")
        ]

    def __str__(self):
        return f"{self.person} in {self.group}"


class GroupNotice(models.Model):
    """A notice to the members of one group; nobody else reads it."""

    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="notices")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("Title"), max_length=150)
    body = models.TextField(_("The notice"))
    posted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-posted_at", "-pk"]

    def __str__(self):
        return self.title


class GroupMeeting(models.Model):
    """A meeting (meetings app) that is the group's own. The link lives here so that
    meetings never needs to know about peer groups."""

    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="meetings")
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="peer_group_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "meeting"], name="one_link_per_meeting")
        ]

    def __str__(self):
        return f"{self.meeting} for {self.group}"
