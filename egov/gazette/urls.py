from django.urls import URLPattern, URLResolver, path

from egov.gazette.views import editor, issues

app_name = "gazette"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", editor.document_list, name="documents"),
    path("new/", editor.document_new, name="document_new"),
    path("<int:pk>/", editor.document_page, name="document"),
    path("<int:pk>/edit/", editor.document_edit, name="document_edit"),
    path("<int:pk>/pdf/", editor.document_pdf, name="document_pdf"),
    path("<int:pk>/publish/", editor.document_publish, name="document_publish"),
    path("<int:pk>/relations/", editor.relation_add, name="relation_add"),
    path(
        "<int:pk>/relations/<int:relation_pk>/remove/",
        editor.relation_remove,
        name="relation_remove",
    ),
    path("<int:pk>/override/", editor.override, name="override"),
    path("issues/", issues.issue_list, name="issues"),
    path("issues/<int:pk>/", issues.issue_page, name="issue"),
    path(
        "issues/<int:pk>/entries/<int:entry_pk>/remove/", issues.issue_remove, name="issue_remove"
    ),
    path("issues/<int:pk>/publish/", issues.issue_publish, name="issue_publish"),
    path("import/", issues.import_page, name="import"),
]
