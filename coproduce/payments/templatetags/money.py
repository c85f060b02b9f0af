from django import template

from coproduce.payments.models import pounds as as_pounds

register = template.Library()


@register.filter
def pounds(pence):
    """Whole pence shown as pounds: 1250 -> £12.50."""
    return as_pounds(pence if pence is None else int(pence))
