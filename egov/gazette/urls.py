from django.urls import URLPattern, URLResolver

app_name = "gazette"

urlpatterns: list[URLPattern | URLResolver] = []
