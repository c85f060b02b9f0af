import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib.forms import ModelForm
from coproduce.lib.uploads import validate_document, validate_image

from .content import MARKDOWN_HELP
from .models import (
    STATEMENT_SECTIONS,
    AccessibilityCheck,
    AccessibilityStatement,
    CaseStudy,
    Consent,
    ContactMessage,
    FeaturedPerson,
    MessageStatus,
    SitePage,
    Spotlight,
    SpotlightStatus,
    Status,
    Update,
)

LONG_TEXT = 20000
MAX_SPOTLIGHT_FILES = 3


class ContactForm(ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["name", "email", "topic", "message", "reply_preference"]
        widgets = {
            "topic": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].max_length = LONG_TEXT
        self.fields["topic"].choices = [c for c in self.fields["topic"].choices if c[0]]
        self.fields["name"].error_messages["required"] = "Enter your name"
        self.fields["email"].error_messages["required"] = (
            "Enter your email address, so we can reply"
        )
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the right format, like name@example.org"
        )
        self.fields["topic"].error_messages["required"] = "Choose what your message is about"
        self.fields["message"].error_messages["required"] = "Enter your message"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class SpotlightFilesField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = (
            [upload for upload in (data or []) if upload]
            if isinstance(data, list | tuple)
            else [data]
        )
        uploads = [upload for upload in uploads if upload]
        if len(uploads) > MAX_SPOTLIGHT_FILES:
            raise forms.ValidationError(
                gettext("Choose up to %(count)s files.") % {"count": MAX_SPOTLIGHT_FILES}
            )
        checked = []
        for upload in uploads:
            try:
                checked.append((upload, validate_document(upload)))
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    gettext("%(upload)s: %(problem)s")
                    % {"upload": upload.name, "problem": error.messages[0]}
                ) from error
        return checked


class SpotlightForm(ModelForm):
    files = SpotlightFilesField(
        label=_("Files (optional)"),
        required=False,
        help_text=format_lazy(
            _(
                "Up to {count} files: pictures, PDF, Word, OpenDocument or text, "
                "each smaller than 5 MB. Only our co-production lead sees them."
            ),
            count=MAX_SPOTLIGHT_FILES,
        ),
    )

    class Meta:
        model = Spotlight
        fields = [
            "organisation",
            "contact_name",
            "contact_email",
            "title",
            "story",
            "what_worked",
            "what_learned",
            "consent_to_publish",
        ]
        widgets = {
            "story": forms.Textarea(attrs={"rows": 8}),
            "what_worked": forms.Textarea(attrs={"rows": 5}),
            "what_learned": forms.Textarea(attrs={"rows": 5}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(
                attrs={"autocomplete": "email", "spellcheck": "false"}
            ),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("story", "what_worked", "what_learned"):
            self.fields[name].max_length = LONG_TEXT
        self.fields["consent_to_publish"].required = True
        self.fields["consent_to_publish"].error_messages["required"] = (
            "Tick the box to agree that we may publish your story. We will not publish it "
            "without your agreement."
        )
        self.fields["contact_email"].error_messages["invalid"] = (
            "Enter an email address in the right format, like name@example.org"
        )
        for name, label in (
            ("organisation", "Enter your organisation's name"),
            ("contact_name", "Enter your name"),
            ("contact_email", "Enter your email address, so we can tell you what happens next"),
            ("title", "Enter a title for your story"),
            ("story", "Tell us your story"),
            ("what_worked", "Tell us what worked well"),
            ("what_learned", "Tell us what you learned"),
        ):
            self.fields[name].error_messages["required"] = label


class SpotlightEditForm(ModelForm):
    """The lead tidies a story before publishing it."""

    class Meta:
        model = Spotlight
        fields = ["organisation", "title", "story", "what_worked", "what_learned"]
        widgets = {
            "story": forms.Textarea(attrs={"rows": 10}),
            "what_worked": forms.Textarea(attrs={"rows": 5}),
            "what_learned": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {
            "organisation": _("Organisation"),
            "title": _("Title"),
            "story": _("Story"),
            "what_learned": _("What they learned"),
        }
        help_texts = {"story": "", "what_learned": ""}


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("What do you want to do?"),
        widget=forms.RadioSelect,
        choices=[
            (SpotlightStatus.PUBLISHED, "Publish it"),
            (SpotlightStatus.CHANGES_REQUESTED, "Ask the organisation for changes"),
            (SpotlightStatus.DECLINED, "Decline it"),
        ],
        error_messages={"required": "Choose what to do with this story"},
    )
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed when you ask for changes or decline. We email it to them."),
    )


class PublishDateField(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Publish date"),
            required=False,
            input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y", "%d %B %Y", "%d %b %Y"],
            help_text=_(
                "For example, 27/3/2026. Leave it empty to publish today. A later date "
                "waits until then."
            ),
            error_messages={"invalid": "Enter the date like 27/3/2026"},
            **kwargs,
        )


class StoryForm(ModelForm):
    """Shared by updates and case studies."""

    publish_date = PublishDateField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text += " Leave empty to make one from the title."
        self.fields["body"].help_text = MARKDOWN_HELP
        self.fields["body"].max_length = LONG_TEXT
        self.fields["easy_read"].max_length = LONG_TEXT
        self.fields["body_cy"].max_length = LONG_TEXT
        self.fields["body_cy"].help_text = MARKDOWN_HELP
        self.fields["image"].help_text = _("Optional. PNG, JPEG, GIF or WebP, smaller than 5 MB.")
        self.fields["title"].error_messages["required"] = _("Enter a title")
        self.fields["summary"].error_messages["required"] = _("Enter a summary")
        self.fields["body"].error_messages["required"] = _("Enter the text")
        if self.instance.published_at:
            self.initial["publish_date"] = timezone.localtime(self.instance.published_at).date()

    def clean_slug(self):
        slug = slugify(self.cleaned_data.get("slug") or self.cleaned_data.get("title") or "")[
            :80
        ].strip("-")
        if not slug:
            # Titles in other scripts may have no Latin letters to make an address from.
            slug = f"story-{timezone.now():%Y%m%d%H%M%S}"
        model = self._meta.model
        base, number = slug, 2
        while model.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            suffix = f"-{number}"
            slug, number = base[: 80 - len(suffix)] + suffix, number + 1
        return slug

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "content_type"):  # a new upload, not the saved file
            self.instance.image_type = validate_image(image)
        elif not image:
            self.instance.image_type = ""
        return image

    def _post_clean(self):
        super()._post_clean()
        date = self.cleaned_data.get("publish_date")
        if date:
            at = datetime.datetime.combine(date, datetime.time(9, 0))
            self.instance.published_at = timezone.make_aware(at)
        elif (
            "publish_date" in self.cleaned_data
            and self.instance.status == Status.PUBLISHED
            and (not self.instance.published_at or self.instance.published_at > timezone.now())
        ):
            # Published with the date cleared: it goes out now.
            self.instance.published_at = timezone.now()


