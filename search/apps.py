from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search (Wagtail's database backend by default; OpenSearch at scale)."""

    name = "search"
    label = "site_search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import indexing  # noqa: F401  (signal receivers)
