"""Staff roles are Django groups. The data migration creates them; their permissions are synced
after every migrate, because a later app's permissions only exist once that app is migrated."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.sites.models import Site

REVIEWERS = "Reviewers"
COORDINATORS = "Coordinators"

# "app_label.codename" of each group's permissions. Feature issues add theirs here.
GROUP_PERMISSIONS: dict[str, list[str]] = {
    REVIEWERS: [
        "accounts.view_organisation",
        "practices.view_call",
        "practices.view_callquestion",
        "practices.view_practice",
        "practices.change_practice",  # the review actions and the public version
        "practices.view_review",
        "practices.add_review",
        "practices.change_review",
        "practices.view_detailrequest",
        "practices.view_practicetransition",
        "practices.view_practicerevision",
        "practices.view_event",
        "practices.view_eventinvitation",
        "practices.view_reviewassignment",  # their own (practices/admin/conflicts.py)
        "practices.view_reviewconflict",  # their own
        "practices.add_reviewconflict",  # they declare their conflicts of interest
    ],
    COORDINATORS: [
        "accounts.view_user",
        "accounts.view_organisation",
        "accounts.change_organisation",
        "accounts.view_membership",
        "accounts.add_membership",
        "accounts.change_membership",
        "accounts.delete_membership",
        "accounts.view_invitation",
        "notifications.view_notification",
        "notifications.change_notification",  # the "send again" action
        "notifications.view_preference",
        "practices.view_call",
        "practices.add_call",
        "practices.change_call",
        "practices.view_callquestion",  # a call's questions, in its admin page (#19)
        "practices.add_callquestion",
        "practices.change_callquestion",
        "practices.delete_callquestion",  # one without answers (the others are hidden)
        "practices.view_practice",
        "practices.change_practice",
        "practices.view_review",
        "practices.view_detailrequest",
        "practices.view_practicetransition",
        "practices.view_practicerevision",
        "practices.view_deadlineextension",
        "practices.add_deadlineextension",
        "practices.change_deadlineextension",
        "practices.view_event",
        "practices.add_event",
        "practices.change_event",
        "practices.view_eventinvitation",
        "practices.add_eventinvitation",
        "practices.view_reviewassignment",
        "practices.add_reviewassignment",  # assign by hand or for a whole call (services)
        "practices.delete_reviewassignment",  # take a practice back (services.review_unassign)
        "practices.view_reviewconflict",  # everyone's
        "practices.add_reviewconflict",  # their own
        "practices.delete_reviewconflict",  # withdraw one, at the reviewer's request
        "practices.view_contactmessage",
        "practices.view_topic",
        "practices.view_trainingtool",
        "volunteers.view_pledge",
        "volunteers.change_pledge",  # approve, reject, complete (through the workflow service)
        "volunteers.view_pledgetransition",
        "volunteers.view_mentorprofile",
        "volunteers.change_mentorprofile",  # approve or turn down a mentor
        "volunteers.view_mentorskill",
        "volunteers.view_mentorinvitation",
        "volunteers.view_confidentialityagreement",
        "volunteers.add_confidentialityagreement",  # a new version, through agreement_publish
        "matching.view_needsprofile",
        "matching.view_skillgap",
        "matching.view_scoringsettings",
        "matching.change_scoringsettings",
        "matching.view_matchrun",
        "matching.add_matchrun",  # start a run
        "matching.view_proposal",
        "matching.change_proposal",  # release, remove, change the mentor of a draft
        "matching.view_proposallog",
        "matching.view_partnership",
        "matching.view_checkin",
        "matching.view_feedback",
        "outreach.view_groupmessage",  # writing to a group: compose, preview, send (once)
        "outreach.add_groupmessage",
        "outreach.change_groupmessage",  # a draft only: a sent message is read-only
        "outreach.delete_groupmessage",  # a draft only
        "outreach.send_groupmessage",
        "outreach.view_groupmessagerecipient",
    ],
}


def sync_group_permissions(sender=None, **kwargs) -> None:
    """Give each staff group exactly the permissions listed above (idempotent)."""
    for group_name, perms in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        wanted = []
        for dotted in perms:
            app_label, codename = dotted.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:  # an app not migrated yet gets its turn on its own migrate
                wanted.append(perm)
        group.permissions.set(wanted)


def sync_site(sender=None, **kwargs) -> None:
    """The Site row names the portal in allauth's emails: keep it equal to SITE_URL/SITE_NAME
    (a post_migrate handler rather than a data migration, since test flushes reset it)."""
    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": settings.SITE_NAME},
    )
