import factory
from allauth.account.models import EmailAddress

from coproduce.accounts.models import RoleAssignment, User

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            RoleAssignment.objects.create(user=self, role=role)
        self.save()
        EmailAddress.objects.get_or_create(
            user=self, email=self.email, defaults={"verified": True, "primary": True}
        )
