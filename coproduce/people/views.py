from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib import spam
from coproduce.lib.views import permission_required
from coproduce.privacy.log import record_read, record_reads
from coproduce.privacy.models import ReadLog

from . import access, actions, consent, importing, lived_experience
from .forms import (
    ConsentForm,
    DecideInterestForm,
    EqualityForm,
    InterestForm,
    PassportForm,
    PassportReasonForm,
    PersonSearchForm,
    ProfileForm,
    SupporterForm,
    UploadForm,
)
from .models import (
    AccessPassport,
    ConsentRecord,
    EqualityMonitoring,
    ExpressionOfInterest,
    ImportJob,
    PassportReason,
    Profile,
    ProfileTag,
    Requirement,
    Sharing,
)
from .rules import readable_passports_filter

User = get_user_model()


def _posted(request):
    """The POST data on a POST, even when empty (every field may be optional)."""
    return request.POST if request.method == "POST" else None


def _person(request, pk):
    return get_object_or_404(User, pk=pk)


def _querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# --- A person's own pages -------------------------------------------------


@permission_required("people.view_own")
def my_profile(request):
    person = request.user
    profile = Profile.objects.filter(user=person).prefetch_related("tags", "supporters").first()
    return render(request, "people/my_profile.html", {"person": person, "profile": profile})


