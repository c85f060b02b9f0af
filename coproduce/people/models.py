"""A person's profile, access passport, consent records and equality monitoring.

Sensitive parts (the passport, equality answers) live in their own tables so that
reading them is always a deliberate step that `privacy` can log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    TEXT = "text", _("Text message")
    PHONE = "phone", _("Phone call")
    POST = "post", _("Post")


class Format(models.TextChoices):
    STANDARD = "standard", _("Standard print")
    LARGE_PRINT = "large_print", _("Large print")
    EASY_READ = "easy_read", _("Easy Read")
    BSL = "bsl", _("British Sign Language (BSL) video")
    BRAILLE = "braille", _("Braille")


class PaymentPreference(models.TextChoices):
    UNDECIDED = "", _("Not decided yet")
    BANK = "bank", _("Paid into my bank account")
    VOUCHER = "voucher", _("A shopping voucher")
    DECLINE = "decline", _("I do not want to be paid")
    DONATE = "donate", _("Give the payment to a charity")


class LivedExperience(models.TextChoices):
    PHYSICAL = "physical", _("Physical impairment")
    DEAF = "deaf", _("Deaf or hard of hearing")
    BLIND = "blind", _("Blind or partially sighted")
    LEARNING = "learning", _("Learning disability")
    NEURODIVERGENT = "neurodivergent", _("Autism, ADHD or other neurodivergence")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    LONG_TERM = "long_term", _("Long-term condition or chronic illness")
    CARER = "carer", _("Being an unpaid carer")
    SOCIAL_CARE = "social_care", _("Drawing on social care")


class Interest(models.TextChoices):
    SOCIAL_CARE = "social_care", _("Social care and support")
    HEALTH = "health", _("Health services")
    HOUSING = "housing", _("Housing")
    TRANSPORT = "transport", _("Transport")
    EMPLOYMENT = "employment", _("Work and benefits")
    DIGITAL = "digital", _("Digital inclusion")
    EDUCATION = "education", _("Education and training")
    RESEARCH = "research", _("Research")
    ARTS = "arts", _("Arts and culture")


class Profile(models.Model):
    """Everything about a person that is not sign-in or sensitive."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    pronouns = models.CharField(
        _("Pronouns"), max_length=40, blank=True, help_text=_("For example, she/her, they/them.")
    )
    phone = models.CharField(_("Phone number"), max_length=40, blank=True)
    address = models.TextField(_("Postal address"), blank=True)
    contact_methods = models.JSONField(default=list, blank=True)
    formats = models.JSONField(default=list, blank=True)
    best_times = models.CharField(
        _("Best times to contact you"),
        max_length=200,
        blank=True,
        help_text=_("For example, weekday mornings."),
    )
    lived_experience_other = models.CharField(
        _("Other lived experience, in your words"), max_length=300, blank=True
    )
    about = models.TextField(_("About you"), blank=True)
    skills = models.TextField(
        _("Your skills and what you bring"),
        blank=True,
        help_text=_("Everyone has something to offer."),
    )
    availability = models.CharField(
        _("When you are usually free"),
        max_length=200,
        blank=True,
        help_text=_("For example, Tuesday afternoons."),
    )
    payment_preference = models.CharField(
        _("How you would like to be paid"),
        max_length=10,
        choices=PaymentPreference.choices,
        blank=True,
    )
    emergency_contact_name = models.CharField(
        _("Emergency contact name"), max_length=150, blank=True
    )
    emergency_contact_phone = models.CharField(
        _("Emergency contact phone number"), max_length=40, blank=True
    )
    last_involved = models.DateField(
        null=True, blank=True, help_text=_("Set by projects and meetings.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    def __str__(self):
        return f"Profile of {self.user}"

    def tag_values(self, kind):
        return [tag.value for tag in self.tags.all() if tag.kind == kind]

    def lived_experience_labels(self):
        return [
            str(LivedExperience(v).label)
            for v in self.tag_values("lived_experience")
            if v in LivedExperience.values
        ]

    def has_lived_experience(self):
        return bool(self.lived_experience_labels() or self.lived_experience_other)

    def interest_labels(self):
        return [str(Interest(v).label) for v in self.tag_values("interest") if v in Interest.values]

    def contact_method_labels(self):
        return [
            str(ContactMethod(v).label) for v in self.contact_methods if v in ContactMethod.values
        ]

    def format_labels(self):
        return [str(Format(v).label) for v in self.formats if v in Format.values]


class ProfileTag(models.Model):
    """One lived-experience area or interest, as a row so lists can filter on it."""

    KINDS = [("lived_experience", _("Lived experience")), ("interest", _("Interest"))]
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(max_length=20, choices=KINDS)
    value = models.CharField(max_length=30)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "kind", "value"], name="one_tag_per_value")
        ]
        indexes = [models.Index(fields=["kind", "value"])]

    def __str__(self):
        return f"{self.kind}: {self.value}"


