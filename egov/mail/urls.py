from django.urls import path

from egov.mail import views

app_name = "mail"

urlpatterns = [
    path("", views.mailboxes, name="mailboxes"),
    path("changes/", views.changes, name="changes"),
    path("changes/<int:pk>/approve", views.approve, name="approve"),
    path("changes/<int:pk>/reject", views.reject, name="reject"),
    path("mailboxes/<int:pk>/password", views.password, name="password"),
]
