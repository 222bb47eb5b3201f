from django.urls import path

from egov.mail import views, views_traffic, views_usage

app_name = "mail"

urlpatterns = [
    path("", views.mailboxes, name="mailboxes"),
    path("changes/", views.changes, name="changes"),
    path("changes/<int:pk>/approve", views.approve, name="approve"),
    path("changes/<int:pk>/reject", views.reject, name="reject"),
    path("reconcile/", views.reconciliation, name="reconcile"),
    path("reconcile/<int:pk>/fix", views.request_fix, name="request_fix"),
    path("mailboxes/<int:pk>/password", views.password, name="password"),
    path("mailboxes/<int:pk>/public", views.public_role, name="public_role"),
    path("documents/<int:pk>/send", views_traffic.send_document, name="send_document"),
    path("inbox/", views_traffic.inbox, name="inbox"),
    path("usage/", views_usage.usage_view, name="usage"),
    path("directory/", views_usage.directory, name="directory"),
    path("inbox/<int:pk>/", views_traffic.inbound_detail, name="inbound_detail"),
    path("inbox/<int:pk>/register", views_traffic.inbound_register, name="inbound_register"),
    path("inbox/<int:pk>/answer", views_traffic.inbound_answer, name="inbound_answer"),
    path("inbox/<int:pk>/dismiss", views_traffic.inbound_dismiss, name="inbound_dismiss"),
    path("inbox/<int:pk>/retry", views_traffic.inbound_retry, name="inbound_retry"),
]
