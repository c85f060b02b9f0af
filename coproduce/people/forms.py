from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import Role, RoleAssignment, User

from . import consent
from .consent import PURPOSES
from .contact_details import validate_address, validate_phone
from .models import (
    Authority,
    ContactMethod,
    CopyTopic,
    EqualityMonitoring,
    Format,
    Interest,
    LivedExperience,
    PaymentPreference,
    ProfileTag,
    Requirement,
    Sharing,
    SupportRelationship,
)
from .rules import readable_passports_filter

Checkboxes = forms.CheckboxSelectMultiple
Radios = forms.RadioSelect


class ReasonMixin:
    """Adds 'why' when staff change someone's information on their behalf."""

    def add_reason(self, on_behalf):
        if on_behalf:
            self.fields["reason"] = forms.CharField(
                label=_("Why are you making this change for them?"),
                max_length=300,
                help_text=_(
                    "For example, 'They told me on the phone on 3 March.' "
                    "They will see this in their history."
                ),
                error_messages={"required": _("Say why you are making this change for them.")},
            )


class ProfileForm(ReasonMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        help_text=_("The name you like to be called."),
        error_messages={"required": _("Enter the name you like to be called.")},
    )
    pronouns = forms.CharField(
        label=_("Pronouns"),
        max_length=40,
        required=False,
        help_text=_("For example, she/her, they/them."),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        validators=[validate_phone],
        help_text=_("For a number outside the UK, start with + and the country code."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    address = forms.CharField(
        label=_("Postal address"),
        max_length=500,
        required=False,
        validators=[validate_address],
        help_text=_("Put each part on its own line, ending with the postcode."),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    contact_methods = forms.MultipleChoiceField(
        label=_("How should we contact you?"),
        choices=ContactMethod.choices,
        required=False,
        widget=Checkboxes,
        help_text=_("Choose all that suit you."),
    )
    formats = forms.MultipleChoiceField(
        label=_("Which formats do you want information in?"),
        choices=Format.choices,
        required=False,
        widget=Checkboxes,
    )
    best_times = forms.CharField(
        label=_("Best times to contact you"),
        max_length=200,
        required=False,
        help_text=_("For example, weekday mornings."),
    )
    lived_experience = forms.MultipleChoiceField(
        label=_("Lived experience you are happy to share"),
        choices=LivedExperience.choices,
        required=False,
        widget=Checkboxes,
        help_text=_("This helps us invite you to the right projects. Choose none if you prefer."),
    )
    lived_experience_other = forms.CharField(
        label=_("Other lived experience, in your words"), max_length=300, required=False
    )
    interests = forms.MultipleChoiceField(
        label=_("What are you interested in?"),
        choices=Interest.choices,
        required=False,
        widget=Checkboxes,
    )
    about = forms.CharField(
        label=_("About you"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Anything you would like us to know about you, in your words."),
    )
    skills = forms.CharField(
        label=_("Your skills and what you bring"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone has something to offer."),
    )
    availability = forms.CharField(
        label=_("When you are usually free"),
        max_length=200,
        required=False,
        help_text=_("For example, Tuesday afternoons."),
    )
    payment_preference = forms.ChoiceField(
        label=_("How would you like to be paid for your time?"),
        choices=PaymentPreference.choices,
        required=False,
        widget=Radios,
    )
    emergency_contact_name = forms.CharField(
        label=_("Emergency contact name"), max_length=150, required=False
    )
    emergency_contact_phone = forms.CharField(
        label=_("Emergency contact phone number"),
        max_length=40,
        required=False,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"type": "tel"}),
    )

    def __init__(self, *args, on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_reason(on_behalf)

    @classmethod
    def initial_for(cls, person, profile):
        initial = {
            name: getattr(profile, name) for name in cls.base_fields if hasattr(profile, name)
        }
        initial.update(
            name=person.name,
            lived_experience=profile.tag_values("lived_experience"),
            interests=profile.tag_values("interest"),
        )
        return initial


class PassportForm(ReasonMixin, forms.Form):
    requirements = forms.MultipleChoiceField(
        label=_("What do you need so you can take part?"),
        choices=Requirement.choices,
        required=False,
        widget=Checkboxes,
        help_text=_("Choose everything that helps. You can change this at any time."),
    )
    dietary = forms.CharField(
        label=_("Dietary needs"),
        max_length=300,
        required=False,
        help_text=_("For example, gluten free, or food you can eat without cutlery."),
    )
    other_arrangements = forms.CharField(
        label=_("Anything else we should arrange"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    own_words = forms.CharField(
        label=_("About your access, in your own words"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Anything that helps us understand what works for you. "
            "You do not need to name a condition."
        ),
    )
    sharing = forms.ChoiceField(
        label=_("Who organises meetings may see this?"),
        choices=Sharing.choices,
        widget=Radios,
        initial=Sharing.ARRANGEMENTS,
        error_messages={"required": _("Choose how much organisers may see.")},
    )

    def __init__(self, *args, on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_reason(on_behalf)


class ConsentForm(ReasonMixin, forms.Form):
    """One yes/no question per purpose, with its exact wording as the hint."""

    def __init__(self, *args, on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        for code, purpose in PURPOSES.items():
            self.fields[code] = forms.ChoiceField(
                label=purpose.label,
                help_text=purpose.wording,
                choices=[("yes", _("Yes")), ("no", _("No"))],
                widget=Radios,
                required=False,
            )
        self.add_reason(on_behalf)


class AuthorityForm(forms.Form):
    """Who may act for the person, and what they may do. Equality answers and the access
    passport are never among the powers: the form does not offer them."""

    email = forms.EmailField(
        label=_("Their email address"),
        max_length=254,
        help_text=_("The email address they sign in to Coproduce with."),
        error_messages={
            "required": _("Enter the email address they sign in with."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    powers = forms.MultipleChoiceField(
        label=_("What may they do for you?"),
        choices=[(name, Authority._meta.get_field(name).verbose_name) for name in Authority.POWERS],
        widget=Checkboxes,
        help_text=_(
            "They will never see your equality answers or your access passport. "
            "You can change this or stop it at any time."
        ),
        error_messages={"required": _("Choose at least one thing they may do for you.")},
    )


class SupporterForm(forms.Form):
    name = forms.CharField(
        label=_("Their name"), max_length=150, error_messages={"required": _("Enter their name.")}
    )
    relationship = forms.ChoiceField(
        label=_("Who are they to you?"),
        choices=SupportRelationship.choices,
        widget=Radios,
        error_messages={"required": _("Choose who they are to you.")},
    )
    email = forms.EmailField(
        label=_("Their email address"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    phone = forms.CharField(label=_("Their phone number"), max_length=40, required=False)
    copy_in = forms.BooleanField(
        label=_("Copy them in on messages to you"),
        required=False,
        help_text=_(
            "We will send them a copy of what we send you: by email, or by text "
            "message if they have no email address."
        ),
    )
    copy_topics = forms.MultipleChoiceField(
        label=_("What should we copy them in on?"),
        choices=CopyTopic.choices,
        required=False,
        widget=Checkboxes,
        help_text=_(
            "Only messages about these. We never send them anything about your health, "
            "your access needs or your equality answers."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("copy_in"):
            if not cleaned.get("email") and not cleaned.get("phone"):
                self.add_error(
                    "email",
                    gettext("Enter their email address or phone number so we can copy them in."),
                )
            if not cleaned.get("copy_topics"):
                self.add_error("copy_topics", gettext("Choose what to copy them in on."))
        else:
            cleaned["copy_topics"] = []
        return cleaned


class EqualityForm(forms.Form):
    """Every question optional, every question has 'prefer not to say'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in EqualityMonitoring.QUESTIONS:
            model_field = EqualityMonitoring._meta.get_field(name)
            self.fields[name] = forms.ChoiceField(
                label=model_field.verbose_name,
                choices=model_field.choices,
                required=False,
                widget=Radios,
            )


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or email"), required=False, max_length=100)
    interest = forms.ChoiceField(
        label=_("Interest"), required=False, choices=[("", _("Any")), *Interest.choices]
    )
    lived_experience = forms.ChoiceField(
        label=_("Lived experience"),
        required=False,
        choices=[("", _("Any")), *LivedExperience.choices],
    )
    requirement = forms.ChoiceField(
        label=_("Access requirement"),
        required=False,
        choices=[("", _("Any")), *Requirement.choices],
        help_text=_("Finds only people you work with who agreed to share their access needs."),
    )
    involved = forms.ChoiceField(
        label=_("Last involved"),
        required=False,
        choices=[
            ("", _("Any time")),
            ("90", _("In the last 3 months")),
            ("365", _("In the last year")),
            ("over365", _("Over a year ago")),
            ("never", _("Never")),
        ],
    )

    def filter(self, viewer: User) -> QuerySet[User]:
        """The active co-producers who match the search, in name order: everyone when
        the search is empty or not valid. Call after removing fields the viewer may not
        use (`requirement` needs people.find_by_access_need)."""
        # The role is an EXISTS, not a join, and every filter below matches at most one row
        # per person (tags and requirements are unique), so no DISTINCT is needed. With
        # 20,000 people this lets the database read a page in name order from the
        # user_name_email index instead of sorting everyone (measured by `make bench`).
        people = (
            User.objects.filter(
                Exists(RoleAssignment.objects.filter(user=OuterRef("pk"), role=Role.COPRODUCER)),
                is_active=True,
            )
            .select_related("profile")
            .prefetch_related(
                Prefetch(
                    "profile__tags",
                    queryset=ProfileTag.objects.only("profile_id", "kind", "value"),
                )
            )
            .order_by("name", "email")
        )
        if not self.is_valid():
            return people
        data = self.cleaned_data
        if query := data["q"].strip():
            people = people.filter(Q(name__icontains=query) | Q(email__icontains=query))
        if data["interest"]:
            people = people.filter(
                profile__tags__kind="interest", profile__tags__value=data["interest"]
            )
        if data["lived_experience"]:
            people = people.filter(
                profile__tags__kind="lived_experience",
                profile__tags__value=data["lived_experience"],
            )
        if requirement := data.get("requirement"):
            # Only people who agreed to share their access needs can be found this way,
            # and only by someone who may read their passport (they work with them).
            people = consent.consenting(
                people.filter(access_passport__requirements__code=requirement)
                .exclude(access_passport__sharing=Sharing.NONE)
                .filter(readable_passports_filter(viewer)),
                consent.SHARE_ACCESS,
            )
        today = timezone.localdate()
        match data["involved"]:
            case "90" | "365" as days:
                people = people.filter(
                    profile__last_involved__gte=today - timedelta(days=int(days))
                )
            case "over365":
                people = people.filter(profile__last_involved__lt=today - timedelta(days=365))
            case "never":
                people = people.filter(Q(profile__last_involved=None) | Q(profile=None))
        return people

    def searched_words(self) -> str:
        """The name or email searched for, or ''."""
        return self.cleaned_data["q"].strip() if self.is_valid() else ""

    def searched_requirement(self) -> str:
        """The access requirement searched for, or ''."""
        return self.cleaned_data.get("requirement", "") if self.is_valid() else ""


def sorted_once_found(people: QuerySet[User]) -> QuerySet[User]:
    """The same people in the same order, but found first and then sorted. For a search
    PostgreSQL expects many matches for, it reads people in name order until a page's
    worth match; when they all sit together late in the alphabet ("Gus Khan" among
    200,000), that read a third of the table (54 ms), where finding the 530 from the
    trigram indexes and sorting them takes 5 ms. No index holds `name || ''`, so ordering
    by it asks for the second way. Only for a search known to match at most a thousand
    (decision 0047)."""
    return people.order_by(Concat("name", Value("")), "email")


class InterestForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    # Any one way to reach the person will do (decision 0036).
    email = forms.EmailField(
        label=_("Your email address (if you have one)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=40,
        required=False,
        validators=[validate_phone],
        help_text=_("A mobile number lets you sign in with a code by text message."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    address = forms.CharField(
        label=_("Your postal address"),
        max_length=500,
        required=False,
        validators=[validate_address],
        help_text=_("If you would like letters. Put each part on its own line."),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    contact_methods = forms.MultipleChoiceField(
        label=_("How should we contact you?"),
        choices=ContactMethod.choices,
        required=False,
        widget=Checkboxes,
    )
    interests = forms.MultipleChoiceField(
        label=_("What are you interested in?"),
        choices=Interest.choices,
        required=False,
        widget=Checkboxes,
    )
    about = forms.CharField(
        label=_("Tell us a little about yourself"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example, why you want to join. A few words is fine."),
    )
    access_to_talk = forms.CharField(
        label=_("What would help you talk to us?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, a BSL interpreter, a phone call, or an Easy Read letter."),
    )
    language = forms.ChoiceField(
        label=_("Which language should we use with you?"),
        choices=settings.LANGUAGES,
        widget=Radios,
        required=False,
        help_text=_(
            "Everything we send you, and every page, will be in this language. You can "
            "change it at any time."
        ),
    )
    contact_consent = forms.BooleanField(
        label=PURPOSES[consent.CONTACT].wording,
        required=False,
        help_text=_("You can change your mind at any time."),
    )
    # The honeypot: hidden from everyone by the `hidden` attribute on its wrapper,
    # so only a robot fills it in.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this empty"))

    def clean(self):
        cleaned = super().clean()
        ways = ("email", "phone", "address")
        if not self.errors and not any(cleaned.get(field) for field in ways):
            self.add_error(
                "email",
                _(
                    "Give us at least one way to reach you: an email address, a phone "
                    "number or a postal address."
                ),
            )
        return cleaned


class DecideInterestForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("What would you like to do?"),
        widget=Radios,
        choices=[
            ("invite", _("Invite them to join as a co-producer")),
            ("decline", _("Do not take this forward")),
        ],
        error_messages={"required": _("Choose what you would like to do.")},
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Upload a spreadsheet"),
        help_text=_(
            "A CSV file or an Excel file (.xlsx). The first row must hold the column names."
        ),
        error_messages={"required": _("Choose a spreadsheet to upload.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(
                gettext("The file must be a CSV file or an Excel .xlsx file.")
            )
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(gettext("The file must be smaller than 20 MB."))
        return upload


def is_email(value):
    try:
        validate_email(value)
    except forms.ValidationError:
        return False
    return True


class PassportReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to read their access passport?"),
        max_length=140,
        help_text=_(
            "For example, 'Helping them by phone to fill in a claim.' "
            "They will see your reason, and when you looked."
        ),
        error_messages={
            "required": _("Say why you need to read their access passport."),
            "max_length": _("Keep your reason to 140 characters or fewer."),
        },
    )


class NewPersonForm(forms.Form):
    """A co-producer staff add by hand. No way to reach them is needed: some people are
    supported by staff directly and sign in with a printed card (decision 0036)."""

    name = forms.CharField(
        label=_("Their name"),
        max_length=150,
        help_text=_("The name they like to be called."),
        error_messages={"required": _("Enter their name.")},
    )
    email = forms.EmailField(
        label=_("Their email address (if they have one)"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    language = forms.ChoiceField(
        label=_("Which language should we use with them?"),
        choices=settings.LANGUAGES,
        widget=Radios,
        required=False,
        help_text=_("Everything we send them, and every page they see, will be in this language."),
    )
    phone = forms.CharField(
        label=_("Their phone number"),
        max_length=40,
        required=False,
        validators=[validate_phone],
        help_text=_("A mobile number lets them sign in with a code by text message."),
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    address = forms.CharField(
        label=_("Their postal address"),
        max_length=500,
        required=False,
        validators=[validate_address],
        help_text=_("Put each part on its own line, ending with the postcode."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    contact_methods = forms.MultipleChoiceField(
        label=_("How should we contact them?"),
        choices=ContactMethod.choices,
        required=False,
        widget=Checkboxes,
        help_text=_("Leave empty for someone staff support directly."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email and User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Someone already has an account with this email address.")
            )
        return email
