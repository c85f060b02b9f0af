"""What a person agrees to, recorded by them or for them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from coproduce.lib.views import permission_required

from .. import actions, consent
from ..forms import ConsentForm
from ..models import ConsentRecord
from .common import person_from, posted


def _consent(request, person, on_behalf, done_url):
    current = consent.current_choices(person)
    initial = {
        code: ("yes" if record.given else "no") for code, record in current.items() if record
    }
    form = ConsentForm(posted(request), on_behalf=on_behalf, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = 0
        try:
            for code in consent.PURPOSES:
                answer = form.cleaned_data.get(code)
                record = current[code]
                if answer and (record is None or record.given != (answer == "yes")):
                    actions.record_consent(
                        person=person,
                        recorded_by=request.user,
                        purpose=code,
                        given=answer == "yes",
                        reason=form.cleaned_data.get("reason", ""),
                    )
                    changed += 1
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("Saved.") if changed else gettext("Nothing changed."))
            return redirect(done_url)
    records = ConsentRecord.objects.filter(person=person).select_related("recorded_by")[:50]
    return render(
        request,
        "people/consent.html",
        {
            "form": form,
            "person": person,
            "on_behalf": on_behalf,
            "records": records,
            "purposes": consent.PURPOSES,
            "back": done_url,
        },
    )


@permission_required("people.view_own")
def my_consent(request):
    return _consent(request, request.user, False, reverse("people:my_consent"))


@permission_required("people.edit_on_behalf", fn=person_from)
def assist_consent(request, pk):
    person = person_from(request, pk)
    return _consent(request, person, True, reverse("people:person_detail", args=[pk]))
