import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import User
from coproduce.lib.forms import (
    DateInput,
    IdChoiceField,
    IdMultipleChoiceField,
    ModelForm,
    WelshVersionFields,
)
from coproduce.lib.uploads import DOCUMENT_TYPES, IMAGE_TYPES, detect_type
from coproduce.projects.models import Project

from .models import (
    AccessAnswer,
    AlternativeFormat,
    Answer,
    Arrangement,
    Invitation,
    Material,
    Meeting,
    Venue,
)

LONG_TEXT = 5000
MAX_BREAKS = 3
MATERIAL_TYPES = {**DOCUMENT_TYPES, **IMAGE_TYPES}


def people_choices():
    return User.objects.filter(is_active=True).order_by("name", "pk")


def organisers():
    return (
        User.objects.filter(is_active=True, role_assignments__role__in=["lead", "staff"])
        .distinct()
        .order_by("name", "pk")
    )


class VenueForm(ModelForm):
    class Meta:
        model = Venue
        fields = [
            "name", "address", "step_free", "accessible_toilet", "hearing_loop", "quiet_room",
            "parking", "public_transport", "notes",
        ]  # fmt: skip
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["address"].max_length = 1000
        self.fields["notes"].max_length = LONG_TEXT
        self.fields["name"].error_messages["required"] = "Enter the venue's name"
        self.fields["address"].error_messages["required"] = "Enter the venue's address"


class MeetingForm(ModelForm):
    date = forms.DateField(
        label="Date",
        widget=DateInput,
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "Enter a real date, like 27 3 2027",
        },
    )
    time = forms.TimeField(
        label="Start time",
        help_text="Use the 24-hour clock, for example 14:30.",
        input_formats=["%H:%M", "%H.%M", "%H%M"],
        widget=forms.TimeInput(
            format="%H:%M", attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}
        ),
        error_messages={"required": "Enter the start time", "invalid": "Enter a time like 14:30"},
    )

    class Meta:
        model = Meeting
        fields = [
            "title", "project", "kind", "description", "duration_minutes", "venue",
            "joining_details", "capacity", "notice_days",
        ]  # fmt: skip
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "joining_details": forms.Textarea(attrs={"rows": 3}),
            "duration_minutes": forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
            "capacity": forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
            "notice_days": forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
        }

    field_order = ["title", "project", "kind", "description", "date", "time", "duration_minutes"]

    def __init__(self, *args, projects=None, **kwargs):
        """`projects`: the only projects to offer (a co-lead's), or None for any."""
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Meeting.Kind.choices
        self.fields["project"].queryset = (
            Project.objects if projects is None else projects
        ).order_by("title")
        self.fields["project"].empty_label = "Whole organisation"
        if projects is not None:
            self.fields["project"].required = True
            self.fields["project"].empty_label = "Choose the project"
            self.fields["project"].error_messages["required"] = "Choose the project it is for"
        self.fields["venue"].queryset = Venue.objects.order_by("name")
        self.fields["venue"].empty_label = "No venue (online only)"
        self.fields["venue"].help_text = "Add a new venue from the venues page first."
        self.fields["description"].max_length = LONG_TEXT
        self.fields["joining_details"].max_length = LONG_TEXT
        self.fields["duration_minutes"].min_value = 15
        self.fields["duration_minutes"].max_value = 8 * 60
        self.fields["duration_minutes"].validators += [
            MinValueValidator(15, "A meeting must be at least 15 minutes long"),
            MaxValueValidator(8 * 60, "A meeting must be 8 hours or shorter"),
        ]
        self.fields["notice_days"].validators.append(
            MaxValueValidator(60, "Enter 60 days or fewer")
        )
        self.fields["capacity"].validators.append(
            MinValueValidator(1, "Enter at least 1 place, or leave it empty")
        )
        self.fields["title"].error_messages["required"] = "Enter a title for the meeting"
        self.fields["kind"].error_messages["required"] = "Choose how people take part"
        self.fields["duration_minutes"].error_messages["required"] = (
            "Enter how long the meeting is, in minutes"
        )
        self.fields["notice_days"].error_messages["required"] = (
            "Enter how many days' notice papers need"
        )
        for number in range(1, MAX_BREAKS + 1):
            self.fields[f"break_{number}_after"] = forms.IntegerField(
                label=f"Break {number}: minutes after the start",
                required=False,
                min_value=1,
                max_value=8 * 60,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
                help_text="Leave empty for no break." if number == 1 else "",
            )
            self.fields[f"break_{number}_length"] = forms.IntegerField(
                label=f"Break {number}: how many minutes",
                required=False,
                min_value=1,
                max_value=120,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
            )
        if self.instance.pk:
            local = timezone.localtime(self.instance.starts_at)
            self.initial.setdefault("date", local.date())
            self.initial.setdefault("time", local.time())
            for number, item in enumerate(self.instance.breaks.all()[:MAX_BREAKS], start=1):
                self.initial[f"break_{number}_after"] = item.starts_after_minutes
                self.initial[f"break_{number}_length"] = item.length_minutes

    def clean(self):
        data = super().clean()
        day, time = data.get("date"), data.get("time")
        if day and time:
            try:
                starts = datetime.datetime.combine(day, time, tzinfo=ZoneInfo(settings.TIME_ZONE))
            except (OverflowError, ValueError):
                starts = None
                self.add_error("date", "Enter a real date")
            if starts and starts <= timezone.now():
                changed = not self.instance.pk or starts != self.instance.starts_at
                if changed:
                    self.add_error("date", "The meeting must start in the future")
            data["starts_at"] = starts
            if starts:
                # The date and time fields make one field of the meeting.
                self.instance.starts_at = starts
        kind = data.get("kind")
        if kind in (Meeting.Kind.IN_PERSON, Meeting.Kind.HYBRID) and not data.get("venue"):
            self.add_error("venue", "Choose the venue, because people are meeting in person")
        if (
            kind in (Meeting.Kind.ONLINE, Meeting.Kind.HYBRID)
            and not data.get("joining_details", "").strip()
        ):
            self.add_error("joining_details", "Say how people join online")
        capacity = data.get("capacity")
        if capacity is not None and self.instance.pk:
            confirmed = self.instance.invitations.places_taken()
            if capacity < confirmed:
                self.add_error(
                    "capacity",
                    f"{confirmed} people already have a place. Enter {confirmed} or more, "
                    "or ask someone to give up their place first",
                )
        data["breaks"] = self._clean_breaks(data)
        return data

    def _clean_breaks(self, data):
        duration = data.get("duration_minutes")
        breaks = []
        for number in range(1, MAX_BREAKS + 1):
            after, length = data.get(f"break_{number}_after"), data.get(f"break_{number}_length")
            if after is None and length is None:
                continue
            if after is None:
                self.add_error(f"break_{number}_after", f"Enter when break {number} starts")
                continue
            if length is None:
                self.add_error(f"break_{number}_length", f"Enter how long break {number} is")
                continue
            if duration and after + length > duration:
                self.add_error(
                    f"break_{number}_after", f"Break {number} must end before the meeting ends"
                )
                continue
            breaks.append((after, length, number))
        breaks.sort()
        for (after, length, _number), (next_after, _length, number) in zip(
            breaks, breaks[1:], strict=False
        ):
            if next_after < after + length:
                self.add_error(f"break_{number}_after", f"Break {number} overlaps another break")
        return [(after, length) for after, length, _ in breaks]


