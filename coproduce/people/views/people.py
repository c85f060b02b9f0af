"""Finding people, and a person's page for staff."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from coproduce.lib.paging import KeptCountPaginator
from coproduce.lib.views import permission_required
from coproduce.privacy.log import record_read, record_reads
from coproduce.privacy.models import ReadLog

from .. import actions, consent, lived_experience
from ..forms import NewPersonForm, PersonSearchForm, sorted_once_found
from ..models import Requirement
from .common import User, history_of

# A search by name or email counts at most this many matches: past it, the count read
# most of 200,000 people (65 ms) to say a number nobody pages through (decision 0047).
SEARCH_MATCHES_COUNTED = 1000


def _querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@permission_required("people.list_people")
def person_list(request):
    form = PersonSearchForm(request.GET or None)
    if not request.user.has_perm("people.find_by_access_need"):
        del form.fields["requirement"]
    requirement = form.searched_requirement()
    # 25 a page, like every other list: each row is a person with tags, and half as many
    # rows halved the time to draw the page.
    people = form.filter(request.user)
    most = SEARCH_MATCHES_COUNTED if form.searched_words() else None
    paginator = KeptCountPaginator(people, 25, most=most)
    if most and not paginator.more_than_counted:
        paginator.object_list = sorted_once_found(people)
    page = paginator.get_page(request.GET.get("page"))
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
            "can_add": request.user.has_perm("people.add_person"),
            "can_review": request.user.has_perm("people.review_interest"),
        },
    )


def person_for_page(request, pk):
    """The person with their roles and profile, fetched once for the permission check
    and the page."""
    request.person = get_object_or_404(
        User.objects.select_related("profile").prefetch_related(
            "role_assignments", "profile__tags", "profile__supporters"
        ),
        pk=pk,
    )
    return request.person


@permission_required("people.view_person", fn=person_for_page)
def person_detail(request, pk):
    person = request.person
    profile = getattr(person, "profile", None)
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
            "history": history_of(person)[:10],
            "can_see_passport": request.user.has_perm("people.view_access_passport", person),
            "can_record_reason": request.user.has_perm("people.record_passport_reason", person),
            "can_edit": request.user.has_perm("people.edit_on_behalf", person),
            "can_manage_data": request.user.has_perm("privacy.manage_requests"),
            "can_see_read_log": request.user.has_perm("privacy.view_read_log"),
            "can_issue_card": request.user.has_perm("notifications.issue_sign_in_card", person),
        },
    )


@permission_required("people.add_person")
def add_person(request):
    form = NewPersonForm(
        request.POST if request.method == "POST" else None,
        initial={"language": settings.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            person = actions.create_person(created_by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                gettext("%(name)s is added. They can sign in with a sign-in card you print.")
                % {"name": person.name},
            )
            return redirect("people:person_detail", pk=person.pk)
    return render(request, "people/add_person.html", {"form": form})
