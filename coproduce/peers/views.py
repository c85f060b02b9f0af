from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.lib.views import permission_required
from coproduce.meetings.models import Meeting

from . import actions
from .forms import (
    AddMemberForm,
    AskForm,
    CheckInForm,
    EndPairingForm,
    GroupForm,
    LinkMeetingForm,
    NoticeForm,
    OfferForm,
    PairForm,
)
from .matching import suggestions_for
from .models import GroupMember, Pairing, PeerGroup, PeerSupporterOffer, PeerSupportRequest

# A group page shows this many notices, newest first, however many there are.
NOTICES_SHOWN = 20


def _pairing(request, pk):
    return get_object_or_404(
        Pairing.objects.select_related("person", "supporter", "request"), pk=pk
    )


def _group(request, pk):
    return get_object_or_404(PeerGroup, pk=pk)


@permission_required("peers.view_home")
def home(request):
    user = request.user
    takes_part = user.has_perm("peers.take_part")
    pairs = user.has_perm("peers.pair")
    context = {"takes_part": takes_part, "pairs": pairs}
    if takes_part:
        context["offer"] = PeerSupporterOffer.objects.filter(person=user).first()
        context["open_request"] = PeerSupportRequest.objects.filter(
            person=user, status=PeerSupportRequest.Status.OPEN
        ).first()
        context["my_pairings"] = list(
            Pairing.objects.filter(Q(person=user) | Q(supporter=user)).select_related(
                "person", "supporter"
            )
        )
    if pairs:
        context["open_requests"] = list(
            PeerSupportRequest.objects.filter(status=PeerSupportRequest.Status.OPEN)
            .select_related("person")
            .order_by("created_at", "pk")
        )
        context["active_pairings"] = list(
            Pairing.objects.filter(ended_at=None).select_related("person", "supporter")
        )
    return render(request, "peers/home.html", context)


@permission_required("peers.take_part")
def offer(request):
    current = PeerSupporterOffer.objects.filter(person=request.user).first()
    initial = (
        {
            "can_offer": current.can_offer,
            "ways": current.ways,
            "use_lived_experience": current.use_lived_experience,
            "available": current.available,
        }
        if current
        else None
    )
    form = OfferForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.save_offer(person=request.user, **form.cleaned_data)
        messages.success(request, gettext("Thank you for offering to be a peer supporter."))
        return redirect("peers:home")
    return render(request, "peers/offer.html", {"form": form, "current": current})


@permission_required("peers.take_part")
def ask(request):
    current = PeerSupportRequest.objects.filter(
        person=request.user, status=PeerSupportRequest.Status.OPEN
    ).first()
    initial = (
        {
            "hoping_for": current.hoping_for,
            "ways": current.ways,
            "use_lived_experience": current.use_lived_experience,
        }
        if current
        else None
    )
    form = AskForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if "withdraw" in request.POST and current:
            actions.withdraw_request(request=current, by=request.user)
            messages.success(
                request, gettext("Your request is withdrawn. You can ask again any time.")
            )
            return redirect("peers:home")
        if form.is_valid():
            actions.ask_for_support(person=request.user, **form.cleaned_data)
            messages.success(
                request,
                gettext(
                    "Thank you. The co-production lead will find you a peer supporter and "
                    "let you know."
                ),
            )
            return redirect("peers:home")
    return render(request, "peers/ask.html", {"form": form, "current": current})


@permission_required("peers.pair")
def request_detail(request, pk):
    support_request = get_object_or_404(PeerSupportRequest.objects.select_related("person"), pk=pk)
    is_open = support_request.status == PeerSupportRequest.Status.OPEN
    suggestions = suggestions_for(support_request, request.user) if is_open else []
    form = PairForm(request.POST or None, suggestions=suggestions)
    if request.method == "POST" and is_open and form.is_valid():
        chosen = next(
            s.offer.person
            for s in suggestions
            if s.offer.person_id == form.cleaned_data["supporter"]
        )
        try:
            pairing = actions.pair(request=support_request, supporter=chosen, by=request.user)
        except ValidationError as error:
            form.add_error("supporter", error.messages[0])
        else:
            messages.success(
                request,
                gettext("%(person)s is paired with %(supporter)s.")
                % {"person": support_request.person, "supporter": chosen},
            )
            return redirect(pairing)
    return render(
        request,
        "peers/request_detail.html",
        {
            "support_request": support_request,
            "is_open": is_open,
            "suggestions": suggestions,
            "form": form,
        },
    )


