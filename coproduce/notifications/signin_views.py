"""Signing in without email: with a printed card or a code by text message, and the
staff pages that print and cancel cards (decision 0036)."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from coproduce.accounts import signin_limits
from coproduce.lib import spam
from coproduce.lib.views import permission_required

from . import actions, signing_in
from .models import SignInCard
from .signin_forms import CancelCardForm, CardCodeForm, MobileNumberForm, TextCodeForm

User = get_user_model()
BACKEND = "coproduce.accounts.backends.PasswordBackend"
NUMBER_IN_SESSION = "sign_in_mobile"
TOO_MANY = _("Too many tries from your connection. Wait an hour and try again, or ask us for help.")


def _signed_in(request, person, how):
    login(request, person, backend=BACKEND)
    request.session["signed_in_with"] = how
    signin_limits.forgive(request, how)
    return redirect("accounts:home")


def sign_in_with_card(request):
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = CardCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if signin_limits.address_is_stopped(request):
            form.add_error(None, TOO_MANY)
        else:
            person = actions.sign_in_with_card(code=form.cleaned_data["code"])
            if person is not None:
                return _signed_in(request, person, "card")
            signin_limits.record_failure(request, "card")
            form.add_error(
                "code",
                gettext(
                    "This code does not work. Check it against your card. A card works "
                    "once, for 30 days: if yours is used or old, ask us for a new one."
                ),
            )
    return render(request, "notifications/sign_in_card.html", {"form": form})


def sign_in_by_text(request):
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = MobileNumberForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        number = form.cleaned_data["number"]
        if spam.over_limit(request, "sign_in_code") or signin_limits.number_is_stopped(number):
            form.add_error(None, TOO_MANY)
        else:
            spam.count_submission(request, "sign_in_code")
            signin_limits.count_code_for(number)
            actions.request_sign_in_code(number=number)
            request.session[NUMBER_IN_SESSION] = number
            return redirect("notifications:sign_in_text_code")
    return render(request, "notifications/sign_in_text.html", {"form": form})


def sign_in_text_code(request):
    if request.user.is_authenticated:
        return redirect("accounts:home")
    number = request.session.get(NUMBER_IN_SESSION)
    if not number:
        return redirect("notifications:sign_in_text")
    form = TextCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if signin_limits.address_is_stopped(request):
            form.add_error(None, TOO_MANY)
        else:
            person = actions.sign_in_with_code(number=number, code=form.cleaned_data["code"])
            if person is not None:
                del request.session[NUMBER_IN_SESSION]
                return _signed_in(request, person, "text")
            signin_limits.record_failure(request, "text")
            form.add_error(
                "code",
                gettext(
                    "This code does not work. A code works once, for 10 minutes. "
                    "Check the text message, or ask for a new code."
                ),
            )
    return render(request, "notifications/sign_in_text_code.html", {"form": form})


def person_for_card(request, pk):
    request.person = get_object_or_404(User, pk=pk)
    return request.person


@permission_required("notifications.issue_sign_in_card", fn=person_for_card)
def sign_in_cards(request, pk):
    """GET: the person's cards, with a button to print a new one. POST: a new card, whose
    code is on this response only: the page is printed, and never shown again."""
    person = request.person
    if request.method == "POST":
        card, code = actions.issue_sign_in_card(person=person, issued_by=request.user)
        return render(
            request,
            "notifications/sign_in_card_print.html",
            {
                "person": person,
                "card": card,
                "code": signing_in.card_code_shown(code),
                "sign_in_url": request.build_absolute_uri(
                    reverse("notifications:sign_in_with_card")
                ),
            },
        )
    cards = SignInCard.objects.filter(person=person).select_related("issued_by", "cancelled_by")
    return render(
        request,
        "notifications/sign_in_cards.html",
        {"person": person, "cards": cards[:20], "cancel_form": CancelCardForm()},
    )


def card_for_page(request, pk):
    request.card = get_object_or_404(SignInCard.objects.select_related("person"), pk=pk)
    return request.card.person


@permission_required("notifications.issue_sign_in_card", fn=card_for_page)
@require_POST
def cancel_sign_in_card(request, pk):
    card = request.card
    form = CancelCardForm(request.POST)
    if form.is_valid():
        try:
            actions.cancel_sign_in_card(
                card=card, cancelled_by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, gettext("The card is cancelled. It no longer works."))
            return redirect("notifications:sign_in_cards", pk=card.person_id)
    cards = SignInCard.objects.filter(person=card.person).select_related(
        "issued_by", "cancelled_by"
    )
    return render(
        request,
        "notifications/sign_in_cards.html",
        {"person": card.person, "cards": cards[:20], "cancel_form": form, "form": form},
        status=400,
    )
