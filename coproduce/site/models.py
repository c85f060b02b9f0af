import secrets
from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coproduce.lib import bilingual
from coproduce.lib.storage import private_storage

from .content import render_markdown


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class StoryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())


class Story(models.Model):
    """What an update and a case study share: Markdown text with an optional
    Easy Read version and an optional picture that must be described."""

    title = models.CharField(_("Title"), max_length=150)
    slug = models.SlugField(
        _("Web address"),
        max_length=80,
        unique=True,
        help_text=_(
            "The end of the page's web address. Lower-case letters, numbers and hyphens only."
        ),
    )
    summary = models.CharField(
        _("Summary"), max_length=300, help_text=_("One or two sentences, shown in lists.")
    )
    body = models.TextField(_("Text"))
    body_html = models.TextField(editable=False, default="")
    # The Welsh version, optional (lib.bilingual picks the one for the reader).
    title_cy = models.CharField(_("Title in Welsh"), max_length=150, blank=True)
    summary_cy = models.CharField(_("Summary in Welsh"), max_length=300, blank=True)
    body_cy = models.TextField(_("Text in Welsh"), blank=True)
    body_html_cy = models.TextField(editable=False, default="")
    easy_read = models.TextField(
        _("Easy Read version"),
        blank=True,
        help_text=_("Optional. Short sentences, one idea in each, and everyday words."),
    )
    easy_read_html = models.TextField(editable=False, default="")
    image = models.FileField(
        _("Picture"), upload_to="stories/%Y/", storage=private_storage, blank=True
    )
    image_type = models.CharField(max_length=40, editable=False, default="")
    image_alt = models.CharField(
        _("Describe the picture"),
        max_length=250,
        blank=True,
        help_text=_(
            "Needed for anyone who cannot see it. Say what it shows that matters to the story."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("Publish date"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-published_at", "-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        self.body_html_cy = render_markdown(self.body_cy)
        self.easy_read_html = render_markdown(self.easy_read)
        if self.status == Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {
                    "image_alt": _(
                        "Describe the picture, so people who cannot see it know what it shows."
                    )
                }
            )

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at
            and self.published_at <= timezone.now()
        )

    @property
    def status_label(self):
        if self.status == Status.PUBLISHED and not self.is_public:
            return f"Scheduled for {timezone.localtime(self.published_at):%-d %B %Y}"
        return self.get_status_display()


class Update(Story):
    """A post on the organisation's co-production journey."""

    class Meta(Story.Meta):
        pass

    def get_absolute_url(self):
        return reverse("site:update_detail", args=[self.slug])

    def image_url(self):
        return reverse("site:update_image", args=[self.slug]) if self.image else ""


class CaseStudyQuerySet(StoryQuerySet):
    def published(self):
        """Published, and nobody featured with an account has withdrawn their
        consent to case studies in their own consent records (people app), nor
        been erased (their name is then empty).
        Checked on every read, so a withdrawal takes the story down at once."""
        from coproduce.people import consent

        without_consent = (
            FeaturedPerson.objects.filter(case_study=OuterRef("pk"), account__isnull=False)
            .annotate(choice=consent.newest_choice("case_studies", field="account"))
            .filter(Q(choice__isnull=True) | Q(choice=False) | Q(name=""))
        )
        return super().published().exclude(Exists(without_consent))

    def with_consent_counts(self) -> Self:
        """Each with `people_count`, everyone named or pictured, and `agreed_count`, those
        whose agreement is recorded."""
        return self.annotate(
            people_count=models.Count("people"),
            agreed_count=models.Count(
                "people",
                filter=Q(people__consent="given", people__consent_recorded_at__isnull=False),
            ),
        )


class CaseStudy(Story):
    """A co-produced project told as a story. Published only when everyone named
    or pictured has agreed (see consent.py)."""

    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text=_("Optional. The project in Coproduce this story is about."),
    )
    project_name = models.CharField(
        _("Project name"),
        max_length=150,
        blank=True,
        help_text=_("Optional. For a project that is not in Coproduce."),
    )
    featured = models.BooleanField(_("Show on the home page"), default=False)

    objects = CaseStudyQuerySet.as_manager()

    class Meta(Story.Meta):
        verbose_name_plural = "case studies"

    def get_absolute_url(self):
        return reverse("site:case_study_detail", args=[self.slug])

    def image_url(self):
        return reverse("site:case_study_image", args=[self.slug]) if self.image else ""

    @property
    def is_public(self):
        """Published, and the consent of everyone featured still holds."""
        return bool(super().is_public) and CaseStudy.objects.published().filter(pk=self.pk).exists()


