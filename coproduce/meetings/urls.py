from django.urls import path

from .views import (
    attendance,
    calendar,
    checklist,
    feedback,
    invitations,
    meetings,
    papers,
    supporters,
    venues,
)

app_name = "meetings"

urlpatterns = [
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/venues/", venues.venue_list, name="venue_list"),
    path("meetings/venues/new/", venues.venue_create, name="venue_create"),
    path("meetings/venues/<int:venue_pk>/", venues.venue_edit, name="venue_edit"),
    path("meetings/feedback/", feedback.feedback_overview, name="feedback_overview"),
    path("meetings/follow-ups/", feedback.follow_ups, name="follow_ups"),
    path("meetings/follow-ups/<int:feedback_pk>/", feedback.follow_up, name="follow_up"),
    path(
        "meetings/projects/<int:project_pk>/feedback/",
        feedback.project_feedback_results,
        name="project_feedback",
    ),
    path("meetings/calendar/", calendar.calendar_settings, name="calendar_settings"),
    path("meetings/calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("meetings/reply/<str:token>/", invitations.reply_by_link, name="reply_by_link"),
    path("meetings/for/<int:authority_pk>/", supporters.acting_for, name="acting_for"),
    path(
        "meetings/for/<int:authority_pk>/reply/<int:invitation_pk>/",
        supporters.reply_for,
        name="reply_for",
    ),
    path(
        "meetings/for/<int:authority_pk>/papers/<int:material_pk>/",
        supporters.paper_for,
        name="paper_for",
    ),
    path(
        "meetings/for/<int:authority_pk>/formats/<int:format_pk>/",
        supporters.format_for,
        name="format_for",
    ),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/meeting.ics", calendar.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/invite/", invitations.invite, name="invite"),
    path("meetings/<int:pk>/reply/", invitations.reply, name="reply"),
    path(
        "meetings/<int:pk>/reply-for-someone/", invitations.reply_on_behalf, name="reply_on_behalf"
    ),
    path("meetings/<int:pk>/checklist/", checklist.checklist_view, name="checklist"),
    path(
        "meetings/<int:pk>/checklist/update/", checklist.checklist_update, name="checklist_update"
    ),
    path(
        "meetings/<int:pk>/checklist/details/",
        checklist.checklist_details,
        name="checklist_details",
    ),
    path(
        "meetings/<int:pk>/checklist/<int:item_pk>/",
        checklist.arrangement_edit,
        name="arrangement_edit",
    ),
    path(
        "meetings/<int:pk>/checklist/<int:item_pk>/done/",
        checklist.arrangement_done,
        name="arrangement_done",
    ),
    path(
        "meetings/accessible-papers/", papers.accessible_papers_help, name="accessible_papers_help"
    ),
    path("meetings/<int:pk>/papers/new/", papers.material_add, name="material_add"),
    path(
        "meetings/<int:pk>/papers/<int:material_pk>/send/",
        papers.material_send,
        name="material_send",
    ),
    path(
        "meetings/<int:pk>/papers/<int:material_pk>/formats/",
        papers.format_add,
        name="format_add",
    ),
    path(
        "meetings/<int:pk>/papers/<int:material_pk>/download/",
        papers.material_download,
        name="material_download",
    ),
    path(
        "meetings/<int:pk>/formats/<int:format_pk>/download/",
        papers.format_download,
        name="format_download",
    ),
    path("meetings/<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path("meetings/<int:pk>/feedback/", feedback.feedback, name="feedback"),
    path("meetings/<int:pk>/feedback/results/", feedback.feedback_results, name="feedback_results"),
]
