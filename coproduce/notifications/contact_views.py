"""Staff pages for contact tasks: who to phone, text or write to, a small form per task
for what happened, and the letters batch as one PDF to print."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required
from coproduce.people.contact_details import address_lines

from . import contact_tasks, letters
from .channels import message_for
from .contact_forms import OutcomeForm
from .models import ContactTask

PERMISSION = "notifications.work_contact_tasks"


def _task(pk):
    return get_object_or_404(ContactTask, pk=pk)


def _page(request, failed=None):
    tasks = list(contact_tasks.open_tasks())
    rows = []
    for task in tasks:
        subject, text = message_for(task.delivery)
        profile = getattr(task.person, "profile", None)
        rows.append(
            {
                "task": task,
                "form": failed if failed and failed.task.pk == task.pk else OutcomeForm(task=task),
                "problem": contact_tasks.problem(task),
                "phone": contact_tasks.phone_to_use(task),
                "address": address_lines(profile.address) if profile else [],
                "subject": subject,
                "text": text,
                "best_times": profile.best_times if profile else "",
            }
        )
    groups = [
        (method, label, [row for row in rows if row["task"].method == method])
        for method, label in (
            (ContactTask.Method.PHONE, gettext("People to phone")),
            (ContactTask.Method.TEXT, gettext("People to text")),
            (ContactTask.Method.LETTER, gettext("Letters to print and post")),
        )
    ]
    _batch, printable = contact_tasks.letters_batch(tasks)
    return render(
        request,
        "notifications/contact_tasks.html",
        {
            "groups": groups,
            "printable": printable,
            "done": contact_tasks.recently_done(),
            "form": failed,
        },
    )


@permission_required(PERMISSION)
def contact_task_list(request):
    return _page(request)


@permission_required(PERMISSION)
@require_POST
def claim(request, pk):
    task = _task(pk)
    if contact_tasks.claim(task=task, by=request.user):
        messages.success(
            request, gettext("You are doing this one: %(person)s.") % {"person": task.person}
        )
    else:
        messages.info(
            request,
            gettext("Someone has done this one already: %(person)s.") % {"person": task.person},
        )
    return redirect(reverse("notifications:contact_tasks") + f"#task-{task.pk}")


@permission_required(PERMISSION)
@require_POST
def record_outcome(request, pk):
    task = _task(pk)
    form = OutcomeForm(request.POST, task=task)
    if not form.is_valid():
        return _page(request, failed=form)
    done = contact_tasks.record_outcome(
        task=task,
        outcome=form.cleaned_data["outcome"],
        notes=form.cleaned_data["notes"],
        by=request.user,
    )
    if done:
        outcome = ContactTask.Outcome(form.cleaned_data["outcome"]).label
        messages.success(
            request,
            gettext("Saved for %(person)s: %(outcome)s.")
            % {"person": task.person, "outcome": outcome},
        )
    else:
        messages.info(
            request,
            gettext("Someone has done this one already: %(person)s.") % {"person": task.person},
        )
    return redirect("notifications:contact_tasks")


@permission_required(PERMISSION)
def letters_pdf(request):
    batch, _tasks = contact_tasks.letters_batch(
        contact_tasks.open_tasks().filter(method=ContactTask.Method.LETTER)
    )
    if not batch:
        messages.info(request, gettext("There are no letters to print."))
        return redirect("notifications:contact_tasks")
    today = timezone.localdate()
    pdf = letters.pdf(
        batch, title=gettext("Letters to post, %(date)s") % {"date": date_format(today, "j F Y")}
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letters-{today:%Y-%m-%d}.pdf"'
    return response


@permission_required(PERMISSION)
@require_POST
def letters_posted(request):
    ids = [
        value
        for value in request.POST.getlist("task")
        if value.isascii() and value.isdigit() and len(value) < 19
    ]
    posted = contact_tasks.mark_posted(task_ids=[int(value) for value in ids], by=request.user)
    if posted:
        messages.success(
            request,
            ngettext("Saved: %(n)s letter posted.", "Saved: %(n)s letters posted.", posted)
            % {"n": posted},
        )
    else:
        messages.info(request, gettext("Those letters were recorded already."))
    return redirect("notifications:contact_tasks")