class Consent(models.TextChoices):
    NOT_ASKED = "not_asked", _("Not asked yet")
    GIVEN = "given", _("Agreed")
    REFUSED = "refused", _("Said no or withdrew")


class Appearance(models.TextChoices):
    NAMED = "named", _("Named")
    PICTURED = "pictured", _("Pictured")
    BOTH = "both", _("Named and pictured")


class FeaturedPerson(models.Model):
    """Someone named or pictured in a case study, and what they agreed to."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("Name"), max_length=150)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    appearance = models.CharField(_("How they appear"), max_length=10, choices=Appearance.choices)
    consent = models.CharField(
        _("Consent"), max_length=10, choices=Consent.choices, default=Consent.NOT_ASKED
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True, editable=False)
    consent_note = models.CharField(
        _("How they agreed"),
        max_length=300,
        blank=True,
        help_text=_("For example: signed consent form, 3 March, kept in the project folder."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SpotlightStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes asked for")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")


def new_token():
    return secrets.token_urlsafe(32)


class SpotlightQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=SpotlightStatus.PUBLISHED)


class Spotlight(models.Model):
    """Another organisation's co-production story, sent in through the public form.
    Nothing here is public until the lead publishes it."""

    organisation = models.CharField(_("Organisation name"), max_length=150)
    contact_name = models.CharField(_("Your name"), max_length=150)
    contact_email = models.EmailField(_("Your email address"), max_length=254)
    title = models.CharField(_("Title of your story"), max_length=150)
    story = models.TextField(
        _("Your story"), help_text=_("What you did together, and who took part.")
    )
    what_worked = models.TextField(_("What worked well"))
    what_learned = models.TextField(
        _("What you learned"), help_text=_("Including anything you would do differently.")
    )
    consent_to_publish = models.BooleanField(
        _(
            "We agree that you may publish this story on your website, edited if needed, after "
            "you check it with us."
        ),
        default=False,
    )
    status = models.CharField(
        max_length=20, choices=SpotlightStatus.choices, default=SpotlightStatus.SUBMITTED
    )
    message_to_submitter = models.TextField(blank=True)
    change_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    submitted_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["change_token"])

    objects = SpotlightQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.title} ({self.organisation})"

    def get_absolute_url(self):
        return reverse("site:spotlight_detail", args=[self.pk])

    @property
    def is_public(self):
        return self.status == SpotlightStatus.PUBLISHED


class SpotlightFile(models.Model):
    """A file sent with a spotlight story. Only the lead can open it."""

    spotlight = models.ForeignKey(Spotlight, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="spotlight/%Y/", storage=private_storage)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self):
        return self.original_name


class ContactTopic(models.TextChoices):
    TAKING_PART = "taking_part", _("Taking part in co-production")
    ACCESS = "access", _("Access to this website or our events")
    DATA = "data", _("Your information and privacy")
    OTHER = "other", _("Something else")


class MessageStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("Being dealt with")
    CLOSED = "closed", _("Answered")


class ContactMessage(models.Model):
    """A message to the co-production lead from the contact form."""

    name = models.CharField(_("Your name"), max_length=150)
    email = models.EmailField(_("Your email address"), max_length=254)
    topic = models.CharField(_("What is it about?"), max_length=20, choices=ContactTopic.choices)
    message = models.TextField(_("Your message"))
    reply_preference = models.CharField(
        _("How would you like us to reply?"),
        max_length=300,
        blank=True,
        help_text=_("For example: email, a phone or video call, text message, BSL or Easy Read."),
    )
    status = models.CharField(
        max_length=20, choices=MessageStatus.choices, default=MessageStatus.NEW
    )
    notes = models.TextField(_("Notes for the team"), blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"Message from {self.name}"


class PageKey(models.TextChoices):
    HOME = "home", _("Home page introduction")
    GET_INVOLVED = "get-involved", _("How to get involved")
    PAYMENT_POLICY = "payment-policy", _("Payment policy")
    PRIVACY = "privacy", _("Privacy notice")


class SitePage(models.Model):
    """A public page the lead can edit, with its Easy Read version."""

    key = models.CharField(max_length=20, choices=PageKey.choices, unique=True)
    body = models.TextField(_("Text"))
    body_html = models.TextField(editable=False, default="")
    body_cy = models.TextField(_("Text in Welsh"), blank=True)
    body_html_cy = models.TextField(editable=False, default="")
    easy_read = models.TextField(_("Easy Read version"))
    easy_read_html = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    def __str__(self):
        return self.get_key_display()

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        self.body_html_cy = render_markdown(self.body_cy)
        self.easy_read_html = render_markdown(self.easy_read)
        super().save(*args, **kwargs)

    @classmethod
    def load(cls, key):
        """The saved page, or the shipped default text when nobody has edited it yet."""
        from .defaults import PAGES

        page = cls.objects.filter(key=key).first()
        if page is None:
            page = cls(key=key, **{field: str(text) for field, text in PAGES[key].items()})
            page.body_html = render_markdown(page.body)
            page.body_html_cy = render_markdown(page.body_cy)
            page.easy_read_html = render_markdown(page.easy_read)
        return page


# The sections of the GOV.UK sample accessibility statement, in its order.
STATEMENT_SECTIONS = [
    ("scope", _("Who this statement is for and what it covers")),
    ("using", _("Using this website")),
    ("how_accessible", _("How accessible this website is")),
    ("feedback", _("Feedback and contact information")),
    ("enforcement", _("Enforcement procedure")),
    ("compliance", _("Technical information and compliance status")),
    ("non_accessible", _("Non-accessible content")),
    ("improving", _("What we are doing to improve accessibility")),
    ("preparation", _("How this statement was prepared")),
]


class AccessibilityStatement(models.Model):
    """One statement for the site, section by section, so none can be left out."""

    scope = models.TextField(STATEMENT_SECTIONS[0][1])
    using = models.TextField(STATEMENT_SECTIONS[1][1])
    how_accessible = models.TextField(STATEMENT_SECTIONS[2][1])
    feedback = models.TextField(STATEMENT_SECTIONS[3][1])
    enforcement = models.TextField(STATEMENT_SECTIONS[4][1])
    compliance = models.TextField(STATEMENT_SECTIONS[5][1])
    non_accessible = models.TextField(STATEMENT_SECTIONS[6][1])
    improving = models.TextField(STATEMENT_SECTIONS[7][1])
    preparation = models.TextField(STATEMENT_SECTIONS[8][1])
    # The Welsh version, section by section, each optional; shown under "Welsh version".
    scope_cy = models.TextField(STATEMENT_SECTIONS[0][1], blank=True)
    using_cy = models.TextField(STATEMENT_SECTIONS[1][1], blank=True)
    how_accessible_cy = models.TextField(STATEMENT_SECTIONS[2][1], blank=True)
    feedback_cy = models.TextField(STATEMENT_SECTIONS[3][1], blank=True)
    enforcement_cy = models.TextField(STATEMENT_SECTIONS[4][1], blank=True)
    compliance_cy = models.TextField(STATEMENT_SECTIONS[5][1], blank=True)
    non_accessible_cy = models.TextField(STATEMENT_SECTIONS[6][1], blank=True)
    improving_cy = models.TextField(STATEMENT_SECTIONS[7][1], blank=True)
    preparation_cy = models.TextField(STATEMENT_SECTIONS[8][1], blank=True)
    prepared_on = models.DateField(
        _("Date this statement was prepared"), default=timezone.localdate
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    def __str__(self):
        return "Accessibility statement"

    @classmethod
    def load(cls):
        from .defaults import STATEMENT

        return cls.objects.order_by("-pk").first() or cls(
            **{field: str(text) for field, text in STATEMENT.items()}
        )

    def sections(self):
        """(heading, version) for each section, the version in the reader's language
        when there is one (lib.bilingual), its text as HTML."""
        sections = []
        for field, heading in STATEMENT_SECTIONS:
            version = bilingual.pick_field(self, field)
            html = render_markdown(version.text)
            sections.append((heading, bilingual.Version(html, version.lang, version.note)))
        return sections


class AccessibilityCheck(models.Model):
    """An automated accessibility check the organisation ran and recorded, shown
    in the statement so readers know how recent the evidence is."""

    checked_on = models.DateField(_("Date of the check"))
    pages_checked = models.PositiveIntegerField(_("Pages checked"))
    problems_found = models.PositiveIntegerField(_("Problems found"))
    how = models.CharField(
        _("How it was checked"),
        max_length=300,
        default="axe-core WCAG 2.2 A and AA rules in Chromium, as every role, with and "
        "without JavaScript",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-checked_on", "-recorded_at"]
        get_latest_by = ["checked_on", "recorded_at"]

    def __str__(self):
        return f"Accessibility check on {self.checked_on}"
