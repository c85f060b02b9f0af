from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/co-producers/", views.coproducers_dashboard, name="coproducers"),
    path("dashboard/co-producers/commentary/", views.commentary, name="commentary"),
    path("dashboard/report.pdf", views.report_pdf, name="report_pdf"),
    path("dashboard/report-tables.zip", views.report_csv, name="report_csv"),
    path("dashboard/report.xlsx", views.report_xlsx, name="report_xlsx"),
]
