"""Venues and what they offer for access."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import VenueForm
from ..models import Venue
from .common import posted


@permission_required("meetings.manage_venues")
def venue_list(request):
    venues = Venue.objects.annotate(used=Count("meetings")).order_by("name")
    return render(request, "meetings/venue_list.html", {"venues": venues})


@permission_required("meetings.manage_venues")
def venue_create(request):
    form = VenueForm(posted(request))
    if request.method == "POST" and form.is_valid():
        venue = actions.save_venue(venue=form.instance)
        messages.success(request, gettext("Venue “%(venue)s” added.") % {"venue": venue})
        return redirect("meetings:venue_list")
    return render(request, "meetings/venue_form.html", {"form": form, "creating": True})


@permission_required("meetings.manage_venues")
def venue_edit(request, venue_pk):
    venue = get_object_or_404(Venue, pk=venue_pk)
    form = VenueForm(posted(request), instance=venue)
    if request.method == "POST" and form.is_valid():
        actions.save_venue(venue=venue)
        messages.success(request, gettext("Venue “%(venue)s” saved.") % {"venue": venue})
        return redirect("meetings:venue_list")
    return render(request, "meetings/venue_form.html", {"form": form, "venue": venue})
