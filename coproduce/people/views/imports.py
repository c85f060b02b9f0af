"""Importing people from a spreadsheet: upload, choose columns, preview, progress."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from coproduce.lib.views import permission_required

from .. import actions, importing
from ..forms import UploadForm
from ..models import ImportJob
from .common import posted


@permission_required("people.import_people")
def import_start(request):
    form = UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            headers, rows = importing.read_spreadsheet(upload)
        except importing.SpreadsheetError as error:
            form.add_error("file", str(error))
        else:
            job = actions.start_import(
                uploaded_by=request.user,
                filename=upload.name,
                headers=headers,
                rows=rows,
                mapping=importing.guess_mapping(headers),
            )
            return redirect("people:import_columns", pk=job.pk)
    jobs = ImportJob.objects.select_related("uploaded_by").defer("rows")[:20]
    return render(request, "people/import_start.html", {"form": form, "jobs": jobs})


@permission_required("people.import_people")
def import_columns(request, pk):
    job = get_object_or_404(
        ImportJob, pk=pk, status__in=[ImportJob.Status.MAPPING, ImportJob.Status.READY]
    )
    form = importing.MappingForm(posted(request), headers=job.headers, initial=job.mapping)
    if request.method == "POST" and form.is_valid():
        actions.map_import_columns(
            job=job,
            mapping={field: value for field, value in form.cleaned_data.items() if value},
        )
        return redirect("people:import_preview", pk=job.pk)
    return render(request, "people/import_columns.html", {"form": form, "job": job})


@permission_required("people.import_people")
def import_preview(request, pk):
    job = get_object_or_404(ImportJob, pk=pk)
    if job.status == ImportJob.Status.MAPPING:
        return redirect("people:import_columns", pk=job.pk)
    if job.status != ImportJob.Status.READY:
        return redirect("people:import_progress", pk=job.pk)
    if request.method == "POST":
        importing.start(job)
        return redirect("people:import_progress", pk=job.pk)
    sample, problem_rows = importing.preview(job)
    return render(
        request,
        "people/import_preview.html",
        {
            "job": job,
            "sample": sample,
            "problem_rows": problem_rows,
            "good_rows": job.total - problem_rows,
            "fields": importing.FIELDS,
        },
    )


@permission_required("people.import_people")
def import_progress(request, pk):
    job = get_object_or_404(ImportJob.objects.defer("rows"), pk=pk)
    page = Paginator(job.errors, 100).get_page(request.GET.get("page"))
    return render(request, "people/import_progress.html", {"job": job, "page": page})
