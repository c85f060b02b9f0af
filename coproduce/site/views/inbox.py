"""Messages sent through the contact form."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import MessageStatusForm
from ..models import ContactMessage, MessageStatus


@permission_required("site.view_inbox")
def inbox(request):
    status = request.GET.get("status", "open")
    messages_qs = ContactMessage.objects.all()
    if status == "open":
        messages_qs = messages_qs.exclude(status=MessageStatus.CLOSED)
    elif status in MessageStatus.values:
        messages_qs = messages_qs.filter(status=status)
    else:
        status = "all"
    page = Paginator(messages_qs, 25).get_page(request.GET.get("page"))
    filters = [("open", _("Not answered yet")), *MessageStatus.choices, ("all", _("All"))]
    return render(
        request,
        "site/manage/inbox.html",
        {"page": page, "status": status, "filters": filters, "querystring": f"status={status}"},
    )


@permission_required("site.view_inbox")
def inbox_detail(request, pk):
    contact = get_object_or_404(ContactMessage, pk=pk)
    form = MessageStatusForm(request.POST or None, instance=ContactMessage.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        actions.set_message_status(
            contact=contact,
            status=form.cleaned_data["status"],
            notes=form.cleaned_data["notes"],
            user=request.user,
        )
        messages.success(request, _("The message's status is saved."))
        return redirect("site:inbox")
    return render(request, "site/manage/inbox_detail.html", {"contact": contact, "form": form})
