"""The skill taxonomy in the admin: read-only for every staff member (the data is public and
comes from matching/fixtures/taxonomy.json; change the file, not the rows)."""

from django.contrib import admin

from .models import Framework, Skill


class ReadOnlyForStaffAdmin(admin.ModelAdmin):
    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyForStaffAdmin):
    list_display = ["name", "key", "version", "licence", "position"]
    search_fields = ["name", "key"]
    fields = [
        "key",
        "name",
        "version",
        "publisher",
        "source_url",
        "citation",
        "licence",
        "attribution",
        "position",
    ]


@admin.register(Skill)
class SkillAdmin(ReadOnlyForStaffAdmin):
    list_display = ["code", "title", "framework", "parent", "is_area"]
    list_filter = ["framework", "is_area"]
    search_fields = ["code", "title"]
    list_select_related = ["framework", "parent"]
    fields = ["framework", "code", "title", "parent", "is_area", "position"]
