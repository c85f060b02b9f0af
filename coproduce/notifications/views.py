from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required
from coproduce.people.models import Profile

from . import actions
from .forms import PreferencesForm
from .models import Delivery, Notification


def _notification(request, pk):
    return get_object_or_404(Notification, pk=pk)


@permission_required("notifications.view_own")
def notification_list(request):
    mine = Notification.objects.filter(recipient=request.user)
    page = Paginator(mine, 25).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@permission_required("notifications.view_notification", _notification)
def notification_detail(request, pk):
    notification = get_object_or_404(Notification, pk=pk)
    copies = (
        notification.deliveries.exclude(copy_for=None)
        .select_related("copy_for")
        .order_by("copy_for__name")
    )
    return render(
        request,
        "notifications/notification_detail.html",
        {"notification": notification, "copies": copies},
    )


@permission_required("notifications.view_notification", _notification)
@require_POST
def mark_read(request, pk):
    notification = get_object_or_404(Notification, pk=pk)
    actions.mark_read(notification=notification)
    messages.success(
        request, gettext("Marked as read: %(subject)s") % {"subject": notification.subject}
    )
    return redirect("notifications:list")


@permission_required("notifications.view_own")
@require_POST
def mark_all_read(request):
    count = actions.mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext("Marked %(n)s as read.", "Marked %(n)s as read.", count) % {"n": count}
        if count
        else gettext("Nothing was unread."),
    )
    return redirect("notifications:list")


@permission_required("notifications.view_own")
def preferences(request):
    choosable = actions.choosable_kinds(request.user)
    profile = Profile.objects.filter(user=request.user).first()
    form = PreferencesForm(
        request.POST or None,
        choosable=choosable,
        current=actions.current_choices(request.user, choosable),
        contact={
            "phone": bool(profile and profile.phone),
            "address": bool(profile and profile.address),
        },
    )
    if request.method == "POST" and form.is_valid():
        actions.save_preferences(user=request.user, choices=form.cleaned_data)
        messages.success(request, gettext("Saved how we contact you."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "profile": profile},
    )


@permission_required("notifications.view_deliveries")
def deliveries(request):
    """Sends that failed or were left for staff: no message text, only who and how."""
    waiting = (
        Delivery.objects.exclude(status=Delivery.Status.SENT)
        .exclude(channel="digest")
        .select_related("notification__recipient", "copy_for")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(waiting, 50).get_page(request.GET.get("page"))
    return render(request, "notifications/deliveries.html", {"page": page})
