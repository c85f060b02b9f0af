from datetime import timedelta

from django.utils import timezone

from coproduce.opportunities.models import Opportunity


def make_opportunity(*, created_by=None, project=None, **fields):
    defaults = {
        "title": "Co-chair of the transport group",
        "summary": "Chair four meetings with a staff co-chair, and help decide what the group works on.",
        "time_commitment": "Four two-hour meetings between March and May",
        "payment_offered": "£25 an hour, travel and personal assistant costs paid",
        "place": Opportunity.Place.HYBRID,
        "location": "Community hall, Station Road",
        "venue_accessibility": "Step-free entrance, accessible toilet, hearing loop, quiet room.",
        "topics": "transport, buses",
        "places_available": 2,
        "closing_on": timezone.localdate() + timedelta(days=14),
        "other_ways_to_apply": "Email or phone us, or ask someone to tell us for you.",
        "status": Opportunity.Status.OPEN,
    }
    return Opportunity.objects.create(
        created_by=created_by, project=project, **{**defaults, **fields}
    )
