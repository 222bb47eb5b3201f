from django.apps import AppConfig


class LibConfig(AppConfig):
    """Registered only so the shared templates, template tags and locale files are found."""

    name = "egov.lib"
    label = "egov_lib"
