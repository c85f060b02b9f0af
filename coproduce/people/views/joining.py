"""Saying you want to join, and staff deciding."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from coproduce.lib import spam
from coproduce.lib.views import permission_required

from .. import actions
from ..forms import DecideInterestForm, InterestForm
from ..models import ExpressionOfInterest
from .common import posted


def join(request):
    # The language they are reading in is the likely answer to "which language".
    form = InterestForm(posted(request), initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return redirect("people:join_thanks")  # a robot filled the hidden field: say nothing
        if spam.over_limit(request, "join"):
            form.add_error(
                None,
                gettext(
                    "We have had several forms from your connection in the last hour. "
                    "Wait an hour and try again, or email us instead."
                ),
            )
        else:
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            data["email"] = data["email"].lower()
            actions.submit_interest(data=data)
            spam.count_submission(request, "join")
            return redirect("people:join_thanks")
    return render(
        request, "people/join.html", {"form": form}, status=429 if form.non_field_errors() else 200
    )


def join_thanks(request):
    return render(request, "people/join_thanks.html")


@permission_required("people.review_interest")
def interest_list(request):
    waiting = ExpressionOfInterest.objects.filter(status=ExpressionOfInterest.Status.NEW)
    done = ExpressionOfInterest.objects.exclude(
        status=ExpressionOfInterest.Status.NEW
    ).select_related("reviewed_by")
    return render(
        request, "people/interest_list.html", {"waiting": waiting[:100], "done": done[:50]}
    )


@permission_required("people.review_interest")
def interest_review(request, pk):
    interest = get_object_or_404(ExpressionOfInterest, pk=pk)
    form = DecideInterestForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "invite":
                interest = actions.invite_from_interest(
                    interest=interest,
                    reviewed_by=request.user,
                    build_accept_url=lambda inv: request.build_absolute_uri(
                        reverse("accounts:accept_invitation", args=[inv.token])
                    ),
                )
                if interest.account_id:
                    messages.success(
                        request,
                        gettext(
                            "%(name)s has an account now, with the answers from their form. "
                            "Print them a sign-in card from their page."
                        )
                        % {"name": interest.name},
                    )
                    return redirect("people:person_detail", pk=interest.account_id)
                messages.success(
                    request,
                    gettext("Invitation sent to %(email)s.") % {"email": interest.email},
                )
            else:
                actions.decline_interest(interest=interest, reviewed_by=request.user)
                messages.success(
                    request,
                    gettext("%(name)s's form is marked as not taken forward.")
                    % {"name": interest.name},
                )
        except ValidationError as error:
            form.add_error("decision", error)
        else:
            return redirect("people:interest_list")
    return render(request, "people/interest_review.html", {"interest": interest, "form": form})
