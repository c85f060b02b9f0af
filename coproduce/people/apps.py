from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "coproduce.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import figures, rules  # noqa: F401  (registers permissions and figures)

        register(NavItem("Your profile", "people:my_profile", "people.view_own", order=10))
        register(NavItem("People", "people:person_list", "people.list_people", order=20))
