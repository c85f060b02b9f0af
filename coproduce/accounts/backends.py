"""Password sign-in backends that take no permissions from Django's permission tables.

Every permission in Coproduce comes from a person's roles through the rules
(`rules.permissions.ObjectPermissionBackend`); nobody is granted a permission row. Django's
own backends still asked the two permission tables whenever the rules said no, which cost
two queries on most pages (issue 15). Superusers keep Django's answer (everything), so the
Django admin works as before."""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend


class RolesOnlyPermissions:
    """For a non-superuser, no permissions from the tables: the rules decide."""

    def get_user_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if getattr(user_obj, "is_superuser", False):
            return super().get_user_permissions(user_obj, obj)  # type: ignore[misc]
        return set()

    def get_group_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if getattr(user_obj, "is_superuser", False):
            return super().get_group_permissions(user_obj, obj)  # type: ignore[misc]
        return set()


class PasswordBackend(RolesOnlyPermissions, ModelBackend):
    """Django's password sign-in (the admin's form)."""


class EmailPasswordBackend(RolesOnlyPermissions, AuthenticationBackend):
    """django-allauth's sign-in by email address and password."""
