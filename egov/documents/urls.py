from django.urls import path

from egov.documents.views import copies, incoming, outgoing, search, settings, stats, work

app_name = "documents"
urlpatterns = [
    path("incoming/", incoming.incoming_list, name="incoming_list"),
    path("incoming/new/", incoming.incoming_new, name="incoming_new"),
    path("incoming/<int:pk>/", incoming.incoming_detail, name="incoming_detail"),
    path(
        "incoming/<int:pk>/files/<int:attachment_pk>/",
        incoming.incoming_file,
        name="incoming_file",
    ),
    path("incoming/<int:pk>/present/", incoming.incoming_present, name="incoming_present"),
    path("incoming/<int:pk>/comment/", incoming.incoming_comment, name="incoming_comment"),
    path(
        "incoming/<int:pk>/assignments/<int:assignment_pk>/assign/",
        incoming.incoming_assign,
        name="incoming_assign",
    ),
    path(
        "incoming/<int:pk>/assignments/<int:assignment_pk>/start/",
        incoming.incoming_start,
        name="incoming_start",
    ),
    path(
        "incoming/<int:pk>/assignments/<int:assignment_pk>/finish/",
        incoming.incoming_finish,
        name="incoming_finish",
    ),
    path(
        "incoming/<int:pk>/assignments/<int:assignment_pk>/return/",
        incoming.incoming_return,
        name="incoming_return",
    ),
    path(
        "incoming/<int:pk>/assignments/<int:assignment_pk>/extension/",
        incoming.incoming_extension_request,
        name="incoming_extension_request",
    ),
    path(
        "incoming/<int:pk>/extensions/<int:request_pk>/decide/",
        incoming.incoming_extension_decide,
        name="incoming_extension_decide",
    ),
    path("work/", work.my_work, name="work"),
    path("work/team/", work.team_work, name="work_team"),
    path("stats/", stats.dashboard, name="stats"),
    path("outgoing/", outgoing.outgoing_list, name="outgoing_list"),
    path("outgoing/new/", outgoing.outgoing_new, name="outgoing_new"),
    path("outgoing/<int:pk>/", outgoing.outgoing_detail, name="outgoing_detail"),
    path(
        "outgoing/<int:pk>/files/<int:attachment_pk>/",
        outgoing.outgoing_file,
        name="outgoing_file",
    ),
    path("outgoing/<int:pk>/version/", outgoing.outgoing_add_version, name="outgoing_add_version"),
    path("outgoing/<int:pk>/submit/", outgoing.outgoing_submit, name="outgoing_submit"),
    path("outgoing/<int:pk>/review/", outgoing.outgoing_review, name="outgoing_review"),
    path("outgoing/<int:pk>/issue/", outgoing.outgoing_issue, name="outgoing_issue"),
    path("outgoing/<int:pk>/recall/", outgoing.outgoing_recall, name="outgoing_recall"),
    path(
        "outgoing/<int:pk>/distribution/",
        outgoing.outgoing_distribution,
        name="outgoing_distribution",
    ),
    path("outgoing/<int:pk>/cancel/", outgoing.outgoing_cancel, name="outgoing_cancel"),
    path("search/", search.search, name="search"),
    path("search/export/", search.search_export, name="search_export"),
    path("search/saved/", search.search_save, name="search_save"),
    path("search/saved/<int:pk>/delete/", search.search_delete, name="search_delete"),
    path("settings/types/", settings.types, name="types"),
    path("settings/types/new/", settings.type_edit, name="type_new"),
    path("settings/types/<int:pk>/", settings.type_edit, name="type_edit"),
    path("<str:kind>/<int:pk>/copies/", copies.copy_make, name="copy_make"),
]
