from django import template

from coproduce.budgets.models import money

register = template.Library()


@register.filter
def gbp(amount):
    """Exact pounds: "£1,234.50"; "" for nothing."""
    return "" if amount is None else money(amount)
