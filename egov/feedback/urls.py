from django.urls import URLPattern, URLResolver, path

from egov.feedback.views import officer

app_name = "feedback"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", officer.queue, name="queue"),
    path("<int:pk>/", officer.item_detail, name="item"),
    path("<int:pk>/du-thao/", officer.draft, name="draft"),
    path("<int:pk>/duyet/", officer.approve, name="approve"),
    path("<int:pk>/tra-lai/", officer.return_draft, name="return"),
    path("<int:pk>/dong/", officer.close, name="close"),
    path("<int:pk>/chuyen/", officer.reroute, name="reroute"),
    path("<int:pk>/tep/<int:file_pk>/", officer.attachment, name="attachment"),
    path("linh-vuc/", officer.categories, name="categories"),
    path("linh-vuc/moi/", officer.category_edit, name="category_new"),
    path("linh-vuc/<int:pk>/", officer.category_edit, name="category_edit"),
    path("thong-ke/", officer.statistics, name="statistics"),
]
