"""The impact log: the public page of published changes, the log staff keep, and the
page where a person named in a change chooses whether their name is shown."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required
from coproduce.projects.models import Feedback, Project

from . import actions
from .forms import ConsentForm, EntryForm, ProjectChoiceForm
from .models import AREA_CHOICES, ImpactEntry, ImpactPerson

PUBLIC_PAGE_SIZE = 20
LOG_PAGE_SIZE = 25


def _entry(request, pk):
    return get_object_or_404(ImpactEntry.objects.select_related("project"), pk=pk)


def _public_entries():
    """Published entries with only what may be shown in public: the names of people
    who agreed themselves (and still have an account), the "you said" items marked to
    show to everyone, and the project's title when the project is shared."""
    return (
        ImpactEntry.objects.published()
        .select_related("project")
        .prefetch_related(
            Prefetch(
                "named",
                queryset=ImpactPerson.objects.filter(
                    consent_to_be_named=True, person__is_active=True
                ).select_related("person"),
                to_attr="named_in_public",
            ),
            Prefetch(
                "feedback",
                queryset=Feedback.objects.filter(public=True).order_by("said_on", "pk"),
                to_attr="public_feedback",
            ),
        )
    )


def public_list(request):
    page = Paginator(_public_entries(), PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "impact/public_list.html",
        {"page": page, "shared": Project.Visibility.PUBLIC},
    )


def public_detail(request, pk):
    entry = get_object_or_404(_public_entries(), pk=pk)
    return render(
        request,
        "impact/public_detail.html",
        {"entry": entry, "shared": Project.Visibility.PUBLIC},
    )


@permission_required("impact.view_log")
def entry_list(request):
    entries = ImpactEntry.objects.select_related("project")
    if not request.user.has_perm("impact.view_every_entry"):
        entries = entries.filter(project__lead=request.user)
    area = request.GET.get("area")
    if area in dict(AREA_CHOICES):
        entries = entries.filter(area=area)
    page = Paginator(entries, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "impact/entry_list.html",
        {
            "page": page,
            "areas": AREA_CHOICES,
            "area": area if area in dict(AREA_CHOICES) else "",
            "may_add": request.user.has_perm("impact.add_entry"),
        },
    )


def _projects_for(user):
    """(the projects `user` may record a change for, whether they may record one for the
    whole organisation): staff any; a project's lead only their own projects."""
    if user.has_perm("impact.record_for_any_project"):
        return Project.objects.order_by("title"), True
    return Project.objects.filter(lead=user).order_by("title"), False


@permission_required("impact.add_entry")
def entry_create(request):
    projects, whole_organisation = _projects_for(request.user)
    chooser = ProjectChoiceForm(
        request.GET if "project" in request.GET else None,
        projects=projects,
        whole_organisation=whole_organisation,
    )
    if not chooser.is_bound or not chooser.is_valid():
        return render(request, "impact/choose_project.html", {"chooser": chooser, "form": chooser})
    project = chooser.cleaned_data["project"]
    form = EntryForm(request.POST or None, request.FILES or None, project=project)
    if request.method == "POST" and form.is_valid():
        entry = form.instance
        entry.project = project
        actions.save_entry(
            entry=entry,
            by=request.user,
            decisions=form.cleaned_data.get("decisions"),
            feedback=form.cleaned_data.get("feedback"),
            people=form.cleaned_data.get("people"),
            evidence_upload=form.new_upload(),
            evidence_type=form.evidence_type,
        )
        messages.success(
            request,
            gettext("“%(entry)s” is recorded. It is not public yet.") % {"entry": entry.title},
        )
        return redirect(entry)
    return render(request, "impact/entry_form.html", {"form": form, "project": project})


@permission_required("impact.view_entry", _entry)
def entry_detail(request, pk):
    entry = _entry(request, pk)
    named = list(entry.named.select_related("person"))
    mine = next((mention for mention in named if mention.person_id == request.user.pk), None)
    sees_all = request.user.has_perm("impact.change_entry", entry) or request.user.has_perm(
        "impact.publish_entry"
    )
    return render(
        request,
        "impact/entry_detail.html",
        {
            "entry": entry,
            "named": named if sees_all else [],
            "mine": mine,
            "consent_form": ConsentForm(
                initial={"consent": "yes" if mine and mine.consent_to_be_named else "no"}
                if mine and mine.consent_changed_at
                else None
            ),
            "decisions": list(entry.decisions.all()) if sees_all else [],
            "feedback": list(entry.feedback.all()) if sees_all else [],
            "may_change": request.user.has_perm("impact.change_entry", entry),
            "may_publish": request.user.has_perm("impact.publish_entry"),
        },
    )


@permission_required("impact.change_entry", _entry)
def entry_edit(request, pk):
    entry = _entry(request, pk)
    form = EntryForm(
        request.POST or None, request.FILES or None, instance=entry, project=entry.project
    )
    if request.method == "POST" and form.is_valid():
        actions.save_entry(
            entry=form.instance,
            by=request.user,
            decisions=form.cleaned_data.get("decisions"),
            feedback=form.cleaned_data.get("feedback"),
            people=form.cleaned_data.get("people"),
            evidence_upload=form.new_upload(),
            evidence_type=form.evidence_type,
        )
        messages.success(request, _("The change is saved."))
        return redirect(entry)
    return render(
        request, "impact/entry_form.html", {"form": form, "project": entry.project, "entry": entry}
    )


@permission_required("impact.publish_entry")
@require_POST
def entry_publish(request, pk):
    entry = _entry(request, pk)
    if request.POST.get("publish") == "0":
        actions.unpublish_entry(entry=entry, by=request.user)
        messages.success(
            request,
            gettext("“%(entry)s” is no longer on the public impact page.") % {"entry": entry.title},
        )
    else:
        actions.publish_entry(entry=entry, by=request.user)
        messages.success(
            request,
            gettext("“%(entry)s” is on the public impact page, with the names of those who agreed.")
            % {"entry": entry.title},
        )
    return redirect(entry)


@permission_required("impact.choose_own_consent", _entry)
@require_POST
def entry_consent(request, pk):
    mention = get_object_or_404(ImpactPerson, entry_id=pk, person=request.user)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether your name may be shown, then save."))
        return redirect("impact:entry_detail", pk=pk)
    actions.choose_consent(mention=mention, given=form.cleaned_data["consent"])
    messages.success(
        request,
        _("Your name is shown with this change on the public impact page.")
        if form.cleaned_data["consent"]
        else _("Your name is not shown with this change in public."),
    )
    return redirect("impact:entry_detail", pk=pk)


@permission_required("impact.view_entry", _entry)
def evidence_file(request, pk):
    entry = _entry(request, pk)
    if not entry.evidence_file:
        raise Http404
    try:
        opened = entry.evidence_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # Always a download, never shown in the page: an uploaded file cannot run as part of the site.
    return FileResponse(
        opened,
        as_attachment=True,
        filename=entry.evidence_file_name or "evidence",
        content_type=entry.evidence_file_type or "application/octet-stream",
    )


@permission_required("impact.view_own_mentions")
def mentions(request):
    mine = (
        ImpactPerson.objects.filter(person=request.user)
        .select_related("entry")
        .order_by("-entry__changed_on", "-pk")
    )
    page = Paginator(mine, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "impact/mentions.html", {"page": page})
