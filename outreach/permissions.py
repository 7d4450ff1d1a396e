"""Who may write to groups: coordinators (the Coordinators group holds the permissions, see
accounts/roles.py) and the superuser. Reviewers, SMEs, companies and mentors never."""

SEND_PERMISSION = "outreach.send_groupmessage"


def can_send_group_message(user) -> bool:
    return bool(user.is_authenticated and user.is_staff and user.has_perm(SEND_PERMISSION))
