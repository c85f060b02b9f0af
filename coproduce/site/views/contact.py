"""The contact form."""

from django.shortcuts import redirect, render
from django.urls import reverse

from coproduce.lib import spam

from .. import actions
from ..forms import ContactForm
from .common import LIMITED


def contact(request):
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if spam.filled_honeypot(request):
            # Looks like a success to the robot that filled it; nothing is saved.
            return redirect("site:contact_sent")
        if form.is_valid():
            if spam.over_limit(request, "contact"):
                form.add_error(None, LIMITED)
                status = 429
            else:
                actions.send_contact_message(
                    **form.cleaned_data,
                    inbox_url=lambda c: request.build_absolute_uri(
                        reverse("site:inbox_detail", args=[c.pk])
                    ),
                )
                spam.count_submission(request, "contact")
                return redirect("site:contact_sent")
    return render(
        request, "site/contact.html", {"form": form, "honeypot": spam.HONEYPOT_FIELD}, status=status
    )


def contact_sent(request):
    return render(request, "site/contact_sent.html")