def _edit_profile(request, person, on_behalf, done_url):
    profile = actions.profile_of(person)
    form = ProfileForm(
        _posted(request), on_behalf=on_behalf, initial=ProfileForm.initial_for(person, profile)
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
            messages.success(request, f"{'Their' if on_behalf else 'Your'} profile is saved.")
            return redirect(done_url)
    return render(
        request,
        "people/edit_profile.html",
        {"form": form, "person": person, "on_behalf": on_behalf, "back": done_url},
    )


@permission_required("people.view_own")
def edit_profile(request):
    return _edit_profile(request, request.user, False, reverse("people:my_profile"))


@permission_required("people.view_own")
def add_supporter(request):
    form = SupporterForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        supporter = actions.add_supporter(person=request.user, data=form.cleaned_data)
        messages.success(request, f"{supporter.name} is added to your support network.")
        return redirect("people:my_profile")
    return render(request, "people/add_supporter.html", {"form": form})


@permission_required("people.view_own")
@require_POST
def remove_supporter(request, pk):
    actions.remove_supporter(person=request.user, supporter_pk=pk)
    messages.success(request, "They are removed from your support network.")
    return redirect("people:my_profile")


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
    form = PassportForm(_posted(request), on_behalf=on_behalf, initial=initial)
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
                request, f"{'Their' if on_behalf else 'Your'} access passport is saved."
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


def _consent(request, person, on_behalf, done_url):
    current = consent.current_choices(person)
    initial = {
        code: ("yes" if record.given else "no") for code, record in current.items() if record
    }
    form = ConsentForm(_posted(request), on_behalf=on_behalf, initial=initial)
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
            messages.success(request, "Saved." if changed else "Nothing changed.")
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


@permission_required("people.view_own")
def my_equality(request):
    answers = EqualityMonitoring.objects.filter(user=request.user).first()
    initial = {q: getattr(answers, q) for q in EqualityMonitoring.QUESTIONS} if answers else {}
    form = EqualityForm(_posted(request), initial=initial)
    if request.method == "POST" and request.POST.get("delete") == "1":
        actions.delete_equality(person=request.user)
        messages.success(request, "Your equality answers are deleted.")
        return redirect("people:my_profile")
    if request.method == "POST" and form.is_valid():
        actions.save_equality(person=request.user, data=form.cleaned_data)
        messages.success(request, "Thank you. Your answers are saved.")
        return redirect("people:my_profile")
    return render(request, "people/equality.html", {"form": form, "answers": answers})


HISTORY_FIELDS = ("history_date", "history_type", "history_user", "history_change_reason")


def _history(person):
    """Changes to the profile and passport, newest first, with who and why. Only
    the when, who and why are loaded: never the old contents of the passport."""
    entries = []
    for model, what in ((Profile, "Profile"), (AccessPassport, "Access passport")):
        rows = (
            model.history.filter(user_id=person.pk)
            .select_related("history_user")
            .only(*HISTORY_FIELDS, "history_user__name", "history_user__email")
            .order_by("-history_date")[:50]
        )
        entries.extend((entry, what) for entry in rows)
    entries.sort(key=lambda pair: pair[0].history_date, reverse=True)
    return [
        {
            "when": e.history_date,
            "what": what,
            "created": e.history_type == "+",
            "by": e.history_user,
            "by_self": e.history_user_id == person.pk,
            "reason": e.history_change_reason or "",
        }
        for e, what in entries[:50]
    ]


@permission_required("people.view_own")
def my_history(request):
    return render(request, "people/my_history.html", {"history": _history(request.user)})


# --- Staff pages -----------------------------------------------------------


@permission_required("people.list_people")
def person_list(request):
    form = PersonSearchForm(request.GET or None)
    if not request.user.has_perm("people.find_by_access_need"):
        del form.fields["requirement"]
    # The role is an EXISTS, not a join, and every filter below matches at most one row
    # per person (tags and requirements are unique), so no DISTINCT is needed. With
    # 20,000 people this lets the database read a page in name order from the
    # user_name_email index instead of sorting everyone (measured by `make bench`).
    people = (
        User.objects.filter(
            Exists(RoleAssignment.objects.filter(user=OuterRef("pk"), role=Role.COPRODUCER)),
            is_active=True,
        )
        .select_related("profile")
        .prefetch_related(
            Prefetch(
                "profile__tags", queryset=ProfileTag.objects.only("profile_id", "kind", "value")
            )
        )
        .order_by("name", "email")
    )
    requirement = ""
    if form.is_valid():
        data = form.cleaned_data
        if query := data["q"].strip():
            people = people.filter(Q(name__icontains=query) | Q(email__icontains=query))
        if data["interest"]:
            people = people.filter(
                profile__tags__kind="interest", profile__tags__value=data["interest"]
            )
        if data["lived_experience"]:
            people = people.filter(
                profile__tags__kind="lived_experience",
                profile__tags__value=data["lived_experience"],
            )
        if requirement := data.get("requirement"):
            # Only people who agreed to share their access needs can be found this way,
            # and only by someone who may read their passport (they work with them).
            people = consent.consenting(
                people.filter(access_passport__requirements__code=requirement)
                .exclude(access_passport__sharing=Sharing.NONE)
                .filter(readable_passports_filter(request.user)),
                consent.SHARE_ACCESS,
            )
        today = timezone.localdate()
        match data["involved"]:
            case "90" | "365" as days:
                people = people.filter(
                    profile__last_involved__gte=today - timedelta(days=int(days))
                )
            case "over365":
                people = people.filter(profile__last_involved__lt=today - timedelta(days=365))
            case "never":
                people = people.filter(Q(profile__last_involved=None) | Q(profile=None))
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    if requirement:
        record_reads(
            viewer=request.user,
            subjects=list(page),
            what=ReadLog.What.ACCESS_ARRANGEMENTS,
            reason="Found in the people list by access requirement: "
            f"{Requirement(requirement).label}",
        )
    lived_experience.record_shown(request.user, page, "Listed in the people list")
    return render(
        request,
        "people/person_list.html",
        {
            "form": form,
            "page": page,
            "querystring": _querystring_without_page(request),
            "requirement_label": Requirement(requirement).label if requirement else "",
            "can_import": request.user.has_perm("people.import_people"),
            "can_review": request.user.has_perm("people.review_interest"),
        },
    )


@permission_required("people.view_person", fn=_person)
def person_detail(request, pk):
    person = get_object_or_404(User.objects.prefetch_related("role_assignments"), pk=pk)
    profile = Profile.objects.filter(user=person).prefetch_related("tags", "supporters").first()
    choices = consent.current_choices(person)
    if profile is not None and profile.has_lived_experience():
        record_read(
            viewer=request.user,
            subject=person,
            what=ReadLog.What.LIVED_EXPERIENCE,
            reason="Opened their page in People",
        )
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "profile": profile,
            "consents": [(consent.PURPOSES[code], record) for code, record in choices.items()],
            "history": _history(person)[:10],
            "can_see_passport": request.user.has_perm("people.view_access_passport", person),
            "can_record_reason": request.user.has_perm("people.record_passport_reason", person),
            "can_edit": request.user.has_perm("people.edit_on_behalf", person),
            "can_manage_data": request.user.has_perm("privacy.manage_requests"),
            "can_see_read_log": request.user.has_perm("privacy.view_read_log"),
        },
    )


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
    person = _person(request, pk)
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