@permission_required("peers.view_pairing", _pairing)
def pairing_detail(request, pk):
    pairing = _pairing(request, pk)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_check_in(pairing=pairing, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, gettext("Check-in saved."))
            return redirect(pairing)
    return render(
        request,
        "peers/pairing_detail.html",
        {
            "pairing": pairing,
            "check_ins": list(pairing.check_ins.select_related("recorded_by")),
            "form": form,
            "is_supporter": pairing.supporter_id == request.user.pk,
        },
    )


@permission_required("peers.view_pairing", _pairing)
def pairing_end(request, pk):
    pairing = _pairing(request, pk)
    if not pairing.active:
        messages.info(request, gettext("This pairing has already ended."))
        return redirect(pairing)
    form = EndPairingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.end_pairing(
                pairing=pairing, by=request.user, closing_note=form.cleaned_data["closing_note"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, gettext("The pairing has ended. Thank you."))
            return redirect(pairing)
    return render(request, "peers/pairing_end.html", {"pairing": pairing, "form": form})


# ---- peer groups ------------------------------------------------------------------


@permission_required("peers.view_groups")
def group_list(request):
    mine = list(
        PeerGroup.objects.filter(members__person=request.user).order_by("name", "pk").distinct()
    )
    return render(
        request,
        "peers/group_list.html",
        {"groups": mine, "starts": request.user.has_perm("peers.start_group")},
    )


@permission_required("peers.start_group")
def group_create(request):
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = actions.start_group(by=request.user, **form.cleaned_data)
        messages.success(
            request,
            gettext("“%(group)s” is started. Add its members next.") % {"group": group.name},
        )
        return redirect("peers:group_members", pk=group.pk)
    return render(request, "peers/group_form.html", {"form": form})


@permission_required("peers.view_group", _group)
def group_detail(request, pk):
    group = _group(request, pk)
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.post_notice(group=group, author=request.user, **form.cleaned_data)
        messages.success(request, gettext("Notice posted."))
        return redirect(group)
    members = list(group.members.select_related("person").order_by("person__name", "pk"))
    notices = list(group.notices.select_related("author")[:NOTICES_SHOWN])
    meetings = list(
        Meeting.objects.filter(
            peer_group_links__group=group, starts_at__gte=timezone.now() - timedelta(days=1)
        ).order_by("starts_at", "pk")
    )
    return render(
        request,
        "peers/group_detail.html",
        {
            "group": group,
            "members": members,
            "notices": notices,
            "meetings": meetings,
            "form": form,
            "manages": request.user.has_perm("peers.manage_group", group),
        },
    )


@permission_required("peers.manage_group", _group)
def group_members(request, pk):
    group = _group(request, pk)
    form = AddMemberForm(request.POST or None, group=group)
    my_meetings = (
        Meeting.objects.filter(invitations__person=request.user, starts_at__gte=timezone.now())
        .exclude(peer_group_links__group=group)
        .order_by("starts_at", "pk")
    )
    meeting_form = LinkMeetingForm(None, meetings=my_meetings)
    if request.method == "POST" and "meeting" in request.POST:
        meeting_form = LinkMeetingForm(request.POST, meetings=my_meetings)
        if meeting_form.is_valid():
            try:
                actions.link_meeting(
                    group=group, meeting=meeting_form.cleaned_data["meeting"], by=request.user
                )
            except ValidationError as error:
                meeting_form.add_error("meeting", error.messages[0])
            else:
                messages.success(request, gettext("The meeting is now on the group's page."))
                return redirect(group)
    elif request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            member = actions.add_member(group=group, person=person, by=request.user)
        except ValidationError as error:
            form.add_error("person", error.messages[0])
        else:
            messages.success(
                request,
                (
                    gettext("%(person)s is invited as a guest.")
                    if member.is_staff_guest
                    else gettext("%(person)s is added.")
                )
                % {"person": person},
            )
            return redirect("peers:group_members", pk=group.pk)
    return render(
        request,
        "peers/group_members.html",
        {
            "group": group,
            "form": form,
            "form2": meeting_form,
            "has_meetings": my_meetings.exists(),
        },
    )


@permission_required("peers.view_group", _group)
def group_leave(request, pk):
    group = _group(request, pk)
    member = get_object_or_404(GroupMember, group=group, person=request.user)
    if request.method == "POST":
        actions.leave_group(member=member)
        messages.success(request, gettext("You have left “%(group)s”.") % {"group": group.name})
        return redirect("peers:group_list")
    return render(request, "peers/group_leave.html", {"group": group})
