"""``manage.py rebuild_search_index``: every row again from the live pages, then every backend,
with progress; what OpenSearch missed before it began is no longer waiting."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.models import IndexBacklog, SearchDocument

from .test_search_page import results

MODULE_2 = "/es/curso-ninez-migrante/migracion-mundo-ods/"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("search_backend", "rebuilds_the_index"),
]


def test_rebuild_restores_lost_rows_with_progress(client, demo):
    expected = SearchDocument.objects.count()
    SearchDocument.objects.filter(language_code="es").delete()
    assert MODULE_2 not in results(client, "/es/buscar/?q=migracion")[0]
    IndexBacklog.objects.create(model="course_content.modulepage", object_id="1", action="add")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert SearchDocument.objects.count() == expected
    assert "search rows written" in out.getvalue() and "pages 100/" in out.getvalue()
    assert not IndexBacklog.objects.exists()
    assert MODULE_2 in results(client, "/es/buscar/?q=migracion")[0]
