"""Background work (django-tasks): inline with the immediate backend, in ``db_worker`` with
the database backend."""

from django_tasks import task


@task()
def run_project_task(request_id):
    from .services import run_project

    return run_project(request_id)
