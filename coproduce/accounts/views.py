from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from coproduce.lib import today
from coproduce.lib.views import permission_required, personal, safe_next

from . import actions, display
from .forms import (
    AcceptInvitationForm,
    AccountSearchForm,
    DisplayPreferencesForm,
    InvitationForm,
    RolesForm,
)
from .models import Invitation, Role, RoleAssignment

User = get_user_model()


@permission_required("accounts.view_home")
def home(request):
    """Today: what needs this person now, from every app (lib.today)."""
    now = timezone.now()
    groups = [
        (heading, [_shown(item, now) for item in found])
        for heading, found in today.kept_items_for(request.user, now)
    ]
    return render(
        request,
        "accounts/home.html",
        {"groups": groups, "next_step": _next_step(request.user)},
    )


def _shown(item, now):
    return {
        "item": item,
        "when": today.in_words(item, now),
        "datetime": today.machine_date(item),
        "overdue": item.urgency == today.OVERDUE,
    }


# One next step for an empty Today, for the first role the person holds in this order.
NEXT_STEPS = (
    (Role.COPRODUCER, "opportunities:opportunity_list", "Look at the opportunities open now"),
    (Role.LEAD, "projects:project_list", "Look at how your projects are going"),
    (Role.STAFF, "meetings:meeting_list", "Look at the meetings coming up"),
    (Role.FINANCE, "payments:claim_list", "Look at the claims"),
    (Role.BOARD, "insights:dashboard", "Read the dashboard"),
    (Role.ADMINISTRATOR, "accounts:account_list", "Look at the accounts"),
)


def _next_step(user):
    for role, url_name, label in NEXT_STEPS:
        if user.has_role(role):
            return {"url": reverse(url_name), "label": label}
    return None


def display_settings(request):
    """Works for visitors (cookie) and signed-in people (saved on the account)."""
    back = safe_next(request, reverse("accounts:display_settings"))
    if request.method == "POST":
        form = DisplayPreferencesForm(request.POST)
        if form.is_valid():
            prefs = {field: form.cleaned_data[field] for field in DisplayPreferencesForm.FIELDS}
            response = HttpResponseRedirect(back)
            if request.user.is_authenticated:
                actions.save_display_settings(user=request.user, preferences=prefs)
            else:
                response.set_cookie(
                    display.COOKIE_NAME,
                    display.to_cookie(prefs),
                    max_age=display.COOKIE_AGE,
                    samesite="Lax",
                    secure=request.is_secure(),
                    httponly=True,
                )
            messages.success(request, gettext("Your display settings are saved."))
            return response
    else:
        form = DisplayPreferencesForm(initial=display.current(request))
    return render(request, "accounts/display_settings.html", {"form": form, "next": back})


@require_POST
def choose_language(request):
    """The header's language switch: saved on the account when signed in, and in the
    language cookie for everyone, then back to the same page in that language."""
    language = request.POST.get("language", "")
    back = safe_next(request, reverse("site:home"))
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(back)
    if request.user.is_authenticated:
        actions.choose_language(user=request.user, language=language)
    response = HttpResponseRedirect(back)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    return response


@require_POST
def extend_session(request):
    """Any request renews the session; this one exists so the warning can ask for it."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False}, status=401)
    request.session.modified = True
    if request.headers.get("X-Requested-With") == "fetch":
        return JsonResponse({"signed_in": True, "seconds": request.session.get_expiry_age()})
    messages.success(request, gettext("You are still signed in."))
    return HttpResponseRedirect(safe_next(request, reverse("accounts:home")))


@permission_required("accounts.manage_accounts")
def account_list(request):
    form = AccountSearchForm(request.GET or None)
    people = User.objects.prefetch_related(
        Prefetch("role_assignments", queryset=RoleAssignment.objects.only("user_id", "role"))
    ).order_by("name", "email")
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            people = people.filter(Q(name__icontains=query) | Q(email__icontains=query))
        if role := form.cleaned_data["role"]:
            people = people.filter(role_assignments__role=role)
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    invitations = Invitation.objects.filter(accepted_at=None, cancelled_at=None).select_related(
        "invited_by"
    )[:50]
    return render(
        request,
        "accounts/account_list.html",
        {
            "form": form,
            "page": page,
            "invitations": invitations,
            "querystring": _querystring_without_page(request),
        },
    )


def _querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _accept_url(request):
    return lambda invitation: request.build_absolute_uri(
        reverse("accounts:accept_invitation", args=[invitation.token])
    )


@permission_required("accounts.manage_accounts")
def invite(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = actions.invite_person(
                invited_by=request.user,
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                roles=form.cleaned_data["roles"],
                build_accept_url=_accept_url(request),
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request, gettext("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("accounts:account_list")
    return render(request, "accounts/invite.html", {"form": form})


@permission_required("accounts.manage_accounts")
@require_POST
def resend_invitation(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk, accepted_at=None, cancelled_at=None)
    actions.resend_invitation(invitation=invitation, build_accept_url=_accept_url(request))
    messages.success(
        request, gettext("Invitation sent again to %(email)s.") % {"email": invitation.email}
    )
    return redirect("accounts:account_list")


@permission_required("accounts.manage_accounts")
@require_POST
def cancel_invitation(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    actions.cancel_invitation(invitation=invitation)
    messages.success(
        request, gettext("Invitation for %(email)s cancelled.") % {"email": invitation.email}
    )
    return redirect("accounts:account_list")


@permission_required("accounts.manage_accounts")
def account_detail(request, pk):
    person = get_object_or_404(User, pk=pk)
    form = RolesForm(request.POST or None, initial={"roles": sorted(person.role_set)})
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_roles(
                changed_by=request.user, user=person, roles=form.cleaned_data["roles"]
            )
        except ValidationError as error:
            form.add_error("roles", error)
        else:
            messages.success(request, gettext("Roles for %(person)s saved.") % {"person": person})
            return redirect("accounts:account_detail", pk=person.pk)
    history = (
        RoleAssignment.history.filter(user_id=person.pk)
        .select_related("history_user")
        .order_by("-history_date")[:30]
    )
    return render(
        request,
        "accounts/account_detail.html",
        {"person": person, "form": form, "history": history},
    )


@permission_required("accounts.manage_accounts")
@require_POST
def set_active(request, pk):
    person = get_object_or_404(User, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        actions.set_active(changed_by=request.user, user=person, active=active)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        sentence = (
            gettext("%(person)s can now sign in.")
            if active
            else gettext("%(person)s can no longer sign in.")
        )
        messages.success(request, sentence % {"person": person})
    return redirect("accounts:account_detail", pk=person.pk)


@personal
def accept_invitation(request, token):
    invitation = Invitation.objects.filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        return render(
            request, "accounts/invitation_unusable.html", {"invitation": invitation}, status=410
        )
    if request.user.is_authenticated:
        return render(request, "accounts/invitation_signed_in.html", {"invitation": invitation})
    form = AcceptInvitationForm(
        request.POST or None, email=invitation.email, initial={"name": invitation.name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.accept_invitation(
                invitation=invitation,
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="coproduce.accounts.backends.PasswordBackend")
            messages.success(request, gettext("Your account is ready. Welcome to Coproduce."))
            return redirect("accounts:home")
    return render(
        request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation}
    )
