"""Demo API tokens: the administrator's organisation token for council reporting
(figures and public content) and Chris's personal token for their own details, so each
sees a token listed with its expiry and a revoke button, and a webhook for the finance
system (claims approved and paid, batches paid) that the administrator can see. The secrets are not shown: as
for every token, they were shown once, when made. Safe to run again."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User

from . import actions
from .models import ApiToken, WebhookEndpoint

# Nothing listens here: the demo shows an endpoint and its delivery log without sending
# anything off the machine.
DEMO_HOOK = "https://127.0.0.1:9/coproduce-demo/finance"

COUNCIL = "Council reporting (demo)"
CALENDAR = "My own details (demo)"


def load(log):
    admin = User.objects.filter(email="admin@example.org").first()
    chris = User.objects.filter(email="coproducer@example.org").first()
    expires_at = timezone.now() + timedelta(days=90)
    if admin and not ApiToken.objects.filter(name=COUNCIL).exists():
        actions.create_organisation_token(
            by=admin, name=COUNCIL, scopes=["public", "figures"], expires_at=expires_at
        )
        log("API: an organisation token for council reporting")
    if chris and not ApiToken.objects.filter(name=CALENDAR).exists():
        actions.create_personal_token(
            person=chris, name=CALENDAR, scopes=["own_data"], expires_at=expires_at
        )
        log("API: Chris's personal token")
    if admin and not WebhookEndpoint.objects.filter(url=DEMO_HOOK).exists():
        actions.register_webhook(
            by=admin, url=DEMO_HOOK, events=["claim.approved", "claim.paid", "batch.paid"]
        )
        log("API: a webhook for the finance system")
