from coproduce.tests.authorisation import only

STAFF = ("administrator", "lead", "staff", "finance")


def sample_objects(people):
    from coproduce.learning.models import Module

    module = Module.objects.create(
        title="What co-production means",
        description="The ladder of co-production and what equal partnership looks like.",
        content="Co-production means sharing power from the start.",
        required_for=["lead", "staff"],
        created_by=people["lead"],
    )
    return {"learning_module": module}


def module(f):
    return {"pk": f["learning_module"].pk}


ROWS = {
    "learning:module_list": only(*STAFF, "coproducer"),
    "learning:module_create": only("lead"),
    "learning:module_detail": only(*STAFF, "coproducer", kwargs=module),
    "learning:module_edit": only("lead", kwargs=module),
    "learning:module_progress": only("administrator", "lead", kwargs=module),
}