class InviteForm(forms.Form):
    team = forms.BooleanField(label="Invite everyone on the project's team", required=False)
    people = IdMultipleChoiceField(
        label="Choose people to invite",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        invited = meeting.invitations.values("person_id")
        self.fields["people"].queryset = people_choices().exclude(pk__in=invited)
        if not meeting.project_id:
            del self.fields["team"]

    def clean(self):
        data = super().clean()
        chosen = list(data.get("people") or [])
        if data.get("team") and self.meeting.project_id:
            chosen += [
                member.person
                for member in self.meeting.project.team.current().select_related("person")
                if member.person.is_active
            ]
        if not chosen and not self.errors:
            raise forms.ValidationError("Choose at least one person to invite")
        data["chosen"] = chosen
        return data


REPLY_CHOICES = [
    (Invitation.Reply.YES, "Yes, I am coming"),
    (Invitation.Reply.MAYBE, "Maybe"),
    (Invitation.Reply.NO, "No, I cannot come"),
]


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(
        label="Are you coming?",
        choices=REPLY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes, maybe or no"},
    )


class SupporterReplyForm(forms.Form):
    """A supporter's reply for the person who let them, and whether they come too."""

    reply = forms.ChoiceField(
        label="Are they coming?",
        choices=[
            (Invitation.Reply.YES, "Yes, they are coming"),
            (Invitation.Reply.MAYBE, "Maybe"),
            (Invitation.Reply.NO, "No, they cannot come"),
            (Invitation.Reply.CANCELLED, "They are giving up their place"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose their reply"},
    )
    coming_too = forms.BooleanField(
        label="I am coming with them",
        required=False,
        help_text="You take a place too, and the organiser knows you are coming with them.",
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply"].label = f"Is {person} coming?"


class ReplyOnBehalfForm(forms.Form):
    invitation = IdChoiceField(
        label="Whose reply is it?",
        queryset=Invitation.objects.none(),
        error_messages={"required": "Choose the person who replied"},
    )
    reply = forms.ChoiceField(
        label="Their reply",
        choices=[*REPLY_CHOICES, (Invitation.Reply.CANCELLED, "They are giving up their place")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose their reply"},
    )
    reason = forms.CharField(
        label="Why are you recording it for them?",
        help_text="For example, they rang to tell us.",
        max_length=300,
        error_messages={"required": "Say why you are recording this reply for them"},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitation"].queryset = meeting.invitations.select_related("person").order_by(
            "person__name"
        )
        self.fields["invitation"].label_from_instance = lambda i: (
            f"{i.person} ({i.get_reply_display().lower()})"
        )


class ArrangementForm(ModelForm):
    class Meta:
        model = Arrangement
        fields = ["status", "owner", "due_on", "note"]
        widgets = {"status": forms.RadioSelect, "due_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisers()
        self.fields["owner"].empty_label = "Nobody yet"
        self.fields["status"].choices = Arrangement.Status.choices
        self.fields["due_on"].error_messages.update(
            required="Enter the date it should be arranged by", invalid="Enter a real date"
        )


def check_upload(upload):
    try:
        return detect_type(upload, MATERIAL_TYPES)
    except forms.ValidationError:
        raise
    except Exception as error:  # an unreadable upload is the person's problem to fix, not a crash
        raise forms.ValidationError(
            "The file could not be read. Save it again and choose it again."
        ) from error


class MaterialForm(WelshVersionFields, forms.Form):
    kind = forms.ChoiceField(
        label="What is it?",
        choices=Material.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether it is an agenda, a paper or minutes"},
    )
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title"}
    )
    summary = forms.CharField(
        label=_("What it is about"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A sentence or two, so people know what the paper is before they open it."),
    )
    title_cy = forms.CharField(label=_("Title in Welsh"), required=False, max_length=200)
    summary_cy = forms.CharField(
        label=_("What it is about, in Welsh"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    sent_on = forms.DateField(
        label="Date sent to people",
        widget=DateInput,
        error_messages={"required": "Enter the date it was sent", "invalid": "Enter a real date"},
    )
    file = forms.FileField(
        label="File",
        help_text="PDF, Word, OpenDocument, text or a picture, smaller than 5 MB.",
        error_messages={"required": "Choose a file", "empty": "The file is empty"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = check_upload(upload)
        return upload

    def clean_sent_on(self):
        day = self.cleaned_data["sent_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date sent cannot be in the future")
        return day


class FormatForm(forms.Form):
    format = forms.ChoiceField(
        label="Format",
        choices=AlternativeFormat.Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the format"},
    )
    file = forms.FileField(
        label="File", required=False, help_text="Not needed for a BSL video link."
    )
    link = forms.URLField(
        assume_scheme="https",
        label="Link to the BSL video",
        required=False,
        max_length=200,
        error_messages={"invalid": "Enter a link starting with https://"},
    )
    sent_on = forms.DateField(
        label="Date sent to people",
        widget=DateInput,
        error_messages={"required": "Enter the date it was sent", "invalid": "Enter a real date"},
    )

    content_type = ""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            self.content_type = check_upload(upload)
        return upload

    def clean_sent_on(self):
        day = self.cleaned_data["sent_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date sent cannot be in the future")
        return day

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("format") == AlternativeFormat.Format.BSL:
            if not data.get("link") and not data.get("file"):
                self.add_error("link", "Enter the link to the BSL video")
        elif not data.get("file"):
            self.add_error("file", "Choose a file")
        return data


class AttendanceForm(forms.Form):
    """One number field per person invited: minutes attended, empty if they did not come."""

    def __init__(self, *args, invitations, existing, duration, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for invitation in invitations:
            name = f"person_{invitation.person_id}"
            self.fields[name] = forms.IntegerField(
                label=f"{invitation.person}: minutes attended",
                required=False,
                min_value=0,
                max_value=24 * 60,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
                help_text=f"{invitation.get_reply_display()}. Leave empty if they did not come.",
                error_messages={
                    "min_value": "Enter 0 or more minutes",
                    "max_value": "Enter 1440 minutes (24 hours) or fewer",
                    "invalid": "Enter a whole number of minutes",
                },
            )
            self.initial[name] = existing.get(invitation.person_id)
            self.rows.append((name, invitation.person))

    def minutes_by_person(self):
        return {person: (self.cleaned_data.get(name) or None) for name, person in self.rows}


class FeedbackForm(forms.Form):
    access_needs_met = forms.ChoiceField(
        label="Were your access needs met?",
        choices=AccessAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether your access needs were met"},
    )
    listened_to = forms.ChoiceField(
        label="Did you feel listened to?",
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you felt listened to"},
    )
    could_say = forms.ChoiceField(
        label="Could you say what you wanted to?",
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you could say what you wanted to"},
    )
    anything_else = forms.CharField(
        label="Anything else you want to tell us?",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="If your access needs were not met, tell us what went wrong and we will put it right.",
    )
    anonymous = forms.BooleanField(
        label="Do not put my name on this feedback",
        required=False,
        help_text="We will still know you gave feedback, but not which answers are yours. "
        "We cannot contact you about it.",
    )


class FollowUpForm(forms.Form):
    note = forms.CharField(
        label="What did you do?",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what you did to follow this up"},
    )
