from django.urls import path

from . import contact_views, views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/<int:pk>/", views.notification_detail, name="detail"),
    path("notifications/<int:pk>/read/", views.mark_read, name="mark_read"),
    path("notifications/read-all/", views.mark_all_read, name="mark_all_read"),
    path("notifications/how-we-contact-you/", views.preferences, name="preferences"),
    path("notifications/sending/", views.deliveries, name="deliveries"),
    path("contact-tasks/", contact_views.contact_task_list, name="contact_tasks"),
    path("contact-tasks/<int:pk>/claim/", contact_views.claim, name="contact_task_claim"),
    path(
        "contact-tasks/<int:pk>/outcome/",
        contact_views.record_outcome,
        name="contact_task_outcome",
    ),
    path("contact-tasks/letters.pdf", contact_views.letters_pdf, name="letters_pdf"),
    path("contact-tasks/letters-posted/", contact_views.letters_posted, name="letters_posted"),
]
