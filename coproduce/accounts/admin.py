from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Invitation, RoleAssignment, User

# The admin's own password form knows nothing of two-factor authentication, email
# verification or sign-in throttling; people sign in to it through allauth like anywhere else.
admin.site.login = secure_admin_login(admin.site.login)


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    extra = 0


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin):
    list_display = ("email", "name", "is_active", "is_superuser")
    search_fields = ("email", "name")
    exclude = ("password",)
    inlines = [RoleInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "name", "created_at", "accepted_at", "cancelled_at")
