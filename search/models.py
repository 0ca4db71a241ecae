"""The search index's rows: what a page says, analysed in its language, and its facets.

A page has one row for what anyone who may read the page reads (its title, summary and
overview) and, for a module, a second row for what only its learners read (the body, the
learning objectives): a search matches a module's body only for readers who may study it, and
its snippet comes only from the row that matched. Rows hold live content only (written when a
page is published, deleted when it is unpublished or deleted); the reader's access is applied to
every search through ``visible_for(request)``.
"""

from django.db import models
from modelsearch import index
from wagtail.models import Page

PUBLIC = "public"
STUDY = "study"


class SearchDocument(index.Indexed, models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    part = models.CharField(max_length=8, choices=[(PUBLIC, PUBLIC), (STUDY, STUDY)])
    language_code = models.CharField(max_length=16, db_index=True)  # the page's locale
    heading = models.CharField(max_length=255)  # the page's title, as written
    text = models.TextField(blank=True)  # the text of this part, as written (snippets)
    # Analysed tokens (search.analysis): what the backend matches. "title" is the field name
    # Wagtail's database backends weigh as a title.
    title = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    # Facets.
    kind = models.CharField(max_length=20)
    module_numbers = models.JSONField(default=list)
    countries = models.JSONField(default=list)
    resource_type = models.CharField(max_length=20, blank=True)
    material_language = models.CharField(max_length=8, blank=True)

    search_fields = [
        index.SearchField("title", boost=4),
        index.SearchField("terms"),
        index.AutocompleteField("title"),
        index.FilterField("language_code"),
        index.FilterField("part"),
        index.FilterField("page"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "part"], name="one_search_row_per_part")
        ]

    def __str__(self):
        return f"{self.heading} ({self.language_code}, {self.part})"


class SearchTerm(models.Model):
    """How often a query was searched in a language on a day, and how often it found nothing:
    the editors' report (Reports → Searches). Queries only, normalised, never who searched."""

    language_code = models.CharField(max_length=16)
    query = models.CharField(max_length=200)
    day = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "query", "day"], name="one_search_term_a_day"
            )
        ]
        indexes = [models.Index(fields=["language_code", "day"])]

    def __str__(self):
        return f"{self.query} ({self.language_code}, {self.day})"


class IndexBacklog(models.Model):
    """An object OpenSearch missed while it was down or slow (``search.backends``): sent again
    by the ``catch_up`` task or ``manage.py catch_up_search_index``; ``rebuild_search_index``
    clears it."""

    model = models.CharField(max_length=100)  # app_label.model_name
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=8, choices=[("add", "add"), ("delete", "delete")])
    since = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="one_backlog_entry")
        ]

    def __str__(self):
        return f"{self.action} {self.model} {self.object_id}"
