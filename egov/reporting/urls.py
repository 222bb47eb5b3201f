from django.urls import path

from egov.reporting.views import (
    analysis,
    catalogue,
    dashboard,
    exchange,
    plans,
    submission,
    work,
)

app_name = "reporting"
urlpatterns = [
    path("", work.work, name="work"),
    path("open/", work.open_report, name="open"),
    path("s/<int:pk>/", submission.submission_page, name="submission"),
    path("s/<int:pk>/cell/", submission.save_cell, name="cell"),
    path("s/<int:pk>/grid/", submission.save_grid, name="grid"),
    path("s/<int:pk>/comment/", submission.comment, name="comment"),
    path("s/<int:pk>/xlsx/", submission.download_xlsx, name="xlsx"),
    path("s/<int:pk>/upload/", submission.upload_xlsx, name="upload"),
    path("s/<int:pk>/<str:verb>/", submission.transition, name="transition"),
    path("analysis/", analysis.analysis, name="analysis"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("timeliness/", analysis.timeliness_view, name="timeliness"),
    path("ledger/", analysis.ledger, name="ledger"),
    path("plans/", plans.plans_home, name="plans_home"),
    path("plans/<int:year>/", plans.plans_page, name="plans"),
    path("plans/<int:year>/cell/", plans.plan_cell, name="plan_cell"),
    path("plans/<int:year>/grid/", plans.plan_grid_save, name="plan_grid"),
    path("plans/<int:year>/xlsx/", plans.plan_xlsx, name="plan_xlsx"),
    path("plans/<int:year>/upload/", plans.plan_upload, name="plan_upload"),
    path("exchange/", exchange.exchange, name="exchange"),
    path("catalogue/", catalogue.catalogue_home, name="catalogue"),
    path("catalogue/indicator/new/", catalogue.indicator_new, name="catalogue_indicator_new"),
    path("catalogue/indicator/<int:pk>/", catalogue.indicator_edit, name="catalogue_indicator"),
    path("catalogue/breakdown/new/", catalogue.breakdown_new, name="catalogue_breakdown_new"),
    path("catalogue/form/new/", catalogue.form_new, name="catalogue_form_new"),
    path("catalogue/form/<int:pk>/", catalogue.form_edit, name="catalogue_form"),
    path("catalogue/form/<int:pk>/layout/", catalogue.form_layout, name="catalogue_form_layout"),
    path("catalogue/form/<int:pk>/copy/", catalogue.form_copy, name="catalogue_form_copy"),
    path("catalogue/rule/<int:pk>/remove/", catalogue.rule_remove, name="catalogue_rule_remove"),
]
