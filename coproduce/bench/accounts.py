"""The accounts the load test signs in with, and the objects each journey visits."""

from allauth.account.models import EmailAddress
from django.db.models import Q

from coproduce.accounts.models import Role, RoleAssignment, User
from coproduce.opportunities.models import Opportunity
from coproduce.projects.models import Project, TeamMember

ACCOUNTS = {
    "staff": "bench-staff@example.org",
    "coproducer": "bench-coproducer@example.org",
}


def create_accounts(password, rng):
    """Bench accounts with a real password; the co-producer joins a handful of projects."""
    accounts = {}
    for role, email in ACCOUNTS.items():
        user, _ = User.objects.get_or_create(email=email, defaults={"name": f"Bench {role}"})
        user.set_password(password)
        user.save()
        RoleAssignment.objects.get_or_create(user=user, role=role)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        accounts[role] = user
    projects = list(Project.objects.values_list("pk", flat=True))
    for project_id in rng.sample(projects, min(8, len(projects))):
        TeamMember.objects.get_or_create(
            project_id=project_id,
            person=accounts["coproducer"],
            defaults={"kind": "coproducer", "role": "Member"},
        )
    return accounts


def journey_objects(accounts, rng, per_kind=50):
    """Sample ids for the detail pages each journey visits."""
    coproducer = accounts["coproducer"]
    visible = Project.objects.filter(
        Q(visibility=Project.Visibility.PUBLIC) | Q(team__person=coproducer)
    ).distinct()

    def sample(queryset):
        ids = list(queryset.values_list("pk", flat=True)[:5000])
        return rng.sample(ids, min(per_kind, len(ids)))

    return {
        "staff": {
            "project": sample(Project.objects.all()),
            "person": sample(User.objects.filter(role_assignments__role=Role.COPRODUCER)),
            "opportunity": sample(Opportunity.objects.all()),
        },
        "coproducer": {
            "project": sample(visible),
            "opportunity": sample(Opportunity.objects.filter(status=Opportunity.Status.OPEN)),
        },
    }
