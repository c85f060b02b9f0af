from django.urls import path

from . import views

app_name = "budgets"

urlpatterns = [
    path("budget/", views.year, name="year"),
    path("budget/export.csv", views.year_csv, name="year_csv"),
    path("budget/export.xlsx", views.year_xlsx, name="year_xlsx"),
    path("budget/lines/new/", views.line_new, name="line_new"),
    path("budget/activities/new/", views.activity_new, name="activity_new"),
    path("budget/access-support/", views.support_rates, name="support_rates"),
    path("budget/estimates/", views.estimates, name="estimates"),
    path("budget/estimates/new/", views.estimate_new, name="estimate_new"),
    path("budget/estimates/<int:pk>/", views.estimate_detail, name="estimate_detail"),
    path(
        "budget/estimates/<int:pk>/costs/<slug:kind>/",
        views.estimate_line_add,
        name="estimate_line_add",
    ),
    path(
        "budget/estimates/<int:pk>/costs/<int:line_pk>/remove/",
        views.estimate_line_remove,
        name="estimate_line_remove",
    ),
    path("budget/estimates/<int:pk>/adopt/", views.estimate_adopt, name="estimate_adopt"),
]