class SupportRelationship(models.TextChoices):
    PA = "pa", _("Personal assistant")
    CARER = "carer", _("Carer")
    PEER = "peer", _("Peer supporter")
    OTHER = "other", _("Someone else")


class CopyTopic(models.TextChoices):
    """What a supporter may be copied in on (notifications.kinds gives each kind its topic)."""

    MEETINGS = "meetings", _("Meetings: invitations, reminders, changes and papers")
    PAYMENTS = "payments", _("Payments: your claims and reminders to claim")
    PROJECTS = "projects", _("Projects: teams and answers to what you said")
    OPPORTUNITIES = "opportunities", _("Opportunities: new roles and your applications")


class SupportPerson(models.Model):
    """Someone in a person's support network: a PA, carer or peer supporter."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="supporters")
    name = models.CharField(_("Their name"), max_length=150)
    relationship = models.CharField(
        _("Who they are to you"), max_length=10, choices=SupportRelationship.choices
    )
    email = models.EmailField(_("Their email address"), blank=True)
    phone = models.CharField(_("Their phone number"), max_length=40, blank=True)
    copy_in = models.BooleanField(
        _("Copy them in on messages to you"),
        default=False,
        help_text=_("We will send them a copy of what we send you."),
    )
    copy_topics = models.JSONField(
        _("What to copy them in on"),
        default=list,
        blank=True,
        help_text=_("CopyTopic values: only messages about these are copied to them."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def copy_topic_labels(self):
        """Short names of what they are copied in on ("meetings"), as stored if unknown."""
        return [
            CopyTopic(v).label.partition(":")[0].lower() if v in CopyTopic.values else str(v)
            for v in self.copy_topics
        ]


class AuthorityQuerySet(models.QuerySet):
    def current(self):
        """Not withdrawn: a withdrawn authority gives no powers, from that moment."""
        return self.filter(withdrawn_at__isnull=True)


class Authority(models.Model):
    """A person lets a named supporter, signed in with their own account, act for them
    within limits the person sets. Never a way to see the person's equality answers or
    access passport. See docs/decisions/0034-supporters-acting-for-people.md."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="authorities_given"
    )
    supporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="authorities_held"
    )
    reply_to_invitations = models.BooleanField(_("Reply to invitations to meetings for you"))
    see_meetings_and_papers = models.BooleanField(_("See your meetings and their papers"))
    help_with_claims = models.BooleanField(_("Help you claim payments and expenses"))
    granted_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = AuthorityQuerySet.as_manager()

    POWERS = ("reply_to_invitations", "see_meetings_and_papers", "help_with_claims")

    class Meta:
        ordering = ["-granted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "supporter"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_current_authority_each",
            )
        ]

    def __str__(self):
        return f"{self.supporter} may act for {self.person}"

    @property
    def is_current(self):
        return self.withdrawn_at is None

    def power_labels(self):
        """What the supporter may do, in the words the person chose them in."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.POWERS
            if getattr(self, name)
        ]


class ActionBySupporter(models.Model):
    """Something a supporter did for a person: shown to the person in their history."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="actions_for_me"
    )
    acted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="actions_as_supporter",
    )
    what = models.CharField(max_length=300)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["person", "-at"])]

    def __str__(self):
        return self.what


