from django.urls import path

from . import views
from .feeds import UpdateFeed
from .models import PageKey

app_name = "site"

EASY = {"easy_read": True}

urlpatterns = [
    path("", views.home, name="home"),
    path("easy-read/", views.home, EASY, name="home_easy_read"),
    path("get-involved/", views.site_page, {"key": PageKey.GET_INVOLVED}, name="get_involved"),
    path(
        "get-involved/easy-read/",
        views.site_page,
        {"key": PageKey.GET_INVOLVED, **EASY},
        name="get_involved_easy_read",
    ),
    path(
        "payment-policy/", views.site_page, {"key": PageKey.PAYMENT_POLICY}, name="payment_policy"
    ),
    path(
        "payment-policy/easy-read/",
        views.site_page,
        {"key": PageKey.PAYMENT_POLICY, **EASY},
        name="payment_policy_easy_read",
    ),
    path("privacy/", views.site_page, {"key": PageKey.PRIVACY}, name="privacy"),
    path(
        "privacy/easy-read/",
        views.site_page,
        {"key": PageKey.PRIVACY, **EASY},
        name="privacy_easy_read",
    ),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("contact/", views.contact, name="contact"),
    path("contact/sent/", views.contact_sent, name="contact_sent"),
    path("search/", views.search, name="search"),
    path("updates/", views.update_list, name="update_list"),
    path("updates/feed/", UpdateFeed(), name="update_feed"),
    path("updates/<slug:slug>/", views.update_detail, name="update_detail"),
    path("updates/<slug:slug>/easy-read/", views.update_detail, EASY, name="update_easy_read"),
    path("updates/<slug:slug>/picture/", views.update_image, name="update_image"),
    path("case-studies/", views.case_study_list, name="case_study_list"),
    path("case-studies/<slug:slug>/", views.case_study_detail, name="case_study_detail"),
    path(
        "case-studies/<slug:slug>/easy-read/",
        views.case_study_detail,
        EASY,
        name="case_study_easy_read",
    ),
    path("case-studies/<slug:slug>/picture/", views.case_study_image, name="case_study_image"),
    path("spotlight/", views.spotlight_list, name="spotlight_list"),
    path("spotlight/share/", views.spotlight_submit, name="spotlight_submit"),
    path("spotlight/share/sent/", views.spotlight_sent, name="spotlight_sent"),
    path("spotlight/change/<str:token>/", views.spotlight_change, name="spotlight_change"),
    path("spotlight/<int:pk>/", views.spotlight_detail, name="spotlight_detail"),
    # Managing the public site
    path("manage/site/", views.manage, name="manage"),
    path("manage/site/updates/", views.manage_updates, name="manage_updates"),
    path("manage/site/updates/new/", views.update_create, name="update_create"),
    path("manage/site/updates/<int:pk>/", views.update_edit, name="update_edit"),
    path("manage/site/case-studies/", views.manage_case_studies, name="manage_case_studies"),
    path("manage/site/case-studies/new/", views.case_study_create, name="case_study_create"),
    path("manage/site/case-studies/<int:pk>/", views.case_study_manage, name="case_study_manage"),
    path("manage/site/case-studies/<int:pk>/edit/", views.case_study_edit, name="case_study_edit"),
    path(
        "manage/site/case-studies/<int:pk>/publish/",
        views.case_study_publish,
        name="case_study_publish",
    ),
    path(
        "manage/site/case-studies/<int:pk>/people/<int:person_pk>/consent/",
        views.featured_person_consent,
        name="featured_person_consent",
    ),
    path(
        "manage/site/case-studies/<int:pk>/people/<int:person_pk>/remove/",
        views.featured_person_remove,
        name="featured_person_remove",
    ),
    path("manage/site/spotlight/", views.spotlight_queue, name="spotlight_queue"),
    path("manage/site/spotlight/<int:pk>/", views.spotlight_review, name="spotlight_review"),
    path(
        "manage/site/spotlight/<int:pk>/files/<int:file_pk>/",
        views.spotlight_file,
        name="spotlight_file",
    ),
    path("manage/site/inbox/", views.inbox, name="inbox"),
    path("manage/site/inbox/<int:pk>/", views.inbox_detail, name="inbox_detail"),
    path("manage/site/pages/", views.manage_pages, name="manage_pages"),
    path("manage/site/pages/accessibility/", views.statement_edit, name="statement_edit"),
    path("manage/site/pages/<str:key>/", views.page_edit, name="page_edit"),
]
