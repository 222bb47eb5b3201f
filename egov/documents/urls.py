from django.urls import path

from egov.documents.views import incoming, outgoing, settings

app_name = "documents"
urlpatterns = [
    path("incoming/", incoming.incoming_list, name="incoming_list"),
    path("incoming/<int:pk>/", incoming.incoming_detail, name="incoming_detail"),
    path("outgoing/", outgoing.outgoing_list, name="outgoing_list"),
    path("outgoing/<int:pk>/", outgoing.outgoing_detail, name="outgoing_detail"),
    path("settings/types/", settings.types, name="types"),
    path("settings/types/new/", settings.type_edit, name="type_new"),
    path("settings/types/<int:pk>/", settings.type_edit, name="type_edit"),
]
