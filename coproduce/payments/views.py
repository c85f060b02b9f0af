from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coproduce.lib import changes, keyset
from coproduce.lib.figures import Period
from coproduce.lib.views import id_param, permission_required, safe_next
from coproduce.meetings.attendance import attended_by, claim_details
from coproduce.people.models import Profile
from coproduce.people.views.supporters import authority_from
from coproduce.privacy.log import record_read
from coproduce.privacy.models import ReadLog
from coproduce.projects.models import Project

from . import actions, export, limits
from . import recognition as recognition_record
from . import statements as statements_record
from .figures import paid_claims, timeliness, timeliness_of_the_last_year
from .forms import (
    ActivityTypeForm,
    AdvanceForm,
    BankDetailsForm,
    BatchUpToForm,
    BudgetLineForm,
    CertificateForm,
    ClaimFilterForm,
    ClaimForm,
    ExpenseForm,
    ExpenseTypeForm,
    LimitChoiceForm,
    LimitForm,
    ProtectionForm,
    RateForm,
    ReconcileForm,
    RefuseForm,
    ReturnForm,
    RuleForm,
)
from .limits import tax_year_label
from .models import (
    ActivityType,
    Advance,
    BankDetails,
    Claim,
    ExpenseItem,
    ExpenseType,
    PaymentBatch,
    PaymentLimit,
    PaymentProtection,
    Status,
)

User = get_user_model()
# Claims a page, on every list of claims: as on the other lists. Fifty a page made the
# claims list and the finance queue the slowest pages to draw (decision 0016), and
# fifty checkboxes is a long way to move through with a keyboard or a screen reader;
# finance can still batch the whole queue up to a day at once.
PAGE_SIZE = 25


def claim_from(request, pk, **kwargs):
    return get_object_or_404(Claim, pk=pk)


def _types_with_history(model):
    return model.objects.prefetch_related("history").order_by("name")


@permission_required("payments.view_policy")
def policy(request):
    today = timezone.localdate()
    activities = [(t, t.in_force(today)) for t in ActivityType.objects.filter(active=True)]
    expenses = [(t, t.in_force(today)) for t in ExpenseType.objects.filter(active=True)]
    return render(
        request,
        "payments/policy.html",
        {
            "activities": [(t, r) for t, r in activities if r],
            "expenses": [(t, r) for t, r in expenses if r],
            "today": today,
        },
    )


@permission_required("payments.manage_policy")
def rates(request):
    return render(
        request,
        "payments/rates.html",
        {
            "activity_types": _types_with_history(ActivityType),
            "expense_types": _types_with_history(ExpenseType),
        },
    )


def _rated_thing_page(request, *, type_form_class, rule_form_class, instance, kind, save_with_rule):
    type_form = type_form_class(request.POST or None, instance=instance, prefix="type")
    rule_form = rule_form_class(request.POST or None, prefix="rate")
    if request.method == "POST" and type_form.is_valid() and rule_form.is_valid():
        thing = save_with_rule(type_form.instance, rule_form.cleaned_data)
        messages.success(
            request,
            (
                _("%(name)s saved. The new rate applies from %(date)s.")
                if kind == "rate"
                else _("%(name)s saved. The new rules apply from %(date)s.")
            )
            % {"name": thing.name, "date": f"{rule_form.cleaned_data['starts_on']:%d/%m/%Y}"},
        )
        return redirect("payments:rates")
    return render(
        request,
        "payments/rated_thing_form.html",
        {
            "type_form": type_form,
            "rule_form": rule_form,
            "thing": instance,
            "kind": kind,
            "form": type_form,
            "form2": rule_form,
        },
    )


def _save_rate(request):
    def save(activity_type, data):
        return actions.save_activity_type(
            activity_type=activity_type,
            unit=data["unit"],
            amount_pence=data["amount"],
            unit_minutes=data["unit_minutes"],
            starts_on=data["starts_on"],
            note=data["note"],
            by=request.user,
        )

    return save


def _save_rule(request):
    def save(expense_type, data):
        return actions.save_expense_type(
            expense_type=expense_type,
            receipt_over_pence=data["receipt_over"],
            pence_per_mile=data["pence_per_mile"],
            limit_pence=data["limit"],
            starts_on=data["starts_on"],
            note=data["note"],
            by=request.user,
        )

    return save


