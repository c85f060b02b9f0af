"""A person's own equality monitoring answers."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import EqualityForm
from ..models import EqualityMonitoring
from .common import posted


@permission_required("people.view_own")
def my_equality(request):
    answers = EqualityMonitoring.objects.filter(user=request.user).first()
    initial = {q: getattr(answers, q) for q in EqualityMonitoring.QUESTIONS} if answers else {}
    form = EqualityForm(posted(request), initial=initial)
    if request.method == "POST" and request.POST.get("delete") == "1":
        actions.delete_equality(person=request.user)
        messages.success(request, gettext("Your equality answers are deleted."))
        return redirect("people:my_profile")
    if request.method == "POST" and form.is_valid():
        actions.save_equality(person=request.user, data=form.cleaned_data)
        messages.success(request, gettext("Thank you. Your answers are saved."))
        return redirect("people:my_profile")
    return render(request, "people/equality.html", {"form": form, "answers": answers})
