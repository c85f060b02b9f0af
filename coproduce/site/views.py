from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coproduce.lib import spam
from coproduce.lib.views import permission_required, personal
from coproduce.privacy import retention

from . import actions
from .consent import consent_problems
from .forms import (
    AccessibilityCheckForm,
    CaseStudyForm,
    ConsentForm,
    ContactForm,
    FeaturedPersonForm,
    MessageStatusForm,
    ModerationForm,
    SearchForm,
    SitePageForm,
    SpotlightEditForm,
    SpotlightForm,
    StatementForm,
    UpdateForm,
)
from .models import (
    AccessibilityCheck,
    AccessibilityStatement,
    CaseStudy,
    ContactMessage,
    FeaturedPerson,
    MessageStatus,
    PageKey,
    SitePage,
    Spotlight,
    SpotlightFile,
    SpotlightStatus,
    Update,
)
from .search import search as run_search

PAGE_SIZE = 10


# Public pages


def home(request, easy_read=False):
    context = {"page": SitePage.load(PageKey.HOME), "easy_read": easy_read}
    if not easy_read:
        context["updates"] = Update.objects.published().only(
            "title", "slug", "summary", "published_at"
        )[:3]
        context["case_studies"] = (
            CaseStudy.objects.published()
            .filter(featured=True)
            .only("title", "slug", "summary", "published_at")[:3]
        )
    return render(request, "site/home.html", context)


EDITABLE_PAGES = {
    PageKey.GET_INVOLVED: ("site:get_involved", "site:get_involved_easy_read"),
    PageKey.PAYMENT_POLICY: ("site:payment_policy", "site:payment_policy_easy_read"),
    PageKey.PRIVACY: ("site:privacy", "site:privacy_easy_read"),
    PageKey.HOME: ("site:home", "site:home_easy_read"),
}


def site_page(request, key, easy_read=False):
    page = SitePage.load(key)
    standard, easy = EDITABLE_PAGES[key]
    return render(
        request,
        "site/page.html",
        {
            "page": page,
            "easy_read": easy_read,
            "standard_url": reverse(standard),
            "easy_read_url": reverse(easy),
            "retention": retention.schedule() if key == PageKey.PRIVACY else None,
        },
    )


def accessibility_statement(request):
    return render(
        request,
        "site/accessibility.html",
        {"statement": AccessibilityStatement.load(), "check": AccessibilityCheck.objects.first()},
    )


LIMITED = (
    "You have sent several forms from this connection in the last hour. "
    "Please wait an hour and try again, or email us instead."
)


def contact(request):
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if spam.filled_honeypot(request):
            # Looks like a success to the robot that filled it; nothing is saved.
            return redirect("site:contact_sent")
        if form.is_valid():
            if spam.over_limit(request, "contact"):
                form.add_error(None, LIMITED)
                status = 429
            else:
                actions.send_contact_message(
                    **form.cleaned_data,
                    inbox_url=lambda c: request.build_absolute_uri(
                        reverse("site:inbox_detail", args=[c.pk])
                    ),
                )
                spam.count_submission(request, "contact")
                return redirect("site:contact_sent")
    return render(
        request, "site/contact.html", {"form": form, "honeypot": spam.HONEYPOT_FIELD}, status=status
    )


def contact_sent(request):
    return render(request, "site/contact_sent.html")


def _queue_url(request):
    return lambda s: request.build_absolute_uri(reverse("site:spotlight_review", args=[s.pk]))


def spotlight_submit(request):
    form = SpotlightForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if spam.filled_honeypot(request):
            return redirect("site:spotlight_sent")
        if form.is_valid():
            if spam.over_limit(request, "spotlight"):
                form.add_error(None, LIMITED)
                status = 429
            else:
                data = {k: v for k, v in form.cleaned_data.items() if k != "files"}
                actions.submit_spotlight(
                    data=data, files=form.cleaned_data["files"], queue_url=_queue_url(request)
                )
                spam.count_submission(request, "spotlight")
                return redirect("site:spotlight_sent")
    return render(
        request,
        "site/spotlight_form.html",
        {"form": form, "honeypot": spam.HONEYPOT_FIELD},
        status=status,
    )


def spotlight_sent(request):
    return render(request, "site/spotlight_sent.html")


