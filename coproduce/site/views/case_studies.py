"""Writing case studies, the consent of everyone in them, and publishing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required

from .. import actions
from ..consent import consent_problems
from ..forms import CaseStudyForm, ConsentForm, FeaturedPersonForm
from ..models import CaseStudy, FeaturedPerson


@permission_required("site.write_case_studies")
def manage_case_studies(request):
    case_studies = CaseStudy.objects.order_by("-created_at").with_consent_counts()
    page = Paginator(case_studies, 25).get_page(request.GET.get("page"))
    return render(request, "site/manage/case_study_list.html", {"page": page})


@permission_required("site.write_case_studies")
def case_study_create(request):
    form = CaseStudyForm(request.POST or None, request.FILES or None, instance=CaseStudy())
    if request.method == "POST" and form.is_valid():
        case_study = actions.create_case_study(case_study=form.instance, author=request.user)
        messages.success(
            request,
            gettext("“%(case_study)s” is saved as a draft. Now add everyone named or pictured.")
            % {"case_study": case_study.title},
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
                gettext("“%(case_study)s” is saved and back in draft until the lead publishes it.")
                % {"case_study": case_study.title},
            )
        else:
            messages.success(
                request, gettext("“%(case_study)s” is saved.") % {"case_study": case_study.title}
            )
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
        message = (
            gettext("Consent for %(person)s is recorded. The case study is no longer public.")
            if taken_down
            else gettext("Consent for %(person)s is recorded.")
        ) % {"person": person.name}
        messages.success(request, message)
        return redirect("site:case_study_manage", pk=pk)
    return render(request, "site/manage/consent_form.html", {"form": form, "person": person})


@permission_required("site.write_case_studies")
@require_POST
def featured_person_remove(request, pk, person_pk):
    person = get_object_or_404(FeaturedPerson, pk=person_pk, case_study_id=pk)
    actions.remove_featured_person(person=person)
    messages.success(
        request, gettext("%(person)s is removed from the case study.") % {"person": person.name}
    )
    return redirect("site:case_study_manage", pk=pk)


@permission_required("site.publish_case_studies")
@require_POST
def case_study_publish(request, pk):
    case_study = get_object_or_404(CaseStudy, pk=pk)
    if request.POST.get("publish") == "0":
        actions.unpublish_case_study(case_study=case_study)
        messages.success(
            request,
            gettext("“%(case_study)s” is no longer public.") % {"case_study": case_study.title},
        )
    else:
        try:
            actions.publish_case_study(case_study=case_study, user=request.user)
        except ValidationError as error:
            messages.error(
                request,
                gettext("Not published. %(problems)s") % {"problems": " ".join(error.messages)},
            )
        else:
            messages.success(
                request,
                gettext("“%(case_study)s” is published.") % {"case_study": case_study.title},
            )
    return redirect("site:case_study_manage", pk=pk)