@permission_required("payments.manage_policy")
def activity_type_new(request):
    return _rated_thing_page(
        request,
        type_form_class=ActivityTypeForm,
        rule_form_class=RateForm,
        instance=None,
        kind="rate",
        save_with_rule=_save_rate(request),
    )


@permission_required("payments.manage_policy")
def activity_type_edit(request, pk):
    return _rated_thing_page(
        request,
        type_form_class=ActivityTypeForm,
        rule_form_class=RateForm,
        instance=get_object_or_404(ActivityType, pk=pk),
        kind="rate",
        save_with_rule=_save_rate(request),
    )


@permission_required("payments.manage_policy")
def expense_type_new(request):
    return _rated_thing_page(
        request,
        type_form_class=ExpenseTypeForm,
        rule_form_class=RuleForm,
        instance=None,
        kind="rule",
        save_with_rule=_save_rule(request),
    )


@permission_required("payments.manage_policy")
def expense_type_edit(request, pk):
    return _rated_thing_page(
        request,
        type_form_class=ExpenseTypeForm,
        rule_form_class=RuleForm,
        instance=get_object_or_404(ExpenseType, pk=pk),
        kind="rule",
        save_with_rule=_save_rule(request),
    )


def _with_totals(claims):
    return claims.select_related("activity_type", "claimant", "project").annotate(
        expenses_sum=Sum("expenses__amount_pence")
    )


@permission_required("payments.view_own_claims")
def my_claims(request):
    entered = Claim.objects.filter(entered_by=request.user).exclude(claimant=request.user)
    return render(
        request,
        "payments/my_claims.html",
        {
            "page": _page_of_claims(
                request,
                Claim.objects.filter(claimant=request.user),
                order="activity_date",
                descending=True,
                size=PAGE_SIZE,
            ),
            "querystring": keyset.querystring(request.GET),
            "entered": _sum_expenses(
                list(
                    entered.select_related("activity_type", "claimant", "project").order_by(
                        "-activity_date", "-pk"
                    )[:PAGE_SIZE]
                )
            ),
            "has_bank": BankDetails.objects.filter(person=request.user).exists(),
        },
    )


def _claim_fields(data):
    return {
        "activity_type": data["activity_type"],
        "activity_date": data["activity_date"],
        "minutes": data["total_minutes"],
        "description": data["description"],
        "project": data["project"],
        "skills": data["skills"],
        "payment_choice": data["payment_choice"],
        "charity": data["charity"],
        "fee_wanted_pence": data["fee_wanted"],
    }


