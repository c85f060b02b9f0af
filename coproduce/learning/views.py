from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib import changes
from coproduce.lib.views import permission_required

from . import actions
from .forms import CompletionForm, ModuleForm
from .models import Completion, Module
from .progress import progress_counts, progress_for


@permission_required("learning.view_modules")
def module_list(request):
    sees_progress = request.user.has_perm("learning.view_progress")
    modules = Module.objects.all() if sees_progress else Module.objects.filter(active=True)
    modules = list(modules)
    mine = {
        c.module_id: c for c in Completion.objects.filter(person=request.user, module__in=modules)
    }
    progress = {}
    if sees_progress:  # counted over everyone who must take them: kept until a change
        ids = ",".join(str(module.pk) for module in modules)
        progress = changes.kept(f"learning-progress:{ids}", lambda: progress_counts(modules))
    today = timezone.localdate()
    for module in modules:
        module.mine = mine.get(module.pk)
        module.required = module.is_required_for(request.user)
        module.overdue_for_me = (
            module.required
            and module.mine is None
            and module.complete_by
            and module.complete_by < today
        )
        module.progress = progress.get(module.pk)
    return render(
        request,
        "learning/module_list.html",
        {
            "modules": modules,
            "manages": request.user.has_perm("learning.manage_modules"),
            "sees_progress": sees_progress,
        },
    )


@permission_required("learning.manage_modules")
def module_create(request):
    form = ModuleForm(request.POST or None, initial={"required_for": ["lead", "staff"]})
    if request.method == "POST" and form.is_valid():
        module = actions.save_module(form=form, by=request.user)
        messages.success(request, gettext("Module “%(module)s” saved.") % {"module": module.title})
        return redirect(module)
    return render(request, "learning/module_form.html", {"form": form})


@permission_required("learning.manage_modules")
def module_edit(request, pk):
    module = get_object_or_404(Module, pk=pk)
    form = ModuleForm(request.POST or None, instance=module)
    if request.method == "POST" and form.is_valid():
        actions.save_module(form=form, by=request.user)
        messages.success(request, _("Module saved."))
        return redirect(module)
    return render(request, "learning/module_form.html", {"form": form, "module": module})


@permission_required("learning.view_modules")
def module_detail(request, pk):
    module = get_object_or_404(Module, pk=pk)
    if not module.active and not request.user.has_perm("learning.manage_modules"):
        raise PermissionDenied
    mine = Completion.objects.filter(module=module, person=request.user).first()
    form = CompletionForm(request.POST or None, instance=mine)
    if request.method == "POST":
        if not request.user.has_perm("learning.record_own"):
            raise PermissionDenied
        if form.is_valid():
            actions.record_completion(
                module=module,
                person=request.user,
                completed_on=form.cleaned_data["completed_on"],
                reflection=form.cleaned_data["reflection"].strip(),
                recorded_by=request.user,
            )
            messages.success(
                request,
                gettext("Thank you. “%(module)s” is marked as done.") % {"module": module.title},
            )
            return redirect("learning:module_list")
    return render(
        request,
        "learning/module_detail.html",
        {
            "module": module,
            "mine": mine,
            "form": form,
            "required": module.is_required_for(request.user),
            "manages": request.user.has_perm("learning.manage_modules"),
            "sees_progress": request.user.has_perm("learning.view_progress"),
        },
    )


@permission_required("learning.view_progress")
def module_progress(request, pk):
    module = get_object_or_404(Module, pk=pk)
    (progress,) = progress_for([module], records=True)
    overdue = {person.pk for person in progress.overdue()}
    return render(
        request,
        "learning/module_progress.html",
        {
            "module": module,
            "progress": progress,
            "overdue": overdue,
            "rows": [
                (person, progress.done.get(person.pk), person.pk in overdue)
                for person in progress.required
            ],
        },
    )