class Requirement(models.TextChoices):
    BSL = "bsl", _("BSL interpreter")
    WELSH = "welsh", _("A Welsh speaker or Welsh interpreter")
    LIPSPEAKER = "lipspeaker", _("Lipspeaker")
    CAPTIONS = "captions", _("Captions or speech-to-text reporter")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    EASY_READ = "easy_read", _("Easy Read documents")
    LARGE_PRINT = "large_print", _("Large print documents")
    SCREEN_READER = "screen_reader", _("Documents that work with a screen reader")
    STEP_FREE = "step_free", _("Step-free access")
    ACCESSIBLE_TOILET = "accessible_toilet", _("Accessible toilet")
    QUIET_ROOM = "quiet_room", _("A quiet room")
    BREAKS = "breaks", _("Regular breaks")
    EXTRA_TIME = "extra_time", _("Extra time to read and answer")
    PA_ATTENDS = "pa_attends", _("My personal assistant or carer comes with me")
    DIETARY = "dietary", _("Dietary needs")
    TRAVEL = "travel", _("Help with travel")
    ONLINE = "online", _("Taking part online rather than in person")


class Sharing(models.TextChoices):
    FULL = "full", _("In full: the arrangements and what I have written in my own words")
    ARRANGEMENTS = "arrangements", _("Only the arrangements to make")
    NONE = "none", _("Not at all: I will tell organisers myself")


class AccessPassport(models.Model):
    """Access requirements, asked once and used everywhere. Read it only through
    `people.access`, which respects the sharing choice and logs the read."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_passport"
    )
    own_words = models.TextField(
        _("About your access, in your own words"),
        blank=True,
        help_text=_(
            "Anything that helps us understand what works for you. "
            "You do not need to name a condition."
        ),
    )
    dietary = models.CharField(_("Dietary needs"), max_length=300, blank=True)
    other_arrangements = models.TextField(_("Anything else we should arrange"), blank=True)
    sharing = models.CharField(max_length=15, choices=Sharing.choices, default=Sharing.ARRANGEMENTS)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    def __str__(self):
        return f"Access passport of {self.user}"


class AccessRequirement(models.Model):
    passport = models.ForeignKey(
        AccessPassport, on_delete=models.CASCADE, related_name="requirements"
    )
    code = models.CharField(max_length=30, choices=Requirement.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["passport", "code"], name="one_row_per_requirement")
        ]
        indexes = [models.Index(fields=["code"])]

    def __str__(self):
        return self.get_code_display()


class PassportReasonQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ends_at__gt=timezone.now())


class PassportReason(models.Model):
    """A member of staff's reason to read the access passport of someone they do
    not otherwise work with, for example while helping them by phone. It lets
    them read it until the end of the day; the reason goes into the read log."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passport_reasons_given"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passport_reasons"
    )
    # Short enough to go whole into a read log entry's reason (200 characters).
    reason = models.CharField(max_length=140)
    recorded_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()

    objects = PassportReasonQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["viewer", "person", "ends_at"])]

    def __str__(self):
        return f"{self.viewer} may read {self.person}'s access passport: {self.reason}"