@personal
def spotlight_change(request, token):
    """The submitter's own link, emailed when the lead asks for changes."""
    spotlight = get_object_or_404(Spotlight, change_token=token)
    if spotlight.status != SpotlightStatus.CHANGES_REQUESTED:
        return render(
            request, "site/spotlight_change_closed.html", {"spotlight": spotlight}, status=410
        )
    form = SpotlightForm(request.POST or None, request.FILES or None, instance=spotlight)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "files"}
        actions.resubmit_spotlight(
            spotlight=spotlight,
            data=data,
            files=form.cleaned_data["files"],
            queue_url=_queue_url(request),
        )
        return redirect("site:spotlight_sent")
    return render(request, "site/spotlight_change.html", {"form": form, "spotlight": spotlight})


def spotlight_list(request):
    page = Paginator(Spotlight.objects.published().order_by("-published_at"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "site/spotlight_list.html", {"page": page})


def spotlight_detail(request, pk):
    spotlight = get_object_or_404(Spotlight.objects.published(), pk=pk)
    return render(request, "site/spotlight_detail.html", {"spotlight": spotlight})


def _story_or_404(request, model, slug, perm):
    """Published stories for everyone; drafts only for the people who write them."""
    story = get_object_or_404(model, slug=slug)
    if not story.is_public and not request.user.has_perm(perm):
        raise Http404
    return story


def update_list(request):
    page = Paginator(Update.objects.published(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "site/update_list.html", {"page": page})


def update_detail(request, slug, easy_read=False):
    update = _story_or_404(request, Update, slug, "site.write_updates")
    if easy_read and not update.easy_read_html:
        raise Http404
    return render(
        request,
        "site/story_detail.html",
        {"story": update, "kind": "update", "easy_read": easy_read},
    )


def case_study_list(request):
    page = Paginator(CaseStudy.objects.published(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "site/case_study_list.html", {"page": page})


def case_study_detail(request, slug, easy_read=False):
    case_study = _story_or_404(request, CaseStudy, slug, "site.write_case_studies")
    if easy_read and not case_study.easy_read_html:
        raise Http404
    return render(
        request,
        "site/story_detail.html",
        {"story": case_study, "kind": "case_study", "easy_read": easy_read},
    )


def _serve_image(story):
    if not story.image:
        raise Http404
    try:
        opened = story.image.open("rb")
    except FileNotFoundError as missing:  # e.g. after restoring a database without its files
        raise Http404 from missing
    response = FileResponse(opened, content_type=story.image_type or "application/octet-stream")
    if story.is_public:
        response["Cache-Control"] = "public, max-age=3600"
    return response


def update_image(request, slug):
    return _serve_image(_story_or_404(request, Update, slug, "site.write_updates"))


def case_study_image(request, slug):
    return _serve_image(_story_or_404(request, CaseStudy, slug, "site.write_case_studies"))


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = run_search(form.cleaned_data["q"])
    return render(request, "site/search.html", {"search_form": form, "results": results})


# Managing the public site


@permission_required("site.manage_site")
def manage(request):
    counts = {
        "updates": Update.objects.count(),
        "case_studies": CaseStudy.objects.count(),
        "spotlights_waiting": Spotlight.objects.filter(status=SpotlightStatus.SUBMITTED).count(),
        "messages_new": ContactMessage.objects.filter(status=MessageStatus.NEW).count(),
    }
    return render(request, "site/manage/index.html", {"counts": counts})


@permission_required("site.write_updates")
def manage_updates(request):
    page = Paginator(Update.objects.select_related("author"), 25).get_page(request.GET.get("page"))
    return render(request, "site/manage/update_list.html", {"page": page})


def _edit_story(request, form_class, instance, template, done):
    form = form_class(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        story = actions.save_update(update=form.instance, author=request.user)
        messages.success(request, f"“{story.title}” is saved.")
        return redirect(done(story))
    return render(request, template, {"form": form, "story": instance})


@permission_required("site.write_updates")
def update_create(request):
    return _edit_story(
        request,
        UpdateForm,
        Update(),
        "site/manage/update_form.html",
        lambda u: "site:manage_updates",
    )


@permission_required("site.write_updates")
def update_edit(request, pk):
    return _edit_story(
        request,
        UpdateForm,
        get_object_or_404(Update, pk=pk),
        "site/manage/update_form.html",
        lambda u: "site:manage_updates",
    )


@permission_required("site.write_case_studies")
def manage_case_studies(request):
    case_studies = CaseStudy.objects.order_by("-created_at").annotate(
        people_count=Count("people"),
        agreed_count=Count(
            "people", filter=Q(people__consent="given", people__consent_recorded_at__isnull=False)
        ),
    )
    page = Paginator(case_studies, 25).get_page(request.GET.get("page"))
    return render(request, "site/manage/case_study_list.html", {"page": page})


@permission_required("site.write_case_studies")
def case_study_create(request):
    form = CaseStudyForm(request.POST or None, request.FILES or None, instance=CaseStudy())
    if request.method == "POST" and form.is_valid():
        case_study = actions.create_case_study(case_study=form.instance, author=request.user)
        messages.success(
            request,
            f"“{case_study.title}” is saved as a draft. Now add everyone named or pictured.",
        )
        return redirect("site:case_study_manage", pk=case_study.pk)
    return render(request, "site/manage/case_study_form.html", {"form": form, "story": None})


@permission_required("site.write_case_studies")
def case_study_edit(request, pk):
    case_study = get_object_or_404(CaseStudy, pk=pk)
    form = CaseStudyForm(request.POST or None, request.FILES or None, instance=case_study)
    if request.method == "POST" and form.is_valid():
        back_to_draft = actions.save_case_study(
            case_study=case_study, may_publish=request.user.has_perm("site.publish_case_studies")
        )
        if back_to_draft:
            messages.success(
                request,
                f"“{case_study.title}” is saved and back in draft until the lead publishes it.",
            )
        else:
            messages.success(request, f"“{case_study.title}” is saved.")
        return redirect("site:case_study_manage", pk=case_study.pk)
    return render(request, "site/manage/case_study_form.html", {"form": form, "story": case_study})


@permission_required("site.write_case_studies")
def case_study_manage(request, pk):
    """The case study's people, their consent, and publishing."""
    case_study = get_object_or_404(CaseStudy, pk=pk)
    form = FeaturedPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.instance
        taken_down = actions.add_featured_person(
            case_study=case_study,
            person=person,
            consent=form.cleaned_data["consent"],
            note=form.cleaned_data["consent_note"],
        )
        message = f"{person.name} is added."
        if taken_down:
            message += " The case study is no longer public until they agree."
        messages.success(request, message)
        return redirect("site:case_study_manage", pk=case_study.pk)
    return render(
        request,
        "site/manage/case_study_manage.html",
        {
            "case_study": case_study,
            "people": case_study.people.all(),
            "problems": consent_problems(case_study),
            "form": form,
        },
    )


@permission_required("site.write_case_studies")
def featured_person_consent(request, pk, person_pk):
    person = get_object_or_404(FeaturedPerson, pk=person_pk, case_study_id=pk)
    form = ConsentForm(request.POST or None, instance=FeaturedPerson.objects.get(pk=person.pk))
    if request.method == "POST" and form.is_valid():
        taken_down = actions.record_consent(
            person=person,
            consent=form.cleaned_data["consent"],
            note=form.cleaned_data["consent_note"],
        )
        message = f"Consent for {person.name} is recorded."
        if taken_down:
            message += " The case study is no longer public."
        messages.success(request, message)
        return redirect("site:case_study_manage", pk=pk)
    return render(request, "site/manage/consent_form.html", {"form": form, "person": person})


@permission_required("site.write_case_studies")
@require_POST
def featured_person_remove(request, pk, person_pk):
    person = get_object_or_404(FeaturedPerson, pk=person_pk, case_study_id=pk)
    actions.remove_featured_person(person=person)
    messages.success(request, f"{person.name} is removed from the case study.")
    return redirect("site:case_study_manage", pk=pk)


@permission_required("site.publish_case_studies")
@require_POST
def case_study_publish(request, pk):
    case_study = get_object_or_404(CaseStudy, pk=pk)
    if request.POST.get("publish") == "0":
        actions.unpublish_case_study(case_study=case_study)
        messages.success(request, f"“{case_study.title}” is no longer public.")
    else:
        try:
            actions.publish_case_study(case_study=case_study, user=request.user)
        except ValidationError as error:
            messages.error(request, "Not published. " + " ".join(error.messages))
        else:
            messages.success(request, f"“{case_study.title}” is published.")
    return redirect("site:case_study_manage", pk=pk)


@permission_required("site.moderate_spotlights")
def spotlight_queue(request):
    status = request.GET.get("status", SpotlightStatus.SUBMITTED)
    if status not in SpotlightStatus.values:
        status = SpotlightStatus.SUBMITTED
    counts = dict(Spotlight.objects.values_list("status").annotate(n=Count("pk")).order_by())
    tabs = [(value, label, counts.get(value, 0)) for value, label in SpotlightStatus.choices]
    page = Paginator(Spotlight.objects.filter(status=status), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "site/manage/spotlight_queue.html",
        {
            "page": page,
            "status": status,
            "status_label": SpotlightStatus(status).label,
            "tabs": tabs,
            "querystring": f"status={status}",
        },
    )


@permission_required("site.moderate_spotlights")
def spotlight_review(request, pk):
    spotlight = get_object_or_404(Spotlight, pk=pk)
    is_edit = request.method == "POST" and "save_text" in request.POST
    is_decision = request.method == "POST" and not is_edit
    form = SpotlightEditForm(request.POST if is_edit else None, instance=spotlight)
    form2 = ModerationForm(request.POST if is_decision else None)
    if is_edit and form.is_valid():
        actions.save_spotlight_text(spotlight=spotlight)
        messages.success(request, "Your changes to the story are saved.")
        return redirect("site:spotlight_review", pk=pk)
    if is_decision and form2.is_valid():
        try:
            actions.moderate_spotlight(
                spotlight=spotlight,
                decision=form2.cleaned_data["decision"],
                message=form2.cleaned_data["message"],
                moderator=request.user,
                build_url=request.build_absolute_uri,
            )
        except ValidationError as error:
            form2.add_error("message", error.messages[0])
        else:
            messages.success(
                request, f"Done. We have emailed {spotlight.contact_email} to tell them."
            )
            return redirect(
                reverse("site:spotlight_queue") + f"?status={form2.cleaned_data['decision']}"
            )
    return render(
        request,
        "site/manage/spotlight_review.html",
        {"spotlight": spotlight, "form": form, "form2": form2, "files": spotlight.files.all()},
    )


@permission_required("site.moderate_spotlights")
def spotlight_file(request, pk, file_pk):
    upload = get_object_or_404(SpotlightFile, pk=file_pk, spotlight_id=pk)
    try:
        opened = upload.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # Always a download, never shown in the page: an uploaded file cannot run as part of the site.
    return FileResponse(
        opened,
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.content_type,
    )


@permission_required("site.view_inbox")
def inbox(request):
    status = request.GET.get("status", "open")
    messages_qs = ContactMessage.objects.all()
    if status == "open":
        messages_qs = messages_qs.exclude(status=MessageStatus.CLOSED)
    elif status in MessageStatus.values:
        messages_qs = messages_qs.filter(status=status)
    else:
        status = "all"
    page = Paginator(messages_qs, 25).get_page(request.GET.get("page"))
    filters = [("open", "Not answered yet"), *MessageStatus.choices, ("all", "All")]
    return render(
        request,
        "site/manage/inbox.html",
        {"page": page, "status": status, "filters": filters, "querystring": f"status={status}"},
    )


@permission_required("site.view_inbox")
def inbox_detail(request, pk):
    contact = get_object_or_404(ContactMessage, pk=pk)
    form = MessageStatusForm(request.POST or None, instance=ContactMessage.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        actions.set_message_status(
            contact=contact,
            status=form.cleaned_data["status"],
            notes=form.cleaned_data["notes"],
            user=request.user,
        )
        messages.success(request, "The message's status is saved.")
        return redirect("site:inbox")
    return render(request, "site/manage/inbox_detail.html", {"contact": contact, "form": form})


@permission_required("site.edit_pages")
def manage_pages(request):
    statement = AccessibilityStatement.load()
    pages = [(SitePage.load(key), key) for key in PageKey.values]
    return render(
        request,
        "site/manage/pages.html",
        {"pages": pages, "statement": statement, "check": AccessibilityCheck.objects.first()},
    )


@permission_required("site.edit_pages")
def page_edit(request, key):
    if key not in PageKey.values:
        raise Http404
    page = SitePage.load(key)
    form = SitePageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        page = actions.save_site_page(page=form.instance, by=request.user)
        messages.success(request, f"{page.get_key_display()} is saved and now public.")
        return redirect("site:manage_pages")
    standard, easy = EDITABLE_PAGES[key]
    return render(
        request,
        "site/manage/page_form.html",
        {"form": form, "page": page, "public_url": reverse(standard)},
    )


@permission_required("site.edit_pages")
def statement_edit(request):
    statement = AccessibilityStatement.load()
    is_check = request.method == "POST" and "record_check" in request.POST
    is_statement = request.method == "POST" and not is_check
    form = StatementForm(request.POST if is_statement else None, instance=statement)
    form2 = AccessibilityCheckForm(request.POST if is_check else None)
    if is_statement and form.is_valid():
        actions.save_statement(statement=form.instance, by=request.user)
        messages.success(request, "The accessibility statement is saved and now public.")
        return redirect("site:manage_pages")
    if is_check and form2.is_valid():
        actions.record_accessibility_check(check=form2.instance, by=request.user)
        messages.success(request, "The check is recorded. The statement now shows its date.")
        return redirect("site:statement_edit")
    return render(
        request,
        "site/manage/statement_form.html",
        {"form": form, "form2": form2, "checks": AccessibilityCheck.objects.all()[:10]},
    )
