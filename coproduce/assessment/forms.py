from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib.figures import AREAS
from coproduce.lib.forms import DateInput, IdChoiceField, ModelForm

from .models import AREA_LABELS, SCALE, Action, ActionComment, Framework

User = get_user_model()


class RoundForm(forms.Form):
    framework = IdChoiceField(
        Framework.objects.all(), empty_label=None, label=_("Framework"), widget=forms.RadioSelect
    )
    title = forms.CharField(
        max_length=200, label=_("Name of the round"), help_text=_("For example, “Spring 2027”.")
    )
    closes_on = forms.DateField(label=_("Last day to answer"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The framework's name is stored in English (defaults.py marks it for translation).
        self.fields["framework"].label_from_instance = lambda framework: gettext(framework.name)

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("The last day to answer must be today or later."))
        return closes_on


class AnswersForm(forms.Form):
    """One radio group and one comment box per statement, grouped by area.
    Saving for later accepts gaps; submitting needs a score for every statement."""

    def __init__(self, *args, statements, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        for number, statement in enumerate(self.statements, start=1):
            saved = answers.get(statement.pk)
            self.fields[f"score_{statement.pk}"] = forms.TypedChoiceField(
                label=gettext("%(number)s. %(statement)s")
                % {"number": number, "statement": gettext(statement.text)},
                choices=SCALE,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                initial=saved.score if saved else None,
            )
            self.fields[f"comment_{statement.pk}"] = forms.CharField(
                label=gettext("Comment on statement %(number)s") % {"number": number},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=saved.comment if saved else "",
                help_text=_("What makes you say this? An example helps."),
            )

    @property
    def submitting(self):
        return "submit" in self.data

    def clean(self):
        cleaned = super().clean()
        if self.submitting:
            for number, statement in enumerate(self.statements, start=1):
                key = f"score_{statement.pk}"
                if cleaned.get(key) in (None, "") and key not in self.errors:
                    self.add_error(
                        key,
                        gettext(
                            "Choose a score for statement %(number)s, or save and come back later."
                        )
                        % {"number": number},
                    )
        return cleaned

    def answers(self):
        return {
            statement: (
                self.cleaned_data.get(f"score_{statement.pk}") or None,
                self.cleaned_data.get(f"comment_{statement.pk}", "").strip(),
            )
            for statement in self.statements
        }

    def areas(self):
        """[(area label, [(score field, comment field)])] for the template."""
        grouped = {area: [] for area in AREAS}
        for statement in self.statements:
            grouped[statement.area].append(
                (self[f"score_{statement.pk}"], self[f"comment_{statement.pk}"])
            )
        return [(AREA_LABELS[area], pairs) for area, pairs in grouped.items() if pairs]


def organisation_staff():
    return (
        User.objects.filter(
            is_active=True, role_assignments__role__in=["administrator", "lead", "staff", "finance"]
        )
        .distinct()
        .order_by("name", "email")
    )


class ActionForm(ModelForm):
    class Meta:
        model = Action
        fields = ["area", "what", "owner", "due_on"]
        widgets = {
            "area": forms.RadioSelect,
            "what": forms.Textarea(attrs={"rows": 3}),
            "due_on": DateInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisation_staff()
        self.fields["owner"].required = True
        self.fields["owner"].empty_label = _("Choose a person")

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        unchanged = self.instance.pk and self.instance.due_on == due_on
        if due_on < timezone.localdate() and not unchanged:
            raise forms.ValidationError(_("The due date must be today or later."))
        return due_on


class ProgressForm(forms.Form):
    status = forms.ChoiceField(choices=Action.Status.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("What has happened"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["status"].initial = action.status

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == self.action.status and not cleaned.get("note", "").strip():
            self.add_error("note", _("Write what has happened, or change the status."))
        return cleaned


def coproducers():
    return (
        User.objects.filter(is_active=True, role_assignments__role="coproducer")
        .distinct()
        .order_by("name", "email")
    )


class CoOwnerForm(forms.Form):
    """The lead or the action's owner chooses a co-producer to co-own it."""

    person = IdChoiceField(
        coproducers(),
        label=_("Co-producer"),
        empty_label=_("Choose a co-producer"),
        error_messages={"required": _("Choose a co-producer")},
        help_text=_("They can record progress on the action, as the owner can."),
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=ActionComment.LONGEST,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write your comment.")},
        help_text=format_lazy(
            _("Up to {longest} characters. Everyone who sees the plan can read it."),
            longest=ActionComment.LONGEST,
        ),
    )
