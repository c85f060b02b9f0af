from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("payments/policy/", views.policy, name="policy"),
    path("payments/rates/", views.rates, name="rates"),
    path("payments/rates/activities/new/", views.activity_type_new, name="activity_type_new"),
    path(
        "payments/rates/activities/<int:pk>/", views.activity_type_edit, name="activity_type_edit"
    ),
    path("payments/rates/expenses/new/", views.expense_type_new, name="expense_type_new"),
    path("payments/rates/expenses/<int:pk>/", views.expense_type_edit, name="expense_type_edit"),
    path("claims/", views.my_claims, name="my_claims"),
    path("claims/new/", views.claim_new, name="claim_new"),
    path("claims/for/<int:authority_pk>/new/", views.claim_for, name="claim_for"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/change/", views.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/expenses/new/", views.expense_new, name="expense_new"),
    path(
        "claims/<int:pk>/expenses/<int:item_pk>/remove/",
        views.expense_remove,
        name="expense_remove",
    ),
    path("claims/<int:pk>/expenses/<int:item_pk>/receipt/", views.receipt, name="receipt"),
    path("claims/<int:pk>/send/", views.claim_submit, name="claim_submit"),
    path("claims/<int:pk>/approve/", views.claim_approve, name="claim_approve"),
    path("claims/<int:pk>/return/", views.claim_return, name="claim_return"),
    path("payments/", views.claim_list, name="claim_list"),
    path("payments/finance/", views.finance_queue, name="finance_queue"),
    path("payments/finance/batches/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("payments/finance/batches/<int:pk>/export.csv", views.batch_csv, name="batch_csv"),
    path("payments/finance/batches/<int:pk>/export.xlsx", views.batch_xlsx, name="batch_xlsx"),
    path("payments/finance/batches/<int:pk>/paid/", views.batch_paid, name="batch_paid"),
    path("payments/bank-details/", views.bank_details, name="bank_details"),
    path("payments/recognition/", views.recognition, name="recognition"),
    path("payments/recognition/certificate.pdf", views.certificate, name="certificate"),
    path("projects/<int:pk>/budget/", views.budget, name="budget"),
    path("advances/", views.my_advances, name="my_advances"),
    path("advances/new/", views.advance_new, name="advance_new"),
    path("advances/<int:pk>/", views.advance_detail, name="advance_detail"),
    path("advances/<int:pk>/approve/", views.advance_approve, name="advance_approve"),
    path("advances/<int:pk>/refuse/", views.advance_refuse, name="advance_refuse"),
    path("advances/<int:pk>/paid/", views.advance_paid, name="advance_paid"),
    path("advances/<int:pk>/receipt/new/", views.advance_reconcile, name="advance_reconcile"),
    path("advances/<int:pk>/receipt/", views.advance_receipt, name="advance_receipt"),
    path("payments/advances/", views.advance_list, name="advance_list"),
    path("payments/limits/", views.payment_limits, name="payment_limits"),
    path("payments/limits/warn-me/", views.protection, name="protection"),
    path("claims/<int:pk>/limit/", views.claim_limit, name="claim_limit"),
    path("payments/statements/<int:person_pk>/", views.statements, name="statements"),
    path(
        "payments/statements/<int:person_pk>/<int:year>.pdf",
        views.statement_pdf,
        name="statement_pdf",
    ),
    path(
        "payments/statements/<int:person_pk>/<int:year>.csv",
        views.statement_csv,
        name="statement_csv",
    ),
]
