from django.urls import path

from . import contact_views, signin_views, views

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
    path("sign-in/card/", signin_views.sign_in_with_card, name="sign_in_with_card"),
    path("sign-in/text/", signin_views.sign_in_by_text, name="sign_in_text"),
    path("sign-in/text/code/", signin_views.sign_in_text_code, name="sign_in_text_code"),
    path("people/<int:pk>/sign-in-cards/", signin_views.sign_in_cards, name="sign_in_cards"),
    path(
        "sign-in-cards/<int:pk>/cancel/",
        signin_views.cancel_sign_in_card,
        name="cancel_sign_in_card",
    ),
]