STORY_FIELDS = ["title", "slug", "summary", "body", "easy_read", "image", "image_alt"]
WELSH_STORY_FIELDS = ["title_cy", "summary_cy", "body_cy"]
STORY_WIDGETS = {
    "summary": forms.Textarea(attrs={"rows": 2}),
    "body": forms.Textarea(attrs={"rows": 15}),
    "summary_cy": forms.Textarea(attrs={"rows": 2}),
    "body_cy": forms.Textarea(attrs={"rows": 15}),
    "easy_read": forms.Textarea(attrs={"rows": 10}),
}


class UpdateForm(StoryForm):
    class Meta:
        model = Update
        fields = [*STORY_FIELDS, "status", *WELSH_STORY_FIELDS]
        widgets = {**STORY_WIDGETS, "status": forms.RadioSelect}


class CaseStudyForm(StoryForm):
    class Meta:
        model = CaseStudy
        fields = [*STORY_FIELDS, "project", "project_name", "featured", *WELSH_STORY_FIELDS]
        widgets = STORY_WIDGETS


class FeaturedPersonForm(ModelForm):
    class Meta:
        model = FeaturedPerson
        fields = ["name", "account", "appearance", "consent", "consent_note"]
        widgets = {"appearance": forms.RadioSelect, "consent": forms.RadioSelect}
        labels = {"account": _("Their Coproduce account, if they have one")}
        help_texts = {
            "account": _(
                "Then their own consent records are checked too, and if they "
                "withdraw consent to case studies the story comes down at once."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("name")
        )
        self.fields["account"].empty_label = "They do not have an account"
        self.fields["appearance"].choices = [c for c in self.fields["appearance"].choices if c[0]]
        self.fields["name"].error_messages["required"] = "Enter the person's name"
        self.fields["appearance"].error_messages["required"] = "Choose how they appear in the story"


class ConsentForm(ModelForm):
    class Meta:
        model = FeaturedPerson
        fields = ["consent", "consent_note"]
        widgets = {"consent": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("consent") == Consent.GIVEN
            and not (cleaned.get("consent_note") or "").strip()
        ):
            self.add_error(
                "consent_note", "Say how they agreed, so the consent can be checked later"
            )
        return cleaned


class MessageStatusForm(ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["status", "notes"]
        widgets = {"status": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 4})}
        labels = {"status": _("Status")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = MessageStatus.choices
        self.fields["notes"].max_length = LONG_TEXT


class SitePageForm(ModelForm):
    class Meta:
        model = SitePage
        fields = ["body", "easy_read", "body_cy"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 18}),
            "easy_read": forms.Textarea(attrs={"rows": 14}),
            "body_cy": forms.Textarea(attrs={"rows": 18}),
        }
        help_texts = {
            "body": MARKDOWN_HELP,
            "body_cy": MARKDOWN_HELP,
            "easy_read": _("Short sentences, one idea in each, and everyday words."),
        }


STATEMENT_FIELDS = [field for field, _heading in STATEMENT_SECTIONS]


class StatementForm(ModelForm):
    class Meta:
        model = AccessibilityStatement
        fields = [
            *STATEMENT_FIELDS,
            "prepared_on",
            *(f"{field}_cy" for field in STATEMENT_FIELDS),
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for field in STATEMENT_FIELDS
            for name in (field, f"{field}_cy")
        }

    prepared_on = forms.DateField(
        label=_("Date this statement was prepared"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text=_("For example, 27/3/2026."),
        error_messages={"invalid": "Enter the date like 27/3/2026", "required": "Enter the date"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.prepared_on and not self.is_bound:
            self.initial["prepared_on"] = self.instance.prepared_on.strftime("%d/%m/%Y")


class AccessibilityCheckForm(ModelForm):
    prefix = "check"

    checked_on = forms.DateField(
        label=_("Date of the check"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text=_("For example, 27/3/2026."),
        error_messages={
            "invalid": "Enter the date like 27/3/2026",
            "required": "Enter the date of the check",
        },
    )

    class Meta:
        model = AccessibilityCheck
        fields = ["checked_on", "pages_checked", "problems_found", "how"]

    def clean_checked_on(self):
        date = self.cleaned_data["checked_on"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date of the check must be today or in the past"))
        return date


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search updates, case studies and spotlight stories"),
        max_length=200,
        required=False,
    )
