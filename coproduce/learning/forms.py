from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.lib.forms import DateInput, ModelForm

from .models import AUDIENCES, Completion, Module


class ModuleForm(ModelForm):
    link = forms.URLField(
        label=_("Link to the course"),
        required=False,
        assume_scheme="https",
        help_text=_("Leave empty if the content is below."),
    )
    required_for = forms.MultipleChoiceField(
        label=_("Who must take it"),
        choices=AUDIENCES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Everyone with any of these roles. Leave all empty if it is optional."),
    )

    class Meta:
        model = Module
        fields = [
            "title",
            "description",
            "link",
            "content",
            "minutes",
            "required_for",
            "complete_by",
            "active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "content": forms.Textarea(attrs={"rows": 8}),
            "complete_by": DateInput,
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("link") and not cleaned.get("content", "").strip():
            self.add_error("link", "Give a link to the course, or write the content below.")
        return cleaned


class CompletionForm(ModelForm):
    class Meta:
        model = Completion
        fields = ["completed_on", "reflection"]
        widgets = {"completed_on": DateInput, "reflection": forms.Textarea(attrs={"rows": 4})}

    def clean_completed_on(self):
        completed_on = self.cleaned_data["completed_on"]
        if completed_on > timezone.localdate():
            raise forms.ValidationError(_("The date you finished it must be today or earlier."))
        return completed_on
