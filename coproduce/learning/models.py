"""Staff learning: modules about co-production, who must take each, and the
record of who has completed it, with their reflection."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import Role

AUDIENCES = [(role.value, role.label) for role in Role if role != Role.BOARD]


class Module(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField(_("What it covers and why it matters"))
    link = models.URLField(
        _("Link to the course"), blank=True, help_text=_("Leave empty if the content is below.")
    )
    content = models.TextField(
        _("Content"), blank=True, help_text=_("The module itself, if it is not behind a link.")
    )
    minutes = models.PositiveSmallIntegerField(_("About how long it takes, in minutes"), default=30)
    required_for = models.JSONField(
        _("Who must take it"), default=list, help_text=_("Everyone with any of these roles.")
    )
    complete_by = models.DateField(
        _("Complete by"), null=True, blank=True, help_text=_("Leave empty if there is no deadline.")
    )
    active = models.BooleanField(_("Offered now"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("learning:module_detail", args=[self.pk])

    def required_labels(self):
        labels = dict(AUDIENCES)
        return [labels[role] for role in self.required_for if role in labels]

    def is_required_for(self, user):
        return user.has_role(*self.required_for) if self.required_for else False


class Completion(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="completions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_completions"
    )
    completed_on = models.DateField(_("When you finished it"), default=timezone.localdate)
    reflection = models.TextField(
        _("What you learned or will do differently"),
        blank=True,
        help_text=_("Optional. Only you and the co-production lead can read this."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["module", "person"], name="one_completion_each")
        ]

    def __str__(self):
        return f"{self.module} completed"
