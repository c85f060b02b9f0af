from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.lib.forms import DateInput, IdChoiceField, IdMultipleChoiceField, ModelForm
from coproduce.lib.uploads import validate_document
from coproduce.projects.models import Decision, Feedback, Project

from .models import ImpactEntry


class ProjectChoiceForm(forms.Form):
    """The first step: which project the change came from, so the next step offers that
    project's decisions, "you said" items and team."""

    project = IdChoiceField(
        label=_("Which project did this change come from?"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("None: the whole organisation"),
    )

    def __init__(self, *args, projects, whole_organisation, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["project"]
        field.queryset = projects
        field.required = not whole_organisation
        if not whole_organisation:
            field.empty_label = None
            field.help_text = _("You can record changes for the projects you lead.")


class DecisionChoice(IdMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.decided_on:%-d %B %Y}: {obj.what[:120]}"


class FeedbackChoice(IdMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.said_on:%-d %B %Y}: {obj.said[:120]}"


class PersonChoice(IdMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name or obj.email


class EntryForm(ModelForm):
    decisions = DecisionChoice(
        label=_("Decisions it came from"),
        queryset=Decision.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    feedback = FeedbackChoice(
        label=_("What people said that it answers (“you said, we did”)"),
        queryset=Feedback.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    people = PersonChoice(
        label=_("People who took part in the change"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each person is told and chooses for themselves whether their name is "
            "shown in public. Until they agree, it is not."
        ),
    )

    class Meta:
        model = ImpactEntry
        fields = [
            "title",
            "what_changed",
            "where",
            "area",
            "changed_on",
            "evidence",
            "evidence_file",
        ]
        widgets = {
            "what_changed": forms.Textarea(attrs={"rows": 5}),
            "where": forms.RadioSelect,
            "area": forms.RadioSelect,
            "changed_on": DateInput,
            "evidence": forms.Textarea(attrs={"rows": 4}),
            "evidence_file": forms.FileInput,
        }
        help_texts = {
            "evidence_file": _(
                "Optional. A PDF, Word or OpenDocument file, a text file or a "
                "picture. Only staff and the people named can open it."
            ),
        }

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.evidence_type = ""
        if project is None:
            for name in ("decisions", "feedback", "people"):
                del self.fields[name]
            return
        self.fields["decisions"].queryset = project.decisions.filter(
            status=Decision.Status.RECORDED
        )
        self.fields["feedback"].queryset = project.feedback.all()
        self.fields["people"].queryset = (
            get_user_model()
            .objects.filter(project_memberships__project=project, is_active=True)
            .distinct()
            .order_by("name", "pk")
        )
        if self.instance.pk:
            self.initial.setdefault("decisions", list(self.instance.decisions.all()))
            self.initial.setdefault("feedback", list(self.instance.feedback.all()))
            self.initial.setdefault(
                "people", list(self.instance.named.values_list("person_id", flat=True))
            )

    def clean_changed_on(self):
        changed_on = self.cleaned_data["changed_on"]
        if changed_on > timezone.localdate():
            raise forms.ValidationError(_("The date it changed must be today or earlier."))
        return changed_on

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the saved file
            self.evidence_type = validate_document(upload)
            return upload
        return upload

    def new_upload(self):
        upload = self.cleaned_data.get("evidence_file")
        return upload if self.evidence_type else None


class ConsentForm(forms.Form):
    consent = forms.TypedChoiceField(
        label=_("May we show your name with this change on our public impact page?"),
        choices=[("yes", _("Yes, show my name")), ("no", _("No, do not show my name"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether your name may be shown")},
    )
