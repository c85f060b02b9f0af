"""Pages for API tokens (a person's own; the organisation's, for administrators) and the
API's documentation, written from the OpenAPI description."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from coproduce.accounts.middleware import SECOND_FACTORS
from coproduce.lib.views import permission_required

from . import actions, documentation
from .access import allowed_scopes, needs_second_factor
from .forms import EVENT_LABELS, TokenForm, WebhookForm, organisation_form
from .models import ApiToken, WebhookDelivery, WebhookEndpoint


def _token(request, pk):
    return get_object_or_404(ApiToken, pk=pk)


def _second_factor_missing(user):
    return needs_second_factor(user) and not is_mfa_enabled(user, SECOND_FACTORS)


def _create(request, form, create, done_url, template, extra):
    if request.method == "POST" and form.is_valid():
        try:
            record, secret = create(form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # Shown on this response only: never stored, never redirected to.
            return render(
                request, "api/token_made.html", {"record": record, "secret": secret, **extra}
            )
    return render(request, template, {"form": form, **extra})


@permission_required("api.manage_own_tokens")
def token_list(request):
    tokens = ApiToken.objects.filter(person=request.user)
    return render(request, "api/token_list.html", {"tokens": tokens, "personal": True})


@permission_required("api.manage_own_tokens")
def token_create(request):
    extra = {"personal": True, "back": "api:token_list"}
    if _second_factor_missing(request.user):
        return render(request, "api/second_factor_needed.html", extra)
    form = TokenForm(request.POST or None, scopes=allowed_scopes(request.user))
    return _create(
        request,
        form,
        lambda f: actions.create_personal_token(
            person=request.user,
            name=f.cleaned_data["name"],
            scopes=f.cleaned_data["scopes"],
            expires_at=f.expires_at(),
        ),
        "api:token_list",
        "api/token_form.html",
        extra,
    )


@permission_required("api.manage_organisation_tokens")
def organisation_token_list(request):
    tokens = ApiToken.objects.filter(person__isnull=True).select_related("created_by")
    return render(request, "api/token_list.html", {"tokens": tokens, "personal": False})


@permission_required("api.manage_organisation_tokens")
def organisation_token_create(request):
    extra = {"personal": False, "back": "api:organisation_token_list"}
    if _second_factor_missing(request.user):
        return render(request, "api/second_factor_needed.html", extra)
    form = organisation_form(request.POST or None)
    return _create(
        request,
        form,
        lambda f: actions.create_organisation_token(
            by=request.user,
            name=f.cleaned_data["name"],
            scopes=f.cleaned_data["scopes"],
            expires_at=f.expires_at(),
        ),
        "api:organisation_token_list",
        "api/token_form.html",
        extra,
    )


@permission_required("api.revoke_token", _token)
@require_POST
def token_revoke(request, pk):
    token = _token(request, pk)
    actions.revoke_token(token=token, by=request.user)
    messages.success(
        request, gettext("“%(name)s” is revoked: it no longer works.") % {"name": token.name}
    )
    return redirect("api:token_list" if token.person_id else "api:organisation_token_list")


def docs(request):
    return render(request, "api/docs.html", {"operations": documentation.operations()})


# ---- webhooks -------------------------------------------------------------------------

# The log shows this many deliveries, newest first.
DELIVERIES_SHOWN = 50


def _endpoint(request, pk):
    return get_object_or_404(WebhookEndpoint, pk=pk, removed_at__isnull=True)


@permission_required("api.manage_webhooks")
def webhook_list(request):
    endpoints = list(WebhookEndpoint.objects.filter(removed_at__isnull=True))
    for endpoint in endpoints:
        endpoint.event_labels = [EVENT_LABELS.get(event, event) for event in endpoint.events]
    deliveries = WebhookDelivery.objects.select_related("endpoint")[:DELIVERIES_SHOWN]
    return render(
        request, "api/webhook_list.html", {"endpoints": endpoints, "deliveries": deliveries}
    )


@permission_required("api.manage_webhooks")
def webhook_create(request):
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint, secret = actions.register_webhook(
                by=request.user, url=form.cleaned_data["url"], events=form.cleaned_data["events"]
            )
        except ValidationError as error:
            form.add_error("url", error)
        else:
            return render(
                request, "api/webhook_made.html", {"endpoint": endpoint, "secret": secret}
            )
    return render(request, "api/webhook_form.html", {"form": form})


@permission_required("api.manage_webhooks", _endpoint)
@require_POST
def webhook_remove(request, pk):
    endpoint = _endpoint(request, pk)
    actions.remove_webhook(endpoint=endpoint)
    messages.success(
        request, gettext("We no longer send anything to %(url)s.") % {"url": endpoint.url}
    )
    return redirect("api:webhook_list")
