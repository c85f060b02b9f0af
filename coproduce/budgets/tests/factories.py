from coproduce.budgets.models import SupportService


def support_service(slug):
    """An access support service the first migration adds (tests that empty the database
    between them remove its rows, so it is added again here when missing)."""
    names = {
        "bsl-interpreter": ("British Sign Language (BSL) interpreter", "hour"),
        "live-captioner": ("Live captioner (speech to text)", "hour"),
        "easy-read": ("Easy Read production", "page"),
    }
    name, unit = names[slug]
    service, _created = SupportService.objects.get_or_create(
        slug=slug, defaults={"name": name, "unit": unit}
    )
    return service
