"""Supporters acting for people: the person gives and withdraws the powers; the supporter
sees whom they support. What a supporter does for someone is on the other apps' pages
(for example meetings' "acting for" page), each checking the power on every request."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import AuthorityForm
from ..models import Authority
from .common import posted


def authority_from(request, authority_pk, **kwargs):
    """The authority a supporter's page acts under, read afresh on every request (so a
    withdrawal counts at once), kept on the request for the view after its check."""
    request.authority = get_object_or_404(
        Authority.objects.select_related("person"), pk=authority_pk
    )
    return request.authority


@permission_required("people.grant_authority")
def grant_authority(request):
    form = AuthorityForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            authority = actions.grant_authority(
                person=request.user,
                email=form.cleaned_data["email"],
                powers=form.cleaned_data["powers"],
            )
        except ValidationError as error:
            form.add_error("powers" if error.code == "powers" else "email", error)
        else:
            messages.success(
                request,
                gettext("%(supporter)s can now act for you.") % {"supporter": authority.supporter},
            )
            return redirect("people:my_profile")
    return render(request, "people/grant_authority.html", {"form": form})


@permission_required("people.grant_authority")
@require_POST
def withdraw_authority(request, pk):
    try:
        authority = actions.withdraw_authority(person=request.user, authority_pk=pk)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            gettext("%(supporter)s can no longer act for you.")
            % {"supporter": authority.supporter},
        )
    return redirect("people:my_profile")


@permission_required("people.view_own")
def supporting(request):
    """The people who let this user act for them, and what each lets them do."""
    authorities = (
        Authority.objects.current().filter(supporter=request.user).select_related("person")
    )
    return render(
        request,
        "people/supporting.html",
        {"authorities": authorities.order_by("person__name", "pk")},
    )
