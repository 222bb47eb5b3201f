from django.urls import path

from egov.records.views import files, loans, plans, reports, slips

app_name = "records"
urlpatterns = [
    path("", files.file_list, name="file_list"),
    path("new/", files.file_new, name="file_new"),
    path("add/", files.add_to_file, name="add_to_file"),
    path("<int:pk>/", files.file_detail, name="file_detail"),
    path("<int:pk>/edit/", files.file_edit, name="file_edit"),
    path("<int:pk>/add/", files.file_add, name="file_add"),
    path("<int:pk>/items/<int:item_pk>/remove/", files.file_remove, name="file_remove"),
    path("<int:pk>/close/", files.file_close, name="file_close"),
    path("<int:pk>/reopen/", files.file_reopen, name="file_reopen"),
    path("<int:pk>/delete/", files.file_delete, name="file_delete"),
    path("<int:pk>/hand-over/", files.file_hand_over, name="file_hand_over"),
    path("<int:pk>/package/", files.handover_package, name="handover_package"),
    path("<int:pk>/export.<str:fmt>", files.file_export, name="file_export"),
    path("plan/", plans.plan, name="plan"),
    path("reports/", reports.reports, name="reports"),
    path("loans/", loans.loans, name="loans"),
    path("loans/<int:pk>/return/", loans.loan_return, name="loan_return"),
    path("slips/incoming/<int:pk>.pdf", slips.incoming_slip, name="incoming_slip"),
]
