"""One way to write (decision 0024): views validate input and call a use case in their
app's `actions.py`, which writes in one transaction and keeps the history. This reads
every views module and fails on any call that writes to the database from a view."""

import ast
from pathlib import Path

import coproduce

PACKAGE = Path(coproduce.__file__).parent

# Methods that write: on a model, a queryset or manager, a related manager, or a ModelForm.
WRITES = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "set",
    "add",
    "remove",
    "clear",
    "asave",
    "acreate",
    "aupdate",
    "adelete",
    "abulk_create",
    "abulk_update",
    "aget_or_create",
    "aupdate_or_create",
    "aset",
    "aadd",
    "aremove",
    "aclear",
}

# No view calls a method of these names on anything but the database (the session,
# messages and responses use other names), so nothing is allowed: a call that truly is not
# a model write would need an exception here with the reason beside it.


def views_modules():
    """Every `views.py`, and every module of a `views/` package, in every app."""
    found = set(PACKAGE.glob("*/views.py")) | set(PACKAGE.glob("*/views/*.py"))
    return sorted(found)


def writes_in(source, filename="<views>"):
    """(line, call) for every call in the source of a method that writes."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITES
        ):
            found.append((node.lineno, ast.unparse(node.func)))
    return found


def test_the_check_reads_the_views_of_every_app_with_pages():
    apps_with_views = {path.relative_to(PACKAGE).parts[0] for path in views_modules()}
    apps_with_pages = {path.parent.name for path in PACKAGE.glob("*/urls.py")}
    assert apps_with_pages <= apps_with_views


def test_no_view_writes_to_the_database():
    problems = [
        f"{path.relative_to(PACKAGE)}:{line} calls {call}()"
        for path in views_modules()
        for line, call in writes_in(path.read_text(), str(path))
    ]
    assert not problems, (
        "Views validate input and call a use case in the app's actions.py, which writes "
        "in one transaction (decision 0024). Move these writes into an action:\n"
        + "\n".join(problems)
    )


def test_the_check_finds_each_kind_of_write():
    source = """
def view(request, form, meeting, Venue):
    form.save()
    meeting.save(update_fields=["title"])
    Venue.objects.create(name="Hall")
    Venue.objects.filter(pk=1).update(name="Hall")
    meeting.breaks.all().delete()
    Venue.objects.get_or_create(name="Hall")
    meeting.tags.set([])
    meeting.tags.add(1)
    request.user.save()
"""
    assert [line for line, _ in writes_in(source)] == [3, 4, 5, 6, 7, 8, 9, 10, 11]


def test_reading_is_not_a_write():
    source = """
def view(request, Venue):
    venues = Venue.objects.filter(active=True).order_by("name")
    return render(request, "venues.html", {"venues": venues, "count": venues.count()})
"""
    assert writes_in(source) == []
