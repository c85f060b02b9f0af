"""A page that fails, for the error-report test: it reads special category data from the
form and names the signed-in person in its error, as a careless bug might."""

from django.urls import path


def broken(request):
    passport = request.POST.get("passport")
    raise RuntimeError(f"Could not save {passport!r} for {request.user.email}")


urlpatterns = [path("broken/", broken)]
