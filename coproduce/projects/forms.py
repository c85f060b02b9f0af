from django import forms
from django.contrib.auth import get_user_model
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import Role
from coproduce.lib.forms import DateInput, IdChoiceField, ModelForm

from .models import Decision, Feedback, Position, Project, Rung, TeamMember

User = get_user_model()


class RungChoiceField(IdChoiceField):
    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        super().__init__(queryset=Rung.objects.order_by("number"), empty_label=None, **kwargs)

    def label_from_instance(self, rung):
        return gettext("%(number)s. %(name)s (%(group)s): %(description)s") % {
            "number": rung.number,
            "name": rung.name_shown,
            "group": rung.get_group_display().lower(),
            "description": rung.description_shown,
        }


class ProjectForm(ModelForm):
    class Meta:
        model = Project
        fields = [
            "title",
            "purpose",
            "summary",
            "easy_read_summary",
            "lead",
            "status",
            "visibility",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "status": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            "starts_on": DateInput,
            "ends_on": DateInput,
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "easy_read_summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "summary": _("Short sentences and everyday words, so everyone can follow it."),
            "easy_read_summary": _(
                "Very short sentences, one idea each. Leave empty if there is none yet."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = User.objects.filter(
            is_active=True, role_assignments__role__in=[Role.STAFF, Role.LEAD]
        ).distinct()
        self.fields["lead"].label = gettext("Project lead")
        self.fields["lead"].empty_label = gettext("Choose the project lead")
        self.fields["status"].choices = Project.Status.choices

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", gettext("The end date must be on or after the start date."))
        return cleaned


class DeclareRungForm(forms.Form):
    rung = RungChoiceField(label=_("Which rung of the ladder is this project on?"))
    reason = forms.CharField(
        label=_("Why this rung?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Say what co-producers do in this project, and what they decide."),
    )


class NewProjectForm(ProjectForm):
    rung = RungChoiceField(label=_("Which rung of the ladder will this project be on?"))
    reason = DeclareRungForm.base_fields["reason"]

    class Meta(ProjectForm.Meta):
        pass


class StageForm(forms.Form):
    stage_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Stage name"),
        max_length=100,
        error_messages={"required": _("Enter a name for the stage, or tick remove")},
    )
    coproducers_involved = forms.BooleanField(
        label=_("Co-producers were involved in this stage"), required=False
    )
    how_involved = forms.CharField(
        label=_("How they were involved"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    remove = forms.BooleanField(label=_("Remove this stage"), required=False)


class BaseStageFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        names = [
            f.cleaned_data["name"].strip().lower()
            for f in self.forms
            if f.cleaned_data.get("name") and not f.cleaned_data.get("remove")
        ]
        if len(names) != len(set(names)):
            raise forms.ValidationError(
                gettext("Two stages have the same name. Give each stage its own name.")
            )
        if not names:
            raise forms.ValidationError(gettext("A project needs at least one stage."))


StageFormSet = formset_factory(
    StageForm, formset=BaseStageFormSet, extra=1, max_num=20, validate_max=True
)


class TeamMemberForm(forms.Form):
    person = IdChoiceField(queryset=User.objects.none(), label=_("Person"))
    kind = forms.ChoiceField(
        label=_("Taking part as"), choices=TeamMember.Kind.choices, widget=forms.RadioSelect
    )
    role = forms.CharField(
        label=_("Role in the project"),
        max_length=60,
        help_text=_("For example co-chair, member, peer researcher."),
    )
    co_lead = forms.BooleanField(
        label=_("Co-lead of the project"),
        required=False,
        help_text=_(
            "For a co-producer: they get the same powers over this project as its "
            "lead, until they leave the team. They never see anyone's access passport."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(is_active=True).order_by("name")
        self.fields["person"].empty_label = gettext("Choose a person")

    def clean(self):
        cleaned = super().clean()
        person, kind = cleaned.get("person"), cleaned.get("kind")
        if cleaned.get("co_lead") and kind == TeamMember.Kind.STAFF:
            self.add_error(
                "co_lead",
                gettext("Only co-producers are co-leads. Staff run the project as staff."),
            )
        # The evidenced rung counts co-producers, so only people who hold that role count as one.
        if person and kind == TeamMember.Kind.COPRODUCER and not person.has_role("coproducer"):
            self.add_error(
                "kind",
                gettext("%(person)s does not have the co-producer role, so add them as staff.")
                % {"person": person},
            )
        if (
            person
            and kind == TeamMember.Kind.STAFF
            and not person.has_role("staff", "lead", "administrator")
        ):
            self.add_error(
                "kind",
                gettext("%(person)s is not a member of staff, so add them as a co-producer.")
                % {"person": person},
            )
        return cleaned


class OpenDecisionForm(ModelForm):
    """A proposal put to the team, with its closing date and the meeting that discusses it."""

    class Meta:
        model = Decision
        fields = ["what", "why", "stage", "meeting", "closes_on"]
        widgets = {
            "what": forms.Textarea(attrs={"rows": 3}),
            "why": forms.Textarea(attrs={"rows": 3}),
            "closes_on": DateInput,
        }
        labels = {
            "what": _("What is proposed"),
            "why": _("Why"),
            "meeting": _("The meeting where it is discussed"),
            "closes_on": _("Closing date"),
        }
        help_texts = {
            "meeting": _("Who was there is taken from the meeting's attendance."),
            "closes_on": _("Team members can give their position until the end of this day."),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = project.stages.all()
        self.fields["stage"].required = False
        self.fields["stage"].empty_label = gettext("Not linked to a stage")
        meeting = self.fields["meeting"]
        meeting.queryset = meeting.queryset.filter(project=project).order_by("-starts_at")
        meeting.required = False
        meeting.empty_label = gettext("Not discussed at a meeting")
        self.fields["closes_on"].required = True

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(gettext("The closing date must be today or later."))
        return closes_on


STANCE_HELP = _(
    "Block means you think it must not go ahead: a single block stops it. "
    "Abstain means you take no side."
)


class PositionForm(forms.Form):
    stance = forms.ChoiceField(
        label=_("Your position"),
        choices=Position.Stance.choices,
        widget=forms.RadioSelect,
        help_text=STANCE_HELP,
    )
    reason = forms.CharField(
        label=_("Your reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OnBehalfPositionForm(forms.Form):
    person = IdChoiceField(queryset=User.objects.none(), label=_("Whose position is this?"))
    stance = forms.ChoiceField(
        label=_("Their position"),
        choices=Position.Stance.choices,
        widget=forms.RadioSelect,
        help_text=STANCE_HELP,
    )
    reason = forms.CharField(
        label=_("Their reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    on_behalf_reason = forms.CharField(
        label=_("Why you are recording it for them"),
        max_length=200,
        help_text=_("For example: they told me by phone."),
        error_messages={"required": _("Say why you are recording this position for them")},
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(
            pk__in=TeamMember.objects.current().filter(project=project).values("person")
        ).order_by("name")
        self.fields["person"].empty_label = gettext("Choose a team member")


class MeetingPositionsForm(forms.Form):
    """One position and reason for each person the meeting's attendance says was there."""

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = list(people)
        for person in self.people:
            self.fields[f"stance_{person.pk}"] = forms.ChoiceField(
                label=gettext("%(person)s's position") % {"person": person},
                choices=[("", gettext("Not recorded")), *Position.Stance.choices],
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"reason_{person.pk}"] = forms.CharField(
                label=gettext("%(person)s's reason (optional)") % {"person": person},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def stances(self):
        return {
            person: (
                self.cleaned_data[f"stance_{person.pk}"],
                self.cleaned_data[f"reason_{person.pk}"],
            )
            for person in self.people
        }


class ProposeDecisionForm(ModelForm):
    class Meta:
        model = Decision
        fields = ["decided_on", "what", "why"]
        widgets = {
            "decided_on": DateInput,
            "what": forms.Textarea(attrs={"rows": 3}),
            "why": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"decided_on": _("When it was decided"), "what": _("What was decided")}


class DecisionViewForm(forms.Form):
    text = forms.CharField(
        label=_("Your view on this decision"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FeedbackForm(ModelForm):
    class Meta:
        model = Feedback
        fields = ["said", "source", "said_on", "said_by", "anonymous", "public"]
        widgets = {
            "said": forms.Textarea(attrs={"rows": 3}),
            "source": forms.RadioSelect,
            "said_on": DateInput,
            "said_by": forms.CheckboxSelectMultiple,
        }
        labels = {
            "said_by": _("Who said it"),
            "said_on": _("When it was said"),
            "source": _("Where it was said"),
            "anonymous": _("Anonymous"),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["said_by"].queryset = User.objects.filter(
            project_memberships__project=project,
            project_memberships__kind=TeamMember.Kind.COPRODUCER,
        ).order_by("name")
        self.fields["said_by"].required = False


class SaySomethingForm(ModelForm):
    """A co-producer on the team records what they want to say, in their own words."""

    class Meta:
        model = Feedback
        fields = ["said", "anonymous"]
        widgets = {"said": forms.Textarea(attrs={"rows": 4})}
        labels = {"anonymous": _("Anonymous")}
        labels = {
            "said": _("What would you like to say?"),
            "anonymous": _("Do not show my name with it"),
        }


class AnswerFeedbackForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What happened"),
        widget=forms.RadioSelect,
        choices=[c for c in Feedback.Outcome.choices if c[0] != Feedback.Outcome.OPEN],
    )
    response = forms.CharField(
        label=_("What we did"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("If you could not do it, say why. People will be told this answer."),
    )


class ProjectSearchForm(forms.Form):
    q = forms.CharField(label=_("Title or summary"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Project.Status.choices]
    )
