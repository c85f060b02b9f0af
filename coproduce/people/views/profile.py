"""A person's profile and support network, kept by them or by staff on their behalf, and its history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import ProfileForm, SupporterForm
from ..models import Authority, Profile
from .common import history_of, person_from, posted


@permission_required("people.view_own")
def my_profile(request):
    person = request.user
    profile = Profile.objects.filter(user=person).prefetch_related("tags", "supporters").first()
    acting_for_me = Authority.objects.current().filter(person=person).select_related("supporter")
    return render(
        request,
        "people/my_profile.html",
        {
            "person": person,
            "profile": profile,
            "acting_for_me": acting_for_me.order_by("supporter__name", "pk"),
            "supports_someone": Authority.objects.current().filter(supporter=person).exists(),
        },
    )


def _edit_profile(request, person, on_behalf, done_url):
    profile = actions.profile_of(person)
    form = ProfileForm(
        posted(request), on_behalf=on_behalf, initial=ProfileForm.initial_for(person, profile)
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_profile(
                person=person,
                changed_by=request.user,
                data=form.cleaned_data,
                reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                gettext("Their profile is saved.")
                if on_behalf
                else gettext("Your profile is saved."),
            )
            return redirect(done_url)
    return render(
        request,
        "people/edit_profile.html",
        {"form": form, "person": person, "on_behalf": on_behalf, "back": done_url},
    )


@permission_required("people.view_own")
def edit_profile(request):
    return _edit_profile(request, request.user, False, reverse("people:my_profile"))


@permission_required("people.edit_on_behalf", fn=person_from)
def assist_profile(request, pk):
    person = person_from(request, pk)
    return _edit_profile(request, person, True, reverse("people:person_detail", args=[pk]))


@permission_required("people.view_own")
def add_supporter(request):
    form = SupporterForm(posted(request))
    if request.method == "POST" and form.is_valid():
        supporter = actions.add_supporter(person=request.user, data=form.cleaned_data)
        messages.success(
            request,
            gettext("%(name)s is added to your support network.") % {"name": supporter.name},
        )
        return redirect("people:my_profile")
    return render(request, "people/add_supporter.html", {"form": form})


@permission_required("people.view_own")
@require_POST
def remove_supporter(request, pk):
    actions.remove_supporter(person=request.user, supporter_pk=pk)
    messages.success(request, gettext("They are removed from your support network."))
    return redirect("people:my_profile")


@permission_required("people.view_own")
def my_history(request):
    return render(request, "people/my_history.html", {"history": history_of(request.user)})
