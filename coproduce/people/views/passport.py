"""The access passport: a person's own, staff reading it when they need to know, and updating it for them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from coproduce.lib.views import permission_required
from coproduce.privacy.log import record_reads
from coproduce.privacy.models import ReadLog

from .. import access, actions, consent
from ..forms import PassportForm, PassportReasonForm
from ..models import AccessPassport, PassportReason, Sharing
from .common import person_from, posted


@permission_required("people.view_own")
def my_passport(request):
    person = request.user
    arrangements = access.arrangements_for(person, person, "Their own page")
    passport = AccessPassport.objects.filter(user=person).first()
    consented = consent.has_consent(person, consent.SHARE_ACCESS)
    return render(
        request,
        "people/my_passport.html",
        {
            "arrangements": arrangements,
            "passport": passport,
            "who_can_see": access.who_can_see(
                passport.sharing if passport else Sharing.NONE, consented
            ),
        },
    )


def _edit_passport(request, person, on_behalf, done_url):
    passport = AccessPassport.objects.filter(user=person).prefetch_related("requirements").first()
    consented = consent.has_consent(person, consent.SHARE_ACCESS)
    # Staff helping someone see only what that person chose to share with staff:
    # arrangements when they share arrangements, their own words only when in full.
    sharing = (passport.sharing if consented else Sharing.NONE) if passport else Sharing.NONE
    hidden_from_staff = set()
    if on_behalf and passport:
        if sharing == Sharing.NONE:
            hidden_from_staff = {"requirements", "dietary", "other_arrangements", "own_words"}
        elif sharing == Sharing.ARRANGEMENTS:
            hidden_from_staff = {"own_words"}
    initial = {"sharing": Sharing.ARRANGEMENTS}
    if passport:
        initial = {
            "requirements": [row.code for row in passport.requirements.all()],
            "dietary": passport.dietary,
            "other_arrangements": passport.other_arrangements,
            "own_words": passport.own_words,
            "sharing": sharing,
        }
        for name in hidden_from_staff:
            initial[name] = [] if name == "requirements" else ""
    form = PassportForm(posted(request), on_behalf=on_behalf, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        # What staff could not see is kept; anything they enter is added to it.
        if "requirements" in hidden_from_staff:
            data["requirements"] = sorted(
                {row.code for row in passport.requirements.all()} | set(data["requirements"])
            )
        for name in hidden_from_staff - {"requirements"}:
            kept = getattr(passport, name)
            data[name] = "\n".join(filter(None, [kept, data[name]]))
        try:
            actions.save_passport(
                person=person,
                changed_by=request.user,
                requirements=data["requirements"],
                own_words=data["own_words"],
                dietary=data["dietary"],
                other_arrangements=data["other_arrangements"],
                sharing=data["sharing"],
                reason=data.get("reason", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                gettext("Their access passport is saved.")
                if on_behalf
                else gettext("Your access passport is saved."),
            )
            return redirect(done_url)
    if on_behalf and request.method == "GET" and passport and sharing != Sharing.NONE:
        # Showing the current answers to staff is a read of the passport.
        record_reads(
            viewer=request.user,
            subjects=[person],
            what=ReadLog.What.ACCESS_PASSPORT,
            reason="Opened to update it on their behalf",
        )
    return render(
        request,
        "people/edit_passport.html",
        {
            "form": form,
            "person": person,
            "on_behalf": on_behalf,
            "back": done_url,
            "hidden_from_staff": bool(hidden_from_staff),
        },
    )


@permission_required("people.view_own")
def edit_passport(request):
    return _edit_passport(request, request.user, False, reverse("people:my_passport"))


@permission_required("people.edit_on_behalf", fn=person_from)
def assist_passport(request, pk):
    person = person_from(request, pk)
    if not request.user.has_perm("people.edit_passport_on_behalf", person):
        return _passport_refused(request, person)  # its form shows the passport
    return _edit_passport(request, person, True, reverse("people:person_passport", args=[pk]))


def _passport_refused(request, person):
    """A friendly refusal: why, and how to get access (work with them, or record a reason)."""
    return render(
        request,
        "people/passport_refused.html",
        {
            "person": person,
            # Only those who may find people learn whose passport this is.
            "can_see_person": request.user.has_perm("people.view_person", person),
            "can_record_reason": request.user.has_perm("people.record_passport_reason", person),
        },
        status=403,
    )


@permission_required("people.view_own")
def person_passport(request, pk):
    person = person_from(request, pk)
    if not request.user.has_perm("people.view_access_passport", person):
        return _passport_refused(request, person)
    arrangements = access.arrangements_for(
        person, request.user, "Opened their access passport page"
    )
    return render(
        request,
        "people/person_passport.html",
        {
            "person": person,
            "arrangements": arrangements,
            "reason": PassportReason.objects.current()
            .filter(viewer=request.user, person=person)
            .first(),
            "can_edit": request.user.has_perm("people.edit_passport_on_behalf", person),
        },
    )


@permission_required("people.record_passport_reason", fn=person_from)
def record_passport_reason(request, pk):
    person = person_from(request, pk)
    form = PassportReasonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_passport_reason(
                person=person, viewer=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(
                request,
                gettext(
                    "Your reason is recorded. You can read %(name)s's access passport "
                    "until the end of today."
                )
                % {"name": person.name},
            )
            return redirect("people:person_passport", pk=person.pk)
    return render(request, "people/passport_reason.html", {"form": form, "person": person})
