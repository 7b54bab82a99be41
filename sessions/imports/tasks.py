"""Background work of imports: checking an uploaded file, then writing it once confirmed."""

from django_tasks import task

from sessions.models import ImportLog

from .service import import_check, import_write


@task()
def import_check_task(log_id: int) -> str:
    log = ImportLog.objects.filter(pk=log_id, status=ImportLog.Status.CHECKING).first()
    if log is None:
        return "gone"
    return import_check(log=log).status


@task()
def import_write_task(log_id: int) -> str:
    log = ImportLog.objects.filter(pk=log_id, status=ImportLog.Status.IMPORTING).first()
    if log is None:
        return "gone"
    return import_write(log=log).status
