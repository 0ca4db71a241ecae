"""Background work (django-tasks): runs inline with the immediate backend, in a worker with a
queue backend (see README)."""

from django_tasks import task
from wagtail.models import Page


@task()
def refresh_source_task(page_id):
    from .services import refresh_source

    page = Page.objects.filter(pk=page_id).first()
    return refresh_source(page.specific) if page else 0


@task()
def run_translation_job_task(job_id):
    from .services import run_translation_job

    return run_translation_job(job_id)


@task()
def run_locale_sync_task(job_id, with_roles=True):
    from .services import run_locale_sync

    return run_locale_sync(job_id, with_roles=with_roles)


@task()
def run_memory_import_task(import_id):
    from .tmx import run_import

    return run_import(import_id)
