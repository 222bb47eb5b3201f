from django.urls import path

from egov.exchange import views, views_hub

app_name = "exchange"

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/", views.inbox_detail, name="inbox_detail"),
    path("inbox/<int:pk>/edxml", views.download, name="inbox_download"),
    path("inbox/import/", views.inbox_import, name="inbox_import"),
    path("outgoing/<int:pk>/edxml", views.outgoing_edxml, name="outgoing_edxml"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("outbox/<int:pk>/resend", views.resend_dead, name="resend"),
    # The hub's operations for its members (national-axis style).
    path("hub/send/", views_hub.send, name="hub_send"),
    path("hub/send/batch/", views_hub.send_batch, name="hub_send_batch"),
    path("hub/received/", views_hub.received, name="hub_received"),
    path("hub/packages/", views_hub.packages, name="hub_packages"),
    path("hub/packages/<int:pk>/", views_hub.package, name="hub_package"),
    path("hub/packages/<int:pk>/status/", views_hub.transport_status, name="hub_status"),
    path("hub/packages/status/", views_hub.transport_statuses, name="hub_statuses"),
    path("hub/agencies/", views_hub.agencies, name="hub_agencies"),
    path("hub/sent/", views_hub.sent, name="hub_sent"),
]
