"""The search page under each language's prefix: ``/es/buscar/``, ``/en/search/``,
``/pt-br/buscar/``, ``/fr/recherche/``."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "site_search"
urlpatterns = [
    path(_("search/"), views.search_page, name="search"),
    path(_("search/suggestions/"), views.suggest, name="suggest"),
]
