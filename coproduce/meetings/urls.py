from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/venues/", views.venue_list, name="venue_list"),
    path("meetings/venues/new/", views.venue_create, name="venue_create"),
    path("meetings/venues/<int:venue_pk>/", views.venue_edit, name="venue_edit"),
    path("meetings/feedback/", views.feedback_overview, name="feedback_overview"),
    path("meetings/follow-ups/", views.follow_ups, name="follow_ups"),
    path("meetings/follow-ups/<int:feedback_pk>/", views.follow_up, name="follow_up"),
    path(
        "meetings/projects/<int:project_pk>/feedback/",
        views.project_feedback_results,
        name="project_feedback",
    ),
    path("meetings/calendar/", views.calendar_settings, name="calendar_settings"),
    path("meetings/calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("meetings/reply/<str:token>/", views.reply_by_link, name="reply_by_link"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/meeting.ics", views.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/invite/", views.invite, name="invite"),
    path("meetings/<int:pk>/reply/", views.reply, name="reply"),
    path("meetings/<int:pk>/reply-for-someone/", views.reply_on_behalf, name="reply_on_behalf"),
    path("meetings/<int:pk>/checklist/", views.checklist_view, name="checklist"),
    path(
        "meetings/<int:pk>/checklist/<int:item_pk>/",
        views.arrangement_edit,
        name="arrangement_edit",
    ),
    path(
        "meetings/<int:pk>/checklist/<int:item_pk>/done/",
        views.arrangement_done,
        name="arrangement_done",
    ),
    path("meetings/<int:pk>/papers/new/", views.material_add, name="material_add"),
    path(
        "meetings/<int:pk>/papers/<int:material_pk>/formats/",
        views.format_add,
        name="format_add",
    ),
    path(
        "meetings/<int:pk>/papers/<int:material_pk>/download/",
        views.material_download,
        name="material_download",
    ),
    path(
        "meetings/<int:pk>/formats/<int:format_pk>/download/",
        views.format_download,
        name="format_download",
    ),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("meetings/<int:pk>/feedback/results/", views.feedback_results, name="feedback_results"),
]