class ConsentRecord(models.Model):
    """One decision about one purpose. Never edited: the newest record for a
    purpose is the person's current choice."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_records"
    )
    purpose = models.CharField(max_length=30)
    wording_version = models.PositiveSmallIntegerField()
    given = models.BooleanField()
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="consents_recorded",
    )
    on_behalf_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["person", "purpose", "-recorded_at"])]

    def __str__(self):
        return f"{self.purpose}: {'given' if self.given else 'withdrawn'}"

    @property
    def by_self(self):
        return self.recorded_by_id == self.person_id


class ExpressionOfInterest(models.Model):
    """Someone asking to join the co-production network, from the public form."""

    class Status(models.TextChoices):
        NEW = "new", _("Waiting for review")
        INVITED = "invited", _("Invited")
        DECLINED = "declined", _("Not taken forward")

    name = models.CharField(_("Your name"), max_length=150)
    # Any one way to reach them is enough: email, a phone number or a postal address.
    email = models.EmailField(_("Your email address"), blank=True)
    phone = models.CharField(_("Your phone number"), max_length=40, blank=True)
    address = models.TextField(_("Your postal address"), blank=True)
    contact_methods = models.JSONField(default=list, blank=True)
    interests = models.JSONField(default=list, blank=True)
    about = models.TextField(_("Tell us a little about yourself"), blank=True)
    access_to_talk = models.TextField(_("What would help you talk to us"), blank=True)
    contact_consent = models.BooleanField(
        _("We may contact you about new chances to get involved"), default=False
    )
    # Asked once on the form, then the language of everything they are sent (decision 0038).
    language = models.CharField(_("Language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # How the form became an account: the invitation sent to their email address, and
    # the account once it exists, which every answer is carried into (decision 0036).
    invitation = models.ForeignKey(
        "accounts.Invitation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} wants to join"

    def interest_labels(self):
        return [str(Interest(v).label) for v in self.interests if v in Interest.values]

    def contact_method_labels(self):
        return [ContactMethod(v).label for v in self.contact_methods if v in ContactMethod.values]


class ImportJob(models.Model):
    """One spreadsheet of contacts on its way in: uploaded, mapped, previewed, run."""

    class Status(models.TextChoices):
        MAPPING = "mapping", _("Choosing columns")
        READY = "ready", _("Ready to import")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list)  # cleared once imported: no copy of the sheet is kept
    mapping = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MAPPING)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename

    @property
    def percent(self):
        return int(self.processed * 100 / self.total) if self.total else 100


PREFER_NOT = ("prefer_not", _("Prefer not to say"))


def with_prefer_not(*choices):
    return [*choices, PREFER_NOT]


class EqualityMonitoring(models.Model):
    """Optional equality answers, kept apart from the profile. Never shown next to
    a name; only the person and aggregate reports (with permission) read it."""

    AGE = with_prefer_not(
        ("16-24", _("16 to 24")),
        ("25-34", _("25 to 34")),
        ("35-44", _("35 to 44")),
        ("45-54", _("45 to 54")),
        ("55-64", _("55 to 64")),
        ("65-74", _("65 to 74")),
        ("75+", _("75 or over")),
    )
    # Welsh answers a question with its own verb: "Ydych chi...?" "Ydw"; "Ydy...?" "Ydy".
    YES_NO = with_prefer_not(
        ("yes", pgettext_lazy("answer to 'do you'", "Yes")),
        ("no", pgettext_lazy("answer to 'do you'", "No")),
    )
    YES_NO_IS = with_prefer_not(
        ("yes", pgettext_lazy("answer to 'is it'", "Yes")),
        ("no", pgettext_lazy("answer to 'is it'", "No")),
    )
    ETHNICITY = with_prefer_not(
        ("asian", _("Asian or Asian British")),
        ("black", _("Black, Black British, Caribbean or African")),
        ("mixed", _("Mixed or multiple ethnic groups")),
        ("white", _("White")),
        ("other", _("Another ethnic group")),
    )
    GENDER = with_prefer_not(
        ("woman", _("Woman")),
        ("man", _("Man")),
        ("non_binary", _("Non-binary")),
        ("other", _("In another way")),
    )
    SEXUALITY = with_prefer_not(
        ("straight", _("Straight or heterosexual")),
        ("gay_lesbian", _("Gay or lesbian")),
        ("bisexual", _("Bisexual")),
        ("other", _("Another sexual orientation")),
    )
    RELIGION = with_prefer_not(
        ("none", _("No religion")),
        ("buddhist", _("Buddhist")),
        ("christian", _("Christian")),
        ("hindu", _("Hindu")),
        ("jewish", _("Jewish")),
        ("muslim", _("Muslim")),
        ("sikh", _("Sikh")),
        ("other", _("Another religion")),
    )

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="equality"
    )
    age_band = models.CharField(_("Your age"), max_length=12, choices=AGE, blank=True)
    disabled = models.CharField(
        _("Do you consider yourself a Disabled person?"), max_length=12, choices=YES_NO, blank=True
    )
    ethnicity = models.CharField(
        _("Your ethnic group"), max_length=12, choices=ETHNICITY, blank=True
    )
    gender = models.CharField(_("Your gender"), max_length=12, choices=GENDER, blank=True)
    trans = models.CharField(
        _("Is your gender the same as the sex you were registered at birth?"),
        max_length=12,
        choices=YES_NO_IS,
        blank=True,
    )
    sexuality = models.CharField(
        _("Your sexual orientation"), max_length=12, choices=SEXUALITY, blank=True
    )
    religion = models.CharField(
        _("Your religion or belief"), max_length=12, choices=RELIGION, blank=True
    )
    carer = models.CharField(
        _("Do you look after someone, without being paid?"),
        max_length=12,
        choices=YES_NO,
        blank=True,
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return "Equality monitoring answers"

    QUESTIONS = (
        "age_band",
        "disabled",
        "ethnicity",
        "gender",
        "trans",
        "sexuality",
        "religion",
        "carer",
    )
