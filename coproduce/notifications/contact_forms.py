from django import forms

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
VERBS = {
    ContactTask.Method.PHONE: "phoned",
    ContactTask.Method.TEXT: "texted",
    ContactTask.Method.LETTER: "wrote to",
}


class OutcomeForm(forms.Form):
    """What happened when staff contacted one person; one form per task on the page."""

    outcome = forms.ChoiceField(widget=forms.RadioSelect)
    notes = forms.CharField(
        label="Notes",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, a better time to call. Do not write about their health.",
    )

    def __init__(self, *args, task, **kwargs):
        super().__init__(*args, prefix=f"task-{task.pk}", **kwargs)
        self.task = task
        field = self.fields["outcome"]
        field.choices = [(o.value, o.label) for o in OUTCOMES[task.method]]
        field.label = f"What happened when you {VERBS[task.method]} {task.person}?"
        field.error_messages["required"] = f"Choose what happened for {task.person}."
