"""Background work (django-tasks): runs inline with the immediate backend, in a worker with a
queue backend (see README)."""

from django_tasks import task


@task()
def run_export_task(export_id):
    from .services import run_export

    return run_export(export_id)
