import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext
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
        self.fields["name"].error_messages["required"] = _("Enter the venue's name")
        self.fields["address"].error_messages["required"] = _("Enter the venue's address")


class MeetingForm(ModelForm):
    date = forms.DateField(
        label=_("Date"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the date of the meeting"),
            "invalid": _("Enter a real date, like 27 3 2027"),
        },
    )
    time = forms.TimeField(
        label=_("Start time"),
        help_text=_("Use the 24-hour clock, for example 14:30."),
        input_formats=["%H:%M", "%H.%M", "%H%M"],
        widget=forms.TimeInput(
            format="%H:%M", attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}
        ),
        error_messages={
            "required": _("Enter the start time"),
            "invalid": _("Enter a time like 14:30"),
        },
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
        self.fields["project"].empty_label = _("Whole organisation")
        if projects is not None:
            self.fields["project"].required = True
            self.fields["project"].empty_label = _("Choose the project")
            self.fields["project"].error_messages["required"] = _("Choose the project it is for")
        self.fields["venue"].queryset = Venue.objects.order_by("name")
        self.fields["venue"].empty_label = _("No venue (online only)")
        self.fields["venue"].help_text = _("Add a new venue from the venues page first.")
        self.fields["description"].max_length = LONG_TEXT
        self.fields["joining_details"].max_length = LONG_TEXT
        self.fields["duration_minutes"].min_value = 15
        self.fields["duration_minutes"].max_value = 8 * 60
        self.fields["duration_minutes"].validators += [
            MinValueValidator(15, _("A meeting must be at least 15 minutes long")),
            MaxValueValidator(8 * 60, _("A meeting must be 8 hours or shorter")),
        ]
        self.fields["notice_days"].validators.append(
            MaxValueValidator(60, _("Enter 60 days or fewer"))
        )
        self.fields["capacity"].validators.append(
            MinValueValidator(1, _("Enter at least 1 place, or leave it empty"))
        )
        self.fields["title"].error_messages["required"] = _("Enter a title for the meeting")
        self.fields["kind"].error_messages["required"] = _("Choose how people take part")
        self.fields["duration_minutes"].error_messages["required"] = _(
            "Enter how long the meeting is, in minutes"
        )
        self.fields["notice_days"].error_messages["required"] = _(
            "Enter how many days' notice papers need"
        )
        for number in range(1, MAX_BREAKS + 1):
            self.fields[f"break_{number}_after"] = forms.IntegerField(
                label=gettext("Break %(number)s: minutes after the start") % {"number": number},
                required=False,
                min_value=1,
                max_value=8 * 60,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
                help_text=_("Leave empty for no break.") if number == 1 else "",
            )
            self.fields[f"break_{number}_length"] = forms.IntegerField(
                label=gettext("Break %(number)s: how many minutes") % {"number": number},
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
                self.add_error("date", _("Enter a real date"))
            if starts and starts <= timezone.now():
                changed = not self.instance.pk or starts != self.instance.starts_at
                if changed:
                    self.add_error("date", _("The meeting must start in the future"))
            data["starts_at"] = starts
            if starts:
                # The date and time fields make one field of the meeting.
                self.instance.starts_at = starts
        kind = data.get("kind")
        if kind in (Meeting.Kind.IN_PERSON, Meeting.Kind.HYBRID) and not data.get("venue"):
            self.add_error("venue", _("Choose the venue, because people are meeting in person"))
        if (
            kind in (Meeting.Kind.ONLINE, Meeting.Kind.HYBRID)
            and not data.get("joining_details", "").strip()
        ):
            self.add_error("joining_details", _("Say how people join online"))
        capacity = data.get("capacity")
        if capacity is not None and self.instance.pk:
            confirmed = self.instance.invitations.places_taken()
            if capacity < confirmed:
                self.add_error(
                    "capacity",
                    gettext(
                        "%(confirmed)s people already have a place. Enter %(confirmed)s or more, "
                        "or ask someone to give up their place first"
                    )
                    % {"confirmed": confirmed},
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
                self.add_error(
                    f"break_{number}_after",
                    gettext("Enter when break %(number)s starts") % {"number": number},
                )
                continue
            if length is None:
                self.add_error(
                    f"break_{number}_length",
                    gettext("Enter how long break %(number)s is") % {"number": number},
                )
                continue
            if duration and after + length > duration:
                self.add_error(
                    f"break_{number}_after",
                    gettext("Break %(number)s must end before the meeting ends")
                    % {"number": number},
                )
                continue
            breaks.append((after, length, number))
        breaks.sort()
        for (after, length, _first), (next_after, _length, number) in zip(
            breaks, breaks[1:], strict=False
        ):
            if next_after < after + length:
                self.add_error(
                    f"break_{number}_after",
                    gettext("Break %(number)s overlaps another break") % {"number": number},
                )
        return [(after, length) for after, length, _number in breaks]


class InviteForm(forms.Form):
    team = forms.BooleanField(label=_("Invite everyone on the project's team"), required=False)
    people = IdMultipleChoiceField(
        label=_("Choose people to invite"),
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
            raise forms.ValidationError(_("Choose at least one person to invite"))
        data["chosen"] = chosen
        return data


REPLY_CHOICES = [
    (Invitation.Reply.YES, _("Yes, I am coming")),
    (Invitation.Reply.MAYBE, _("Maybe")),
    (Invitation.Reply.NO, _("No, I cannot come")),
]


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(
        label=_("Are you coming?"),
        choices=REPLY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes, maybe or no")},
    )


class SupporterReplyForm(forms.Form):
    """A supporter's reply for the person who let them, and whether they come too."""

    reply = forms.ChoiceField(
        label=_("Are they coming?"),
        choices=[
            (Invitation.Reply.YES, _("Yes, they are coming")),
            (Invitation.Reply.MAYBE, _("Maybe")),
            (Invitation.Reply.NO, _("No, they cannot come")),
            (Invitation.Reply.CANCELLED, _("They are giving up their place")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose their reply")},
    )
    coming_too = forms.BooleanField(
        label=_("I am coming with them"),
        required=False,
        help_text=_("You take a place too, and the organiser knows you are coming with them."),
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply"].label = gettext("Is %(person)s coming?") % {"person": person}


class ReplyOnBehalfForm(forms.Form):
    invitation = IdChoiceField(
        label=_("Whose reply is it?"),
        queryset=Invitation.objects.none(),
        error_messages={"required": _("Choose the person who replied")},
    )
    reply = forms.ChoiceField(
        label=_("Their reply"),
        choices=[*REPLY_CHOICES, (Invitation.Reply.CANCELLED, _("They are giving up their place"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose their reply")},
    )
    reason = forms.CharField(
        label=_("Why are you recording it for them?"),
        help_text=_("For example, they rang to tell us."),
        max_length=300,
        error_messages={"required": _("Say why you are recording this reply for them")},
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
        self.fields["owner"].empty_label = _("Nobody yet")
        self.fields["status"].choices = Arrangement.Status.choices
        self.fields["due_on"].error_messages.update(
            required=_("Enter the date it should be arranged by"), invalid=_("Enter a real date")
        )


def check_upload(upload):
    try:
        return detect_type(upload, MATERIAL_TYPES)
    except forms.ValidationError:
        raise
    except Exception as error:  # an unreadable upload is the person's problem to fix, not a crash
        raise forms.ValidationError(
            _("The file could not be read. Save it again and choose it again.")
        ) from error


class MaterialForm(WelshVersionFields, forms.Form):
    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=Material.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether it is an agenda, a paper or minutes")},
    )
    title = forms.CharField(
        label=_("Title"), max_length=200, error_messages={"required": _("Enter a title")}
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
        label=_("Date sent to people"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the date it was sent"),
            "invalid": _("Enter a real date"),
        },
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, OpenDocument, text or a picture, smaller than 5 MB."),
        error_messages={"required": _("Choose a file"), "empty": _("The file is empty")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = check_upload(upload)
        return upload

    def clean_sent_on(self):
        day = self.cleaned_data["sent_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date sent cannot be in the future"))
        return day


class FormatForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=AlternativeFormat.Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the format")},
    )
    file = forms.FileField(
        label=_("File"), required=False, help_text=_("Not needed for a BSL video link.")
    )
    link = forms.URLField(
        assume_scheme="https",
        label=_("Link to the BSL video"),
        required=False,
        max_length=200,
        error_messages={"invalid": _("Enter a link starting with https://")},
    )
    sent_on = forms.DateField(
        label=_("Date sent to people"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the date it was sent"),
            "invalid": _("Enter a real date"),
        },
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
            raise forms.ValidationError(_("The date sent cannot be in the future"))
        return day

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("format") == AlternativeFormat.Format.BSL:
            if not data.get("link") and not data.get("file"):
                self.add_error("link", _("Enter the link to the BSL video"))
        elif not data.get("file"):
            self.add_error("file", _("Choose a file"))
        return data


class AttendanceForm(forms.Form):
    """One number field per person invited: minutes attended, empty if they did not come."""

    def __init__(self, *args, invitations, existing, duration, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for invitation in invitations:
            name = f"person_{invitation.person_id}"
            self.fields[name] = forms.IntegerField(
                label=gettext("%(person)s: minutes attended") % {"person": invitation.person},
                required=False,
                min_value=0,
                max_value=24 * 60,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
                help_text=gettext("%(reply)s. Leave empty if they did not come.")
                % {"reply": invitation.get_reply_display()},
                error_messages={
                    "min_value": _("Enter 0 or more minutes"),
                    "max_value": _("Enter 1440 minutes (24 hours) or fewer"),
                    "invalid": _("Enter a whole number of minutes"),
                },
            )
            self.initial[name] = existing.get(invitation.person_id)
            self.rows.append((name, invitation.person))

    def minutes_by_person(self):
        return {person: (self.cleaned_data.get(name) or None) for name, person in self.rows}


class FeedbackForm(forms.Form):
    access_needs_met = forms.ChoiceField(
        label=_("Were your access needs met?"),
        choices=AccessAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether your access needs were met")},
    )
    listened_to = forms.ChoiceField(
        label=_("Did you feel listened to?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you felt listened to")},
    )
    could_say = forms.ChoiceField(
        label=_("Could you say what you wanted to?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you could say what you wanted to")},
    )
    anything_else = forms.CharField(
        label=_("Anything else you want to tell us?"),
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "If your access needs were not met, tell us what went wrong and we will put it right."
        ),
    )
    anonymous = forms.BooleanField(
        label=_("Do not put my name on this feedback"),
        required=False,
        help_text=_(
            "We will still know you gave feedback, but not which answers are yours. "
            "We cannot contact you about it."
        ),
    )


class FollowUpForm(forms.Form):
    note = forms.CharField(
        label=_("What did you do?"),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what you did to follow this up")},
    )