@permission_required("people.record_passport_reason", fn=_person)
def record_passport_reason(request, pk):
    person = _person(request, pk)
    form = PassportReasonForm(_posted(request))
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
                f"Your reason is recorded. You can read {person.name}'s access passport "
                "until the end of today.",
            )
            return redirect("people:person_passport", pk=person.pk)
    return render(request, "people/passport_reason.html", {"form": form, "person": person})


@permission_required("people.edit_on_behalf", fn=_person)
def assist_profile(request, pk):
    person = _person(request, pk)
    return _edit_profile(request, person, True, reverse("people:person_detail", args=[pk]))


@permission_required("people.edit_on_behalf", fn=_person)
def assist_passport(request, pk):
    person = _person(request, pk)
    if not request.user.has_perm("people.edit_passport_on_behalf", person):
        return _passport_refused(request, person)  # its form shows the passport
    return _edit_passport(request, person, True, reverse("people:person_passport", args=[pk]))


@permission_required("people.edit_on_behalf", fn=_person)
def assist_consent(request, pk):
    person = _person(request, pk)
    return _consent(request, person, True, reverse("people:person_detail", args=[pk]))


# --- Joining -------------------------------------------------------------------


def join(request):
    form = InterestForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return redirect("people:join_thanks")  # a robot filled the hidden field: say nothing
        if spam.over_limit(request, "join"):
            form.add_error(
                None,
                "We have had several forms from your connection in the last hour. "
                "Wait an hour and try again, or email us instead.",
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
    form = DecideInterestForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "invite":
                actions.invite_from_interest(
                    interest=interest,
                    reviewed_by=request.user,
                    build_accept_url=lambda inv: request.build_absolute_uri(
                        reverse("accounts:accept_invitation", args=[inv.token])
                    ),
                )
                messages.success(request, f"Invitation sent to {interest.email}.")
            else:
                actions.decline_interest(interest=interest, reviewed_by=request.user)
                messages.success(request, f"{interest.name}'s form is marked as not taken forward.")
        except ValidationError as error:
            form.add_error("decision", error)
        else:
            return redirect("people:interest_list")
    return render(request, "people/interest_review.html", {"interest": interest, "form": form})


# --- Import ----------------------------------------------------------------------


def _job(request, pk):
    return get_object_or_404(ImportJob, pk=pk)


@permission_required("people.import_people")
def import_start(request):
    form = UploadForm(_posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            headers, rows = importing.read_spreadsheet(upload)
        except importing.SpreadsheetError as error:
            form.add_error("file", str(error))
        else:
            job = actions.start_import(
                uploaded_by=request.user,
                filename=upload.name,
                headers=headers,
                rows=rows,
                mapping=importing.guess_mapping(headers),
            )
            return redirect("people:import_columns", pk=job.pk)
    jobs = ImportJob.objects.select_related("uploaded_by").defer("rows")[:20]
    return render(request, "people/import_start.html", {"form": form, "jobs": jobs})


@permission_required("people.import_people")
def import_columns(request, pk):
    job = get_object_or_404(
        ImportJob, pk=pk, status__in=[ImportJob.Status.MAPPING, ImportJob.Status.READY]
    )
    form = importing.MappingForm(_posted(request), headers=job.headers, initial=job.mapping)
    if request.method == "POST" and form.is_valid():
        actions.map_import_columns(
            job=job,
            mapping={field: value for field, value in form.cleaned_data.items() if value},
        )
        return redirect("people:import_preview", pk=job.pk)
    return render(request, "people/import_columns.html", {"form": form, "job": job})


@permission_required("people.import_people")
def import_preview(request, pk):
    job = get_object_or_404(ImportJob, pk=pk)
    if job.status == ImportJob.Status.MAPPING:
        return redirect("people:import_columns", pk=job.pk)
    if job.status != ImportJob.Status.READY:
        return redirect("people:import_progress", pk=job.pk)
    if request.method == "POST":
        importing.start(job)
        return redirect("people:import_progress", pk=job.pk)
    sample, problem_rows = importing.preview(job)
    return render(
        request,
        "people/import_preview.html",
        {
            "job": job,
            "sample": sample,
            "problem_rows": problem_rows,
            "good_rows": job.total - problem_rows,
            "fields": importing.FIELDS,
        },
    )


@permission_required("people.import_people")
def import_progress(request, pk):
    job = get_object_or_404(ImportJob.objects.defer("rows"), pk=pk)
    page = Paginator(job.errors, 100).get_page(request.GET.get("page"))
    return render(request, "people/import_progress.html", {"job": job, "page": page})
