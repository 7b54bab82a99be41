"""Background work of exports: building the file of a large list export."""

from django_tasks import task

from ..models import ExportJob
from .export_jobs import export_job_build


@task()
def export_job_build_task(job_id: int) -> str:
    job = ExportJob.objects.select_related("user").filter(pk=job_id).first()
    if job is None:
        return "gone"
    return export_job_build(job=job).status
