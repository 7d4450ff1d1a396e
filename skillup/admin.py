"""Admin pieces the apps share."""


class ReadOnlyAdminMixin:
    """A record nobody adds, changes or deletes in the admin (consents, visitors' messages,
    invitations sent, reference data): those with the view permission read it. For a ModelAdmin
    or an inline (whose has_add_permission also takes the parent object)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
