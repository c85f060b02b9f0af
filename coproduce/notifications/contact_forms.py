from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ContactTask

Outcome = ContactTask.Outcome
OUTCOMES = {
    ContactTask.Method.PHONE: (
        Outcome.REACHED,
        Outcome.MESSAGE,
        Outcome.NO_ANSWER,
        Outcome.WRONG_NUMBER,
    ),
    ContactTask.Method.TEXT: (Outcome.TEXT_SENT, Outcome.REACHED, Outcome.WRONG_NUMBER),
    ContactTask.Method.LETTER: (Outcome.POSTED, Outcome.REACHED),
}
# A whole question per method: the verb changes the rest of the sentence in Welsh.
QUESTIONS = {
    ContactTask.Method.PHONE: _("What happened when you phoned %(person)s?"),
    ContactTask.Method.TEXT: _("What happened when you texted %(person)s?"),
    ContactTask.Method.LETTER: _("What happened when you wrote to %(person)s?"),
}


class OutcomeForm(forms.Form):
    """What happened when staff contacted one person; one form per task on the page."""

    outcome = forms.ChoiceField(widget=forms.RadioSelect)
    notes = forms.CharField(
        label=_("Notes"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example, a better time to call. Do not write about their health."),
    )

    def __init__(self, *args, task, **kwargs):
        super().__init__(*args, prefix=f"task-{task.pk}", **kwargs)
        self.task = task
        field = self.fields["outcome"]
        field.choices = [(o.value, o.label) for o in OUTCOMES[task.method]]
        field.label = QUESTIONS[task.method] % {"person": task.person}
        field.error_messages["required"] = _("Choose what happened for %(person)s.") % {
            "person": task.person
        }
