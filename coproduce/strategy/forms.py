from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import Role
from coproduce.lib import figures
from coproduce.lib.forms import DateInput, IdMultipleChoiceField, ModelForm

from .models import Commitment, Direction


class PersonChoice(IdMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name or obj.email


def figure_choices(titles):
    """Every registered dashboard figure, named by its latest snapshot's title (the key
    until it has one), grouped by area of the jigsaw."""
    grouped = []
    for area, area_label in figures.AREAS.items():
        options = [
            (source.key, titles.get(source.key, (source.key, ""))[0])
            for source in figures.sources(area)
        ]
        if options:
            grouped.append((area_label, options))
    return [("", _("None: no figure measures it")), *grouped]


class CommitmentForm(ModelForm):
    co_authors = PersonChoice(
        label=_("Co-producers who write it with you"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They may change this commitment too, and are told they were named."),
    )

    class Meta:
        model = Commitment
        fields = [
            "text",
            "text_cy",
            "owner",
            "due_on",
            "figure_key",
            "target",
            "direction",
            "public",
        ]
        widgets = {
            "due_on": DateInput,
            "figure_key": forms.Select,
            "direction": forms.RadioSelect,
        }
        help_texts = {
            "owner": _("The person who sees it through. They are reminded as the date nears."),
            "figure_key": _(
                "Optional. Its monthly history shows the commitment's trajectory, and the "
                "dashboard links to the records behind it."
            ),
            "target": _("Optional, with a figure. A number in the figure's own unit: 70 for 70%."),
            "public": _("Public commitments, and whether they are on track, are on our website."),
        }

    def __init__(self, *args, titles, manages, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True).order_by("name", "pk")
        self.fields["owner"].queryset = users.filter(role_assignments__isnull=False).distinct()
        self.fields["owner"].label_from_instance = lambda person: person.name or person.email
        self.fields["figure_key"].widget.choices = figure_choices(titles)
        self.fields["direction"].choices = Direction.choices
        self.fields["direction"].required = False
        if manages:
            self.fields["co_authors"].queryset = users.filter(
                role_assignments__role=Role.COPRODUCER
            ).distinct()
            if self.instance.pk:
                self.initial.setdefault(
                    "co_authors",
                    list(self.instance.co_authors.values_list("person_id", flat=True)),
                )
        else:
            # Co-authors change the commitment; the lead decides who writes it and what is public.
            del self.fields["co_authors"]
            del self.fields["public"]

    def clean_figure_key(self):
        key = self.cleaned_data["figure_key"]
        if key and key not in {source.key for source in figures.sources()}:
            raise forms.ValidationError(_("Choose a figure from the list."))
        return key

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if self.instance.pk is None and due_on < timezone.localdate():
            raise forms.ValidationError(_("The date must be today or later."))
        return due_on

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if target is not None:
            if not cleaned.get("figure_key"):
                self.add_error("figure_key", _("Choose the figure the target is for."))
            if not cleaned.get("direction"):
                self.add_error(
                    "direction",
                    _("Say whether the figure should be at least or at most the target."),
                )
            if target < 0:
                self.add_error("target", _("The target must be 0 or more."))
        return cleaned