@permission_required("payments.make_claim")
def claim_new(request):
    on_behalf = request.user.has_perm("payments.claim_on_behalf") and (
        request.GET.get("for") == "someone"
        or "person" in request.POST
        or not request.user.has_role("coproducer")
    )
    profile = getattr(request.user, "profile", None)
    preference = getattr(profile, "payment_preference", "") if not on_behalf else ""
    initial = ClaimForm.prefill(request.GET, preference)
    form = ClaimForm(request.POST or None, initial=initial, on_behalf=on_behalf)
    unclaimed = [] if on_behalf or "source" in initial else _meetings_to_claim(request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        claimant = data["person"] if on_behalf else request.user
        try:
            claim = actions.create_claim(
                claimant=claimant,
                entered_by=request.user,
                reason=data.get("reason", ""),
                source=data["source"],
                **_claim_fields(data),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Claim saved. Add any expenses, then send it."))
            return redirect(claim)
    return render(
        request,
        "payments/claim_form.html",
        {"form": form, "on_behalf": on_behalf, "creating": True, "unclaimed": unclaimed},
    )


@permission_required("people.claim_for", fn=authority_from)
def claim_for(request, authority_pk):
    """A supporter drafts a claim for the person who let them: the person's own payment
    choice to start with, and never their bank details."""
    authority = request.authority
    person = authority.person
    profile = Profile.objects.filter(user=person).only("payment_preference").first()
    initial = ClaimForm.prefill({}, getattr(profile, "payment_preference", ""))
    form = ClaimForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.draft_claim_as_supporter(
                authority=authority, source="", **_claim_fields(form.cleaned_data)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Claim drafted for %(person)s. We have told them: they check it, add any "
                    "expenses and send it."
                )
                % {"person": person},
            )
            return redirect("people:supporting")
    return render(
        request, "payments/claim_for.html", {"form": form, "authority": authority, "person": person}
    )


def _meetings_to_claim(person, limit=5):
    """Meetings the person was recorded at in the last year and has not claimed
    for, newest first, each with the link that starts its claim."""
    claimed = set(
        Claim.objects.filter(claimant=person, source__startswith="meeting:").values_list(
            "source", flat=True
        )
    )
    since = timezone.now() - timedelta(days=365)
    found = []
    for attendance in attended_by(person).filter(meeting__starts_at__gte=since)[:50]:
        details = claim_details(attendance)
        if details["source"] not in claimed:
            found.append((attendance, urlencode(details)))
        if len(found) == limit:
            break
    return found


@permission_required("payments.change_claim", fn=claim_from)
def claim_edit(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    initial = {
        "activity_type": claim.activity_type,
        "activity_date": claim.activity_date,
        "hours": claim.minutes // 60,
        "minutes": claim.minutes % 60,
        "project": claim.project,
        "description": claim.description,
        "skills": claim.skills,
        "payment_choice": claim.payment_choice,
        "charity": claim.charity,
        "fee_wanted": claim.fee_wanted_pence,
        "source": claim.source,
    }
    form = ClaimForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_claim(claim=claim, by=request.user, **_claim_fields(form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Claim changed."))
            return redirect(claim)
    return render(request, "payments/claim_form.html", {"form": form, "claim": claim})


@permission_required("payments.view_claim", fn=claim_from)
def claim_detail(request, pk):
    claim = get_object_or_404(
        limits.with_warning_wish(
            Claim.objects.select_related(
                "claimant", "entered_by", "activity_type", "rate", "project", "decided_by", "batch"
            )
        ),
        pk=pk,
    )
    expenses = list(claim.expenses.select_related("expense_type", "rule"))
    return render(
        request,
        "payments/claim_detail.html",
        {
            **_limit_warning(request, claim),
            "claim": claim,
            "expenses": expenses,
            "events": claim.events.select_related("actor"),
            "can_change": request.user.has_perm("payments.change_claim", claim),
            "can_approve": request.user.has_perm("payments.approve_claim", claim),
            "expenses_total": sum(item.amount_pence for item in expenses),
        },
    )


def _limit_warning(request, claim):
    """The warning that the claim takes its person past a limit: for the person before
    they send it, and for finance and the lead (a logged read) once it is sent. Nobody
    else is shown it, or what the person chose."""
    is_theirs = claim.claimant_id == request.user.pk
    knows = request.user.has_perm("payments.see_limit_warnings")
    if is_theirs and claim.can_change:
        return {"limit_checks": limits.warning_for(claim), "shows_limits": True}
    if knows and not is_theirs and claim.status in (Status.SUBMITTED, Status.APPROVED):
        checks = limits.warning_for(claim)
        if checks or claim.limit_choice:
            _log_limit_reads(request.user, [claim], f"Claim {claim.pk}: warning about a limit")
        return {"limit_checks": checks, "shows_limits": True}
    return {"limit_checks": [], "shows_limits": is_theirs or knows}


@permission_required("payments.change_claim", fn=claim_from)
def expense_new(request, pk):
    claim = get_object_or_404(Claim.objects.select_related("activity_type"), pk=pk)
    form = ExpenseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.add_expense(
                claim=claim,
                expense_type=data["expense_type"],
                description=data["description"],
                amount_pence=data["amount"],
                miles=data["miles"],
                receipt=data["receipt"],
                receipt_type=data.get("receipt_type", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Expense added."))
            return redirect(claim)
    rules = [(t, t.in_force(claim.activity_date)) for t in ExpenseType.objects.filter(active=True)]
    return render(
        request,
        "payments/expense_form.html",
        {"form": form, "claim": claim, "rules": [(t, r) for t, r in rules if r]},
    )


@permission_required("payments.change_claim", fn=claim_from)
@require_POST
def expense_remove(request, pk, item_pk):
    item = get_object_or_404(ExpenseItem, pk=item_pk, claim_id=pk)
    try:
        actions.remove_expense(item=item)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Expense removed."))
    return redirect("payments:claim_detail", pk=pk)


@permission_required("payments.view_claim", fn=claim_from)
def receipt(request, pk, item_pk):
    item = get_object_or_404(ExpenseItem, pk=item_pk, claim_id=pk)
    if not item.receipt:
        raise Http404
    try:
        opened = item.receipt.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # Always a download, never shown in the page: an upload cannot run as part of the site.
    return FileResponse(
        opened,
        as_attachment=True,
        filename=item.receipt_name,
        content_type=item.receipt_type or "application/octet-stream",
    )


@permission_required("payments.change_claim", fn=claim_from)
@require_POST
def claim_submit(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    if actions.submit(claim=claim, by=request.user):
        messages.success(request, _("Claim sent. We will tell you when it is approved."))
    return redirect(claim)


@permission_required("payments.decide_claim", fn=claim_from)
@require_POST
def claim_approve(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    if actions.approve(claim=claim, by=request.user):
        messages.success(
            request,
            _("Claim approved: %(person)s for “%(what)s”.")
            % {"person": claim.claimant, "what": claim.description},
        )
    else:  # a second click, or someone else got there first
        messages.info(request, _("This claim was already dealt with."))
    return HttpResponseRedirect(safe_next(request, claim.get_absolute_url()))


@permission_required("payments.decide_claim", fn=claim_from)
def claim_return(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    if claim.status != Status.SUBMITTED:
        messages.info(request, _("This claim was already dealt with."))
        return redirect(claim)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if actions.return_claim(claim=claim, by=request.user, reason=form.cleaned_data["reason"]):
            messages.success(request, _("Claim returned. We have told them what to change."))
        else:
            messages.info(request, _("This claim was already dealt with."))
        return redirect(claim)
    return render(request, "payments/claim_return.html", {"form": form, "claim": claim})


def _sum_expenses(claims):
    """Each shown claim's expenses, summed for those rows only: summing in the list's
    own query made the database group every claim before paging."""
    sums = dict(
        ExpenseItem.objects.filter(claim__in=claims)
        .values_list("claim_id")
        .annotate(total=Sum("amount_pence"))
    )
    for claim in claims:
        claim.expenses_sum = sums.get(claim.pk)
    return claims


def _page_of_claims(request, claims, *, order, descending, size=PAGE_SIZE):
    page = keyset.page(
        claims.select_related("activity_type", "claimant", "project"),
        order=order,
        descending=descending,
        size=size,
        query=request.GET,
    )
    _sum_expenses(page.rows)
    return page


@permission_required("payments.view_claims")
def claim_list(request):
    form = ClaimFilterForm(request.GET or None)
    claims = Claim.objects.all()
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("status"):
        claims = claims.filter(status=data["status"])
    # How quickly people are paid: for the dates chosen, else the last 12 months (timing
    # every claim ever paid read the whole index on each visit). Only paid claims have
    # days to pay, so a filter on another status has none to time.
    today = timezone.localdate()
    period = Period(
        data.get("paid_from") or today - timedelta(days=365), data.get("paid_to") or today
    )
    since, until = period.datetimes()  # a range, so the index on paid_at is used
    if data.get("paid_from"):
        claims = claims.filter(paid_at__gte=since)
    if data.get("paid_to"):
        claims = claims.filter(paid_at__lt=until)
    found, worked_out_at = None, None
    if data.get("status") in (None, "", Status.PAID):
        if data.get("paid_from") or data.get("paid_to"):
            found = timeliness(paid_claims(period))
        else:
            found, worked_out_at = timeliness_of_the_last_year(today)
    page = _page_of_claims(request, claims, order="activity_date", descending=True)
    show_limits = request.user.has_perm("payments.see_limit_warnings")
    if show_limits:
        _log_limit_reads(
            request.user,
            [claim for claim in page.rows if claim.limit_warned],
            "Claims list: claims over a limit",
        )
    return render(
        request,
        "payments/claim_list.html",
        {
            "form": form,
            "page": page,
            "show_limits": show_limits,
            "found": found,
            "worked_out_at": worked_out_at,
            "period": period,
            "querystring": keyset.querystring(request.GET),
            "projects": Project.objects.order_by("title").only("pk", "title")[:50],
            "counts": _counts_waiting(),
        },
    )


def _counts_waiting():
    """How many claims are in each state before payment, in one query that reads a
    range of the status index for each state. Paid claims (nearly all of them) are left
    to the figures above: counting them read the whole index on every visit. Kept until
    the next committed change: the waiting claims grow with the organisation (85,000 at
    scale 10, 13 ms of a 41 ms page, decision 0016)."""
    waiting = [value for value in Status.values if value != Status.PAID]
    counts = changes.kept(
        "payments:claims-waiting",
        lambda: dict(
            Claim.objects.filter(status__in=waiting)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        ),
    )
    return [(label, counts.get(value, 0)) for value, label in Status.choices if value in waiting]


@permission_required("payments.pay")
def finance_queue(request):
    """Approved claims waiting for a batch, a page at a time. Finance batches the ticked
    claims of a page, or every claim approved up to a day (across all pages)."""
    waiting = Claim.objects.filter(status=Status.APPROVED, batch__isnull=True)
    up_to = BatchUpToForm(
        request.POST if "up_to" in request.POST else None,
        initial={"up_to": timezone.localdate()},
    )
    if request.method == "POST" and (up_to.is_valid() or not up_to.is_bound):
        try:
            if up_to.is_bound:
                batch = actions.create_batch_up_to(day=up_to.cleaned_data["up_to"], by=request.user)
            else:
                chosen = [i for i in map(id_param, request.POST.getlist("claims")) if i]
                batch = actions.create_batch(
                    claims=list(waiting.filter(pk__in=chosen)), by=request.user
                )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Batch made. Download the file for the finance system."))
            return redirect(batch)
    # Without each batch's number of claims: counting them read every claim of 20 batches.
    batches = PaymentBatch.objects.order_by("-created_at", "-pk")[:20]
    page = _page_of_claims(request, waiting, order="approved_at", descending=False)
    _log_limit_reads(
        request.user,
        [claim for claim in page.rows if claim.limit_warned or claim.pay_after],
        "Finance queue: claims over a limit",
    )
    return render(
        request,
        "payments/finance_queue.html",
        {
            "page": page,
            "today": timezone.localdate(),
            "waiting_count": waiting.count(),
            "up_to": up_to,
            "querystring": keyset.querystring(request.GET),
            "batches": batches,
        },
    )


@permission_required("payments.pay")
def batch_detail(request, pk):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    claims = _with_totals(batch.claims.all()).order_by("pk")
    return render(request, "payments/batch_detail.html", {"batch": batch, "claims": claims})


def _download(content, name, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("payments.pay")
def batch_csv(request, pk):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    content = export.as_csv(
        batch.claims.order_by("pk"), viewer=request.user, reason=f"Payment batch {batch.pk} (CSV)"
    )
    return _download(content, f"payments-batch-{batch.pk}.csv", "text/csv; charset=utf-8")


@permission_required("payments.pay")
def batch_xlsx(request, pk):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    content = export.as_xlsx(
        batch.claims.order_by("pk"), viewer=request.user, reason=f"Payment batch {batch.pk} (XLSX)"
    )
    return _download(
        content,
        f"payments-batch-{batch.pk}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@permission_required("payments.pay")
@require_POST
def batch_paid(request, pk):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    paid = actions.mark_batch_paid(
        batch=batch, by=request.user, reference=request.POST.get("reference", "")[:100]
    )
    if paid:
        messages.success(
            request,
            ngettext("%(count)s claim marked paid.", "%(count)s claims marked paid.", paid)
            % {"count": paid},
        )
    else:
        messages.info(request, _("This batch was already marked paid."))
    return redirect(batch)


@permission_required("payments.give_bank_details")
def bank_details(request):
    current = BankDetails.objects.filter(person=request.user).first()
    form = BankDetailsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.save_bank_details(person=request.user, **form.cleaned_data)
        messages.success(request, _("Bank details saved. Only our finance team can see them."))
        return redirect("payments:my_claims")
    return render(request, "payments/bank_details.html", {"form": form, "current": current})


@permission_required("payments.view_own_recognition")
def recognition(request):
    record = recognition_record.record_for(request.user)
    return render(
        request,
        "payments/recognition.html",
        {
            "record": record,
            "form": CertificateForm(),
            "organisation": settings.COPRODUCE_ORGANISATION_NAME,
        },
    )


@permission_required("payments.view_own_recognition")
def certificate(request):
    form = CertificateForm(request.GET or None)
    name_it = form.is_valid() and form.cleaned_data["name_organisation"]
    pdf = recognition_record.certificate_pdf(request.user, name_organisation=name_it)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="certificate.pdf"'
    return response


def _project(request, pk):
    return get_object_or_404(Project, pk=pk)


@permission_required("payments.view_budget", fn=_project)
def budget(request, pk):
    project = _project(request, pk)
    manages = request.user.has_perm("payments.manage_budget", project)
    form = BudgetLineForm(request.POST or None) if manages else None
    if request.method == "POST":
        if not manages:
            raise PermissionDenied
        if form.is_valid():
            actions.add_budget_line(
                project=project, line=form.instance, unit_cost_pence=form.cleaned_data["unit_cost"]
            )
            messages.success(request, _("Budget row added."))
            return redirect("payments:budget", pk=pk)
    return render(
        request,
        "payments/budget.html",
        {"project": project, "form": form, **recognition_record.budget_for(project)},
    )


# Safe payments for people on benefits (decision 0042).


def _log_limit_reads(viewer, claims, where):
    """Showing finance or the lead that someone's fees near a limit tells them something
    about that person's benefits: a read, logged for each person shown."""
    from coproduce.privacy.log import record_reads

    people = {claim.claimant_id: claim.claimant for claim in claims}
    if people:
        record_reads(
            viewer=viewer,
            subjects=list(people.values()),
            what=ReadLog.What.PAYMENT_LIMITS,
            reason=where,
        )


@permission_required("payments.manage_limits")
def payment_limits(request):
    form = LimitForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.set_payment_limit(
                period=data["period"],
                amount_pence=data["amount"],
                source=data["source"],
                starts_on=data["starts_on"],
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Limit saved. It applies from %(date)s.")
                % {"date": f"{data['starts_on']:%d/%m/%Y}"},
            )
            return redirect("payments:payment_limits")
    return render(
        request,
        "payments/payment_limits.html",
        {
            "form": form,
            "in_force": limits.limits_in_force(timezone.localdate()),
            "history": PaymentLimit.objects.select_related("created_by"),
        },
    )


@permission_required("payments.set_own_protection")
def protection(request):
    current = PaymentProtection.objects.filter(person=request.user).first()
    form = ProtectionForm(
        request.POST or None, initial={"warn": "yes" if current and current.warn else "no"}
    )
    if request.method == "POST" and form.is_valid():
        actions.set_payment_protection(person=request.user, warn=form.cleaned_data["warn"])
        messages.success(
            request,
            _("Saved. We will warn you before a claim takes your fees over a limit.")
            if form.cleaned_data["warn"]
            else _("Saved. We will not warn you about limits."),
        )
        return redirect("payments:my_claims")
    return render(
        request,
        "payments/protection.html",
        {"form": form, "in_force": limits.limits_in_force(timezone.localdate())},
    )


@permission_required("payments.choose_at_limit", fn=claim_from)
def claim_limit(request, pk):
    claim = get_object_or_404(Claim.objects.select_related("activity_type", "claimant"), pk=pk)
    checks = limits.warning_for(claim)
    form = LimitChoiceForm(request.POST or None, initial={"choice": claim.limit_choice})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.choose_at_limit(
                claim=claim,
                by=request.user,
                choice=data["choice"],
                fee_wanted_pence=data["fee_wanted"],
                charity=data["charity"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your choice is saved on the claim."))
            return redirect(claim)
    return render(
        request, "payments/claim_limit.html", {"claim": claim, "checks": checks, "form": form}
    )


def _person(request, person_pk, **kwargs):
    return get_object_or_404(User, pk=person_pk)


@permission_required("payments.view_statement", fn=_person)
def statements(request, person_pk):
    person = _person(request, person_pk)
    return render(
        request,
        "payments/statements.html",
        {
            "person": person,
            "years": [(year, tax_year_label(year)) for year in statements_record.years_for(person)],
            "own": person.pk == request.user.pk,
        },
    )


def _statement(request, person_pk, year, kind):
    person = _person(request, person_pk)
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404
    record_read(
        viewer=request.user,
        subject=person,
        what=ReadLog.What.PAYMENT_STATEMENT,
        reason=f"Yearly statement {year}-{year + 1} ({kind})",
    )
    return statements_record.statement_for(person, year)


@permission_required("payments.view_statement", fn=_person)
def statement_pdf(request, person_pk, year):
    statement = _statement(request, person_pk, year, "PDF")
    return _download(
        statements_record.as_pdf(statement),
        f"payments-{year}-{year + 1}.pdf",
        "application/pdf",
    )


@permission_required("payments.view_statement", fn=_person)
def statement_csv(request, person_pk, year):
    statement = _statement(request, person_pk, year, "CSV")
    return _download(
        statements_record.as_csv(statement),
        f"payments-{year}-{year + 1}.csv",
        "text/csv; charset=utf-8",
    )


# Advances and payments straight to a supplier (decision 0042).


def advance_from(request, pk, **kwargs):
    return get_object_or_404(Advance, pk=pk)


@permission_required("payments.request_advance")
def my_advances(request):
    return render(
        request,
        "payments/my_advances.html",
        {
            "advances": Advance.objects.filter(person=request.user).select_related("expense_type")[
                :50
            ]
        },
    )


@permission_required("payments.view_advances")
def advance_list(request):
    waiting = Advance.objects.exclude(
        status__in=[Advance.Status.REFUSED, Advance.Status.RECONCILED]
    ).select_related("person", "expense_type")
    return render(
        request,
        "payments/advance_list.html",
        {
            "groups": [
                (label, [advance for advance in waiting if advance.status == value])
                for value, label in Advance.Status.choices
                if value not in (Advance.Status.REFUSED, Advance.Status.RECONCILED)
            ],
            "done": Advance.objects.filter(status=Advance.Status.RECONCILED)
            .select_related("person")
            .order_by("-reconciled_at")[:20],
        },
    )


@permission_required("payments.request_advance")
def advance_new(request):
    form = AdvanceForm(request.POST or None, initial={"paid_to": Advance.PaidTo.PERSON})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            advance = actions.request_advance(
                person=request.user,
                expense_type=data["expense_type"],
                description=data["description"],
                amount_pence=data["amount"],
                needed_on=data["needed_on"],
                paid_to=data["paid_to"],
                supplier=data["supplier"],
                project=data["project"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Advance asked for. We will tell you when it is approved."))
            return redirect(advance)
    return render(request, "payments/advance_form.html", {"form": form})


@permission_required("payments.view_advance", fn=advance_from)
def advance_detail(request, pk):
    advance = get_object_or_404(
        Advance.objects.select_related("person", "expense_type", "project", "decided_by"), pk=pk
    )
    return render(
        request,
        "payments/advance_detail.html",
        {
            "advance": advance,
            "events": advance.events.select_related("actor"),
            "can_decide": advance.status == Advance.Status.REQUESTED
            and request.user.has_perm("payments.decide_advance", advance),
            "can_pay": advance.status == Advance.Status.APPROVED
            and request.user.has_perm("payments.pay_advance", advance),
            "can_reconcile": request.user.has_perm("payments.reconcile_advance", advance),
        },
    )


@permission_required("payments.decide_advance", fn=advance_from)
@require_POST
def advance_approve(request, pk):
    advance = get_object_or_404(Advance, pk=pk)
    if actions.approve_advance(advance=advance, by=request.user):
        messages.success(request, _("Advance approved. Finance will pay it."))
    else:
        messages.info(request, _("This advance was already dealt with."))
    return HttpResponseRedirect(safe_next(request, advance.get_absolute_url()))


@permission_required("payments.decide_advance", fn=advance_from)
def advance_refuse(request, pk):
    advance = get_object_or_404(Advance, pk=pk)
    if advance.status != Advance.Status.REQUESTED:
        messages.info(request, _("This advance was already dealt with."))
        return redirect(advance)
    form = RefuseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.refuse_advance(advance=advance, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Advance not approved. We have told them why."))
        return redirect(advance)
    return render(request, "payments/advance_refuse.html", {"form": form, "advance": advance})


@permission_required("payments.pay_advance", fn=advance_from)
@require_POST
def advance_paid(request, pk):
    advance = get_object_or_404(Advance, pk=pk)
    if actions.pay_advance(
        advance=advance, by=request.user, reference=request.POST.get("reference", "")
    ):
        messages.success(request, _("Advance marked paid. We have told them."))
    else:
        messages.info(request, _("This advance was already dealt with."))
    return redirect(advance)


@permission_required("payments.reconcile_advance", fn=advance_from)
def advance_reconcile(request, pk):
    advance = get_object_or_404(Advance, pk=pk)
    form = ReconcileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.reconcile_advance(
                advance=advance,
                by=request.user,
                spent_pence=data["spent"],
                receipt=data["receipt"],
                receipt_type=data["receipt_type"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Receipt added. Thank you."))
            return redirect(advance)
    return render(request, "payments/advance_reconcile.html", {"form": form, "advance": advance})


@permission_required("payments.view_advance", fn=advance_from)
def advance_receipt(request, pk):
    advance = get_object_or_404(Advance, pk=pk)
    if not advance.receipt:
        raise Http404
    try:
        opened = advance.receipt.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        opened,
        as_attachment=True,
        filename=advance.receipt_name,
        content_type=advance.receipt_type or "application/octet-stream",
    )
