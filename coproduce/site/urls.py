from django.urls import path

from .feeds import UpdateFeed
from .models import PageKey
from .views import (
    case_studies,
    contact,
    inbox,
    manage,
    moderation,
    page_editing,
    pages,
    spotlight,
    stories,
)

app_name = "site"

EASY = {"easy_read": True}

urlpatterns = [
    path("", pages.home, name="home"),
    path("easy-read/", pages.home, EASY, name="home_easy_read"),
    path("get-involved/", pages.site_page, {"key": PageKey.GET_INVOLVED}, name="get_involved"),
    path(
        "get-involved/easy-read/",
        pages.site_page,
        {"key": PageKey.GET_INVOLVED, **EASY},
        name="get_involved_easy_read",
    ),
    path(
        "payment-policy/", pages.site_page, {"key": PageKey.PAYMENT_POLICY}, name="payment_policy"
    ),
    path(
        "payment-policy/easy-read/",
        pages.site_page,
        {"key": PageKey.PAYMENT_POLICY, **EASY},
        name="payment_policy_easy_read",
    ),
    path("privacy/", pages.site_page, {"key": PageKey.PRIVACY}, name="privacy"),
    path(
        "privacy/easy-read/",
        pages.site_page,
        {"key": PageKey.PRIVACY, **EASY},
        name="privacy_easy_read",
    ),
    path("accessibility/", pages.accessibility_statement, name="accessibility"),
    path("contact/", contact.contact, name="contact"),
    path("contact/sent/", contact.contact_sent, name="contact_sent"),
    path("search/", pages.search, name="search"),
    path("updates/", stories.update_list, name="update_list"),
    path("updates/feed/", UpdateFeed(), name="update_feed"),
    path("updates/<slug:slug>/", stories.update_detail, name="update_detail"),
    path("updates/<slug:slug>/easy-read/", stories.update_detail, EASY, name="update_easy_read"),
    path("updates/<slug:slug>/picture/", stories.update_image, name="update_image"),
    path("case-studies/", stories.case_study_list, name="case_study_list"),
    path("case-studies/<slug:slug>/", stories.case_study_detail, name="case_study_detail"),
    path(
        "case-studies/<slug:slug>/easy-read/",
        stories.case_study_detail,
        EASY,
        name="case_study_easy_read",
    ),
    path("case-studies/<slug:slug>/picture/", stories.case_study_image, name="case_study_image"),
    path("spotlight/", spotlight.spotlight_list, name="spotlight_list"),
    path("spotlight/share/", spotlight.spotlight_submit, name="spotlight_submit"),
    path("spotlight/share/sent/", spotlight.spotlight_sent, name="spotlight_sent"),
    path("spotlight/change/<str:token>/", spotlight.spotlight_change, name="spotlight_change"),
    path("spotlight/<int:pk>/", spotlight.spotlight_detail, name="spotlight_detail"),
    # Managing the public site
    path("manage/site/", manage.manage, name="manage"),
    path("manage/site/updates/", manage.manage_updates, name="manage_updates"),
    path("manage/site/updates/new/", manage.update_create, name="update_create"),
    path("manage/site/updates/<int:pk>/", manage.update_edit, name="update_edit"),
    path("manage/site/case-studies/", case_studies.manage_case_studies, name="manage_case_studies"),
    path("manage/site/case-studies/new/", case_studies.case_study_create, name="case_study_create"),
    path(
        "manage/site/case-studies/<int:pk>/",
        case_studies.case_study_manage,
        name="case_study_manage",
    ),
    path(
        "manage/site/case-studies/<int:pk>/edit/",
        case_studies.case_study_edit,
        name="case_study_edit",
    ),
    path(
        "manage/site/case-studies/<int:pk>/publish/",
        case_studies.case_study_publish,
        name="case_study_publish",
    ),
    path(
        "manage/site/case-studies/<int:pk>/people/<int:person_pk>/consent/",
        case_studies.featured_person_consent,
        name="featured_person_consent",
    ),
    path(
        "manage/site/case-studies/<int:pk>/people/<int:person_pk>/remove/",
        case_studies.featured_person_remove,
        name="featured_person_remove",
    ),
    path("manage/site/spotlight/", moderation.spotlight_queue, name="spotlight_queue"),
    path("manage/site/spotlight/<int:pk>/", moderation.spotlight_review, name="spotlight_review"),
    path(
        "manage/site/spotlight/<int:pk>/files/<int:file_pk>/",
        moderation.spotlight_file,
        name="spotlight_file",
    ),
    path("manage/site/inbox/", inbox.inbox, name="inbox"),
    path("manage/site/inbox/<int:pk>/", inbox.inbox_detail, name="inbox_detail"),
    path("manage/site/pages/", page_editing.manage_pages, name="manage_pages"),
    path("manage/site/pages/accessibility/", page_editing.statement_edit, name="statement_edit"),
    path("manage/site/pages/<str:key>/", page_editing.page_edit, name="page_edit"),
]
