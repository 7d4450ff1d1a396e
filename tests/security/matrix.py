"""The role x URL permission matrix (issue #7, S-19/S-20), as a table the security tests share.

Every URL pattern of the project has exactly one row in ROWS: how to fill its arguments from the
portal of tests/security/conftest.py, and the status a GET returns for each role. The table is
written from what the portal promises, not copied from what it does:

- public pages (home, practices, calls, pledges, skills, feeds, sitemaps, open data) are 200 for
  everyone;
- anything personal needs a login (302 to the log-in page for anonymous visitors);
- confidential objects are a 404 for whoever may not see them (an SME's submissions and needs,
  proposals and partnerships, mentor profiles, company pages, drafts of pledges), so ids reveal
  nothing (pretalx's 404-on-deny);
- the admin sends everyone who is not staff to its log-in page (302); reviewers get 403 on what
  only coordinators handle; coordinators and the superuser work there.

test_permission_matrix.py checks every row for every role; test_canary.py walks the pages the
table says each person may open.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests.security.conftest import MATRIX_ROLES, Portal

LOGIN = "login"  # a 302 to the portal's or the admin's log-in page
STAFF_ROLES = ("reviewer", "coordinator", "superuser")


# --------------------------------------------------------------------------------------------
# How a row fills its URL
# --------------------------------------------------------------------------------------------
def _ref(portal: Portal, ref):
    return ref(portal) if callable(ref) else getattr(portal, ref)


def person(role: str):
    return lambda portal: portal.people[role]


def NONE(portal: Portal) -> dict:  # reads like a constant in the table
    return {}


def kw(**values) -> Callable[[Portal], dict]:
    return lambda portal: values


def pk(ref, name: str = "pk") -> Callable[[Portal], dict]:
    return lambda portal: {name: _ref(portal, ref).pk}


def slug(ref) -> Callable[[Portal], dict]:
    return lambda portal: {"slug": _ref(portal, ref).slug}


def token(ref) -> Callable[[Portal], dict]:
    return lambda portal: {"token": _ref(portal, ref).token}


def obj(ref) -> Callable[[Portal], dict]:
    """An admin object URL: its object_id."""
    return lambda portal: {"object_id": _ref(portal, ref).pk}


def at(template: str, ref) -> Callable[[Portal], str]:
    """A pattern without a name (the admin's redirects): the path itself."""
    return lambda portal: "/" + template.format(_ref(portal, ref).pk)


def _unsubscribe(portal: Portal) -> dict:
    from notifications.services import unsubscribe_token

    return {"token": unsubscribe_token(email=portal.people["sme_member"].email, kind="reminder")}


def _confirm_email(portal: Portal) -> dict:
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    address = EmailAddress.objects.create(
        user=portal.people["outsider"], email="second.address@example.eu", verified=False
    )
    return {"key": EmailConfirmationHMAC(address).key}


def _reset_key(portal: Portal) -> dict:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    user = portal.people["outsider"]
    return {"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)}


def _content_type(portal: Portal) -> dict:
    from django.contrib.contenttypes.models import ContentType

    practice = portal.published
    return {
        "content_type_id": ContentType.objects.get_for_model(practice).pk,
        "object_id": practice.pk,
    }


def _group_message(portal: Portal):
    """A draft to the SMEs looking for a mentor (its preview names the SME's admins)."""
    from outreach.models import GroupMessage

    return GroupMessage.objects.create(
        segment="needs", subject_en="Programme news", body_en="Hello from SkillUp."
    )


def _group_message_recipient(portal: Portal):
    """One person a sent message went to (the approved mentor)."""
    from django.utils import timezone

    from outreach.models import GroupMessage, GroupMessageRecipient

    message = GroupMessage.objects.create(
        segment="mentors", subject_en="Sent news", body_en="Hello.", sent_at=timezone.now()
    )
    return GroupMessageRecipient.objects.create(
        message=message, user=portal.people["mentor"], language="en"
    )


def _assignment(portal: Portal) -> dict:
    """The reviewer's assignment to the shortlisted practice (made in the test's savepoint)."""
    from practices.models import ReviewAssignment

    assignment, _ = ReviewAssignment.objects.get_or_create(
        practice=portal.shortlisted, reviewer=portal.people["reviewer"]
    )
    return {"object_id": assignment.pk}


def _conflict(portal: Portal) -> dict:
    """A conflict the reviewer declared with the other SME (Atelier's practices stay theirs)."""
    from practices.models import ReviewConflict

    conflict, _ = ReviewConflict.objects.get_or_create(
        reviewer=portal.people["reviewer"],
        organisation=portal.other_sme,
        defaults={"reason": "I advised them."},
    )
    return {"object_id": conflict.pk}


def _dataset_file(portal: Portal) -> dict:
    """The open datasets generated from the portal as it is now (into the test run's
    OPEN_DATA_ROOT): the practices' CSV file, which the canary crawl then reads."""
    from opendata.datasets import regenerate

    regenerate()
    return {"name": "practices.csv"}


def _admin_path(template: str, fill) -> Callable[[Portal], str]:
    return lambda portal: "/" + template.format(fill(portal)["object_id"])


# --------------------------------------------------------------------------------------------
# Expected statuses
# --------------------------------------------------------------------------------------------
def everyone(status) -> dict:
    return dict.fromkeys(MATRIX_ROLES, status)


def expect(default, **per_role) -> dict:
    unknown = per_role.keys() - set(MATRIX_ROLES)
    assert not unknown, unknown
    return {role: per_role.get(role, default) for role in MATRIX_ROLES}


def admin(reviewer, coordinator, superuser) -> dict:
    """An admin page: everyone who is not staff is sent to the admin's log-in page."""
    return expect(LOGIN, reviewer=reviewer, coordinator=coordinator, superuser=superuser)


@dataclass(frozen=True)
class Row:
    fill: Callable[[Portal], dict | str]
    expect: dict


ROWS: dict[str, Row] = {
    # ---------------------------------------------------------------- portal-wide
    "home": Row(NONE, everyone(200)),
    "dashboard": Row(NONE, expect(200, anonymous=LOGIN)),
    "sitemap_index": Row(NONE, everyone(200)),
    "sitemap_section": Row(kw(section="practices"), everyone(200)),
    # ---------------------------------------------------------------- open data (#17)
    "opendata:datasets": Row(NONE, everyone(200)),
    "opendata_catalog": Row(NONE, everyone(200)),
    "opendata_file": Row(_dataset_file, everyone(200)),
    # ---------------------------------------------------------------- the open-data API (#17)
    # anonymous and read-only: the same answer for everyone (no session is read); a practice or
    # pledge that is not public is a 404 (tests/api)
    "api:practice_list": Row(NONE, everyone(200)),
    "api:practice_detail": Row(slug("published"), everyone(200)),
    "api:call_list": Row(NONE, everyone(200)),
    "api:pledge_list": Row(NONE, everyone(200)),
    "api:pledge_detail": Row(slug("pledge"), everyone(200)),
    "api:taxonomy": Row(NONE, everyone(200)),
    "api:figures": Row(NONE, everyone(200)),
    "api:schema": Row(NONE, everyone(200)),
    "api:docs": Row(NONE, everyone(200)),
    # ---------------------------------------------------------------- allauth
    # a person already logged in is sent on to the dashboard
    "account_login": Row(NONE, expect(302, anonymous=200)),
    "account_signup": Row(NONE, expect(302, anonymous=200)),
    # GET asks "log out?"; nobody to log out: back home
    "account_logout": Row(NONE, expect(200, anonymous=302)),
    "account_inactive": Row(NONE, everyone(200)),
    "account_reauthenticate": Row(NONE, expect(200, anonymous=LOGIN)),
    "account_email": Row(NONE, expect(200, anonymous=LOGIN)),
    "account_email_verification_sent": Row(NONE, everyone(200)),
    # the signed key is the capability; GET only shows a button (ACCOUNT_CONFIRM_EMAIL_ON_GET)
    "account_confirm_email": Row(_confirm_email, everyone(200)),
    # log-in by code is not enabled: nothing to confirm
    "account_confirm_login_code": Row(NONE, expect(302, anonymous=LOGIN)),
    "account_change_password": Row(NONE, expect(200, anonymous=LOGIN)),
    # everyone here has a password already: sent to "change password"
    "account_set_password": Row(NONE, expect(302, anonymous=LOGIN)),
    "account_reset_password": Row(NONE, everyone(200)),
    "account_reset_password_done": Row(NONE, everyone(200)),
    # a valid key goes into the session and the browser to the key-less URL
    "account_reset_password_from_key": Row(_reset_key, everyone(302)),
    "account_reset_password_from_key_done": Row(NONE, everyone(200)),
    # ---------------------------------------------------------------- allauth.mfa
    # 302s: to the re-authentication these pages ask for, or (mfa_authenticate) away from the
    # log-in's second step nobody is in; staff have an authenticator, the others none (404)
    "mfa_index": Row(NONE, expect(200, anonymous=LOGIN)),
    "mfa_authenticate": Row(NONE, expect(302, anonymous=LOGIN)),
    "mfa_reauthenticate": Row(
        NONE, expect(302, anonymous=LOGIN, reviewer=200, coordinator=200, superuser=200)
    ),
    "mfa_activate_totp": Row(NONE, expect(302, anonymous=LOGIN)),
    "mfa_deactivate_totp": Row(
        NONE, expect(404, anonymous=LOGIN, reviewer=302, coordinator=302, superuser=302)
    ),
    "mfa_view_recovery_codes": Row(NONE, expect(404, anonymous=LOGIN)),
    "mfa_generate_recovery_codes": Row(NONE, expect(302, anonymous=LOGIN)),
    "mfa_download_recovery_codes": Row(NONE, expect(404, anonymous=LOGIN)),
    # ---------------------------------------------------------------- privacy (GDPR)
    "privacy_notice": Row(NONE, everyone(200)),
    "accessibility_statement": Row(NONE, everyone(200)),
    # the data download asks for the password again first
    "account_data": Row(NONE, expect(302, anonymous=LOGIN)),
    "account_delete": Row(NONE, expect(200, anonymous=LOGIN)),
    # ---------------------------------------------------------------- organisations (accounts)
    "organisation_create": Row(NONE, expect(200, anonymous=LOGIN)),
    # an organisation's page: its members and coordinators; for anyone else the id is a 404
    "organisation_detail": Row(
        pk("sme"),
        expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200, coordinator=200, superuser=200),
    ),
    # editing and inviting: its admins; those who may see it but not change it get a 403
    # (coordinators change organisations in the admin)
    "organisation_update": Row(
        pk("sme"),
        expect(404, anonymous=LOGIN, sme_member=403, sme_admin=200, coordinator=403, superuser=403),
    ),
    "invitation_create": Row(
        pk("sme"),
        expect(404, anonymous=LOGIN, sme_member=403, sme_admin=200, coordinator=403, superuser=403),
    ),
    # the token in the emailed link is the capability; GET only shows a button
    "invitation_accept": Row(token("invitation"), everyone(200)),
    # ---------------------------------------------------------------- notifications
    "notifications:preferences": Row(NONE, expect(200, anonymous=LOGIN)),
    # the signed token is the capability (RFC 8058 one-click); GET only asks to confirm
    "notifications:unsubscribe": Row(_unsubscribe, everyone(200)),
    # ---------------------------------------------------------------- practices: public
    "practices:call_list": Row(NONE, everyone(200)),
    "practices:call_detail": Row(slug("call"), everyone(200)),
    "practices:practice_list": Row(NONE, everyone(200)),
    "practices:practice_feed": Row(NONE, everyone(200)),
    "practices:practice_detail": Row(slug("published"), everyone(200)),
    "practices:practice_contact": Row(slug("published"), everyone(200)),
    # the Open Graph image the portal draws for a published practice (#15): public
    "practices:practice_og_image": Row(slug("published"), everyone(200)),
    "practices:practice_attachment": Row(pk("published"), everyone(200)),
    # events (#15): a public event's page and calendar file; an event not listed publicly is a
    # 404 for everyone (see the canary test for the practices an event shows)
    "practices:event_list": Row(NONE, everyone(200)),
    "practices:event_detail": Row(slug("event"), everyone(200)),
    "practices:event_calendar": Row(slug("event"), everyone(200)),
    # a file the SME sent to the reviewers: its members and programme staff; a 404 (not a
    # log-in page) for everyone else, anonymous visitors included
    "practices:detail_attachment": Row(
        pk("detail_request"), expect(200, anonymous=404, company_admin=404, mentor=404)
    ),
    # a file the SME sent as its answer to a question of its call (#19): the same people, even
    # for a public question (no public page shows an answer's file)
    "practices:answer_file": Row(
        pk("answer_file"), expect(200, anonymous=404, company_admin=404, mentor=404)
    ),
    # ---------------------------------------------------------------- practices: the SME's
    # only SMEs submit: anyone else gets a page saying so (403); Atelier has a draft of this
    # call, so its people are taken to that draft (302 to its edit page)
    "practices:submission_create": Row(
        slug("call"), expect(403, anonymous=LOGIN, sme_member=302, sme_admin=302)
    ),
    # a submission (here: detail received): the SME's members and programme staff
    "practices:submission_detail": Row(
        pk("shortlisted"),
        expect(
            404,
            anonymous=LOGIN,
            sme_member=200,
            sme_admin=200,
            reviewer=200,
            coordinator=200,
            superuser=200,
        ),
    ),
    # a draft is the SME's own business: a 404 to everyone else, staff included
    # (practices.permissions.can_review_practice)
    "practices:submission_edit": Row(
        pk("draft"), expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200)
    ),
    # actions are POST only
    "practices:submission_submit": Row(pk("draft"), expect(405, anonymous=LOGIN)),
    "practices:submission_withdraw": Row(
        pk("draft"), expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200)
    ),
    # the SME's own forms: its members only (staff read answers in the admin)
    "practices:detail_answer": Row(
        lambda p: {"pk": p.shortlisted.pk, "request_pk": p.detail_request.pk},
        expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200),
    ),
    "practices:public_version_approve": Row(
        pk("selected"), expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200)
    ),
    # taking a published practice down, and publishing it again: pages of its SME's people
    # (its administrators act; a member reads why they may not), a 404 for everyone else
    "practices:submission_take_down": Row(
        pk("published"), expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200)
    ),
    "practices:submission_publish_again": Row(
        pk("published"), expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200)
    ),
    # the one-click acceptance of the open licence (a POST from the dashboard)
    "practices:licence_accept": Row(pk("published"), expect(405, anonymous=LOGIN)),
    "practices:event_rsvp": Row(
        pk("event_invitation"), expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200)
    ),
    # ---------------------------------------------------------------- matchmaking
    "matching:skill_list": Row(NONE, everyone(200)),
    # the needs (with the confidential challenge): the SME's members only; coordinators read
    # them in the admin
    "matching:needs_edit": Row(
        pk("sme"), expect(404, anonymous=LOGIN, sme_member=200, sme_admin=200)
    ),
    "matching:mentoring_home": Row(NONE, expect(200, anonymous=LOGIN)),
    "matching:how_it_works": Row(NONE, everyone(200)),
    # both sides and coordinators; the mentor's company admin and reviewers: 404
    "matching:proposal_detail": Row(
        pk("proposal"),
        expect(
            404,
            anonymous=LOGIN,
            sme_member=200,
            sme_admin=200,
            mentor=200,
            coordinator=200,
            superuser=200,
        ),
    ),
    "matching:partnership_detail": Row(
        pk("partnership"),
        expect(
            404,
            anonymous=LOGIN,
            sme_member=200,
            sme_admin=200,
            mentor=200,
            coordinator=200,
            superuser=200,
        ),
    ),
    # aggregates: coordinators and pledging companies' admins
    "matching:outcomes": Row(
        NONE, expect(404, anonymous=LOGIN, company_admin=200, coordinator=200, superuser=200)
    ),
    # ---------------------------------------------------------------- Digital Volunteers
    "volunteers:pledge_list": Row(NONE, everyone(200)),
    # a draft pledge (another company's) is not revealed to exist; coordinators see it
    "volunteers:pledge_detail": Row(
        slug("draft_pledge"), expect(404, coordinator=200, superuser=200)
    ),
    # a public pledge's badge, embedded on the company's own site: anyone (a draft's is a 404 for
    # everyone, coordinators included: tests/volunteers/test_badge.py); in the canary crawl
    "volunteers:pledge_badge": Row(slug("pledge"), everyone(200)),
    # a company's pages: its admins only; coordinators (and the superuser) get a 404 by design,
    # they work on pledges in the admin (volunteers/views/company.py)
    "volunteers:company_pledge": Row(
        pk("company"), expect(404, anonymous=LOGIN, company_admin=200)
    ),
    # its pledge is approved: no new one, no edit; back to the company's page
    "volunteers:pledge_create": Row(pk("company"), expect(404, anonymous=LOGIN, company_admin=302)),
    "volunteers:pledge_update": Row(pk("company"), expect(404, anonymous=LOGIN, company_admin=302)),
    "volunteers:pledge_move": Row(pk("company"), expect(405, anonymous=LOGIN)),
    "volunteers:mentor_invite": Row(pk("company"), expect(404, anonymous=LOGIN, company_admin=200)),
    # several experts from a CSV: the company's admins, and coordinators for any large company
    # (views/invitations.py); the confirmation is a POST of a signed preview
    "volunteers:mentor_invite_csv": Row(
        pk("company"),
        expect(404, anonymous=LOGIN, company_admin=200, coordinator=200, superuser=200),
    ),
    "volunteers:mentor_invite_csv_confirm": Row(pk("company"), expect(405, anonymous=LOGIN)),
    # mentor profiles are never public: the mentor, the company's admins, coordinators; the
    # SME (even its partner) sees a summary on the proposal, not this page
    "volunteers:mentor_detail": Row(
        pk("mentor"),
        expect(
            404,
            anonymous=LOGIN,
            company_admin=200,
            mentor=200,
            coordinator=200,
            superuser=200,
        ),
    ),
    "volunteers:mentor_profile": Row(NONE, expect(404, anonymous=LOGIN, mentor=200)),
    "volunteers:mentor_invitation_accept": Row(token("mentor_invitation"), everyone(200)),
    # ---------------------------------------------------------------- the admin
    "admin:index": Row(NONE, admin(200, 200, 200)),
    # the programme overview's CSV downloads (#14): coordinators only; the overview itself is on
    # admin:index for coordinators (tests/test_overview.py checks who sees what there)
    "admin_overview_csv": Row(kw(figure="mentoring-funnel"), admin(403, 200, 200)),
    "admin_overview_call_csv": Row(
        lambda portal: {"call_id": portal.call.pk, "figure": "reviews-per-reviewer"},
        admin(403, 200, 200),
    ),
    # allauth's log-in (with its second factor) replaces the admin's; logged in, not staff: 403
    "admin:login": Row(
        NONE, expect(403, anonymous=LOGIN, reviewer=302, coordinator=302, superuser=302)
    ),
    # Django sends non-staff to the admin index (then to log in); logging out is POST only
    "admin:logout": Row(NONE, expect(302, reviewer=405, coordinator=405, superuser=405)),
    "admin:password_change": Row(NONE, admin(200, 200, 200)),
    "admin:password_change_done": Row(NONE, admin(200, 200, 200)),
    "admin:jsi18n": Row(NONE, admin(200, 200, 200)),
    "admin:autocomplete": Row(
        lambda p: (
            reverse("admin:autocomplete")
            + "?app_label=accounts&model_name=membership&field_name=organisation&term=Atelier"
        ),
        admin(200, 200, 200),
    ),
    "admin:app_list": Row(kw(app_label="practices"), admin(200, 200, 200)),
    "admin:view_on_site": Row(_content_type, admin(302, 302, 302)),
    "admin:auth_user_password_change": Row(pk(person("sme_member"), "id"), admin(403, 403, 200)),
    # the CSV of the list each staff member may see (no drafts, no own organisation's)
    "admin:practices_practice_export": Row(NONE, admin(200, 200, 200)),
    # what retention will delete and when: staff who see practices (drafts only counted)
    "admin:practices_practice_retention": Row(NONE, admin(200, 200, 200)),
    # scoring: reviewers (and the superuser); coordinators oversee, they do not score
    "admin:practices_practice_review": Row(obj("shortlisted"), admin(200, 403, 200)),
    # a call's assignment of reviewers (its page; POST runs the automatic assignment):
    # coordinators (#14)
    "admin:practices_call_reviewers": Row(obj("call"), admin(403, 200, 200)),
    "admin:matching_needsprofile_recommendations": Row(pk("needs"), admin(403, 200, 200)),
    "admin:matching_proposal_change_mentor": Row(pk("proposal"), admin(403, 200, 200)),
    # writing to a group (#14): coordinators only; a draft's preview shows who receives it
    "admin:outreach_groupmessage_preview": Row(obj(_group_message), admin(403, 200, 200)),
    # the admin's catch-all: unknown pages are a 404 for staff only
    "admin/(?P<url>.*)$": Row(lambda p: "/admin/no-such-page/", admin(404, 404, 404)),
    # the admin's old object URLs redirect to the change page (which checks permissions)
    "admin/account/emailaddress/<path:object_id>/": Row(
        at("admin/account/emailaddress/{}/", "email_address"), admin(302, 302, 302)
    ),
    "admin/accounts/invitation/<path:object_id>/": Row(
        at("admin/accounts/invitation/{}/", "invitation"), admin(302, 302, 302)
    ),
    "admin/accounts/membership/<path:object_id>/": Row(
        at("admin/accounts/membership/{}/", "membership"), admin(302, 302, 302)
    ),
    "admin/accounts/organisation/<path:object_id>/": Row(
        at("admin/accounts/organisation/{}/", "sme"), admin(302, 302, 302)
    ),
    "admin/accounts/user/<path:object_id>/": Row(
        at("admin/accounts/user/{}/", person("sme_member")), admin(302, 302, 302)
    ),
    "admin/auth/group/<path:object_id>/": Row(
        at("admin/auth/group/{}/", "group"), admin(302, 302, 302)
    ),
    "admin/matching/framework/<path:object_id>/": Row(
        at("admin/matching/framework/{}/", "framework"), admin(302, 302, 302)
    ),
    "admin/matching/matchrun/<path:object_id>/": Row(
        at("admin/matching/matchrun/{}/", "run"), admin(302, 302, 302)
    ),
    "admin/matching/needsprofile/<path:object_id>/": Row(
        at("admin/matching/needsprofile/{}/", "needs"), admin(302, 302, 302)
    ),
    "admin/matching/partnership/<path:object_id>/": Row(
        at("admin/matching/partnership/{}/", "partnership"), admin(302, 302, 302)
    ),
    "admin/matching/proposal/<path:object_id>/": Row(
        at("admin/matching/proposal/{}/", "proposal"), admin(302, 302, 302)
    ),
    "admin/matching/scoringsettings/<path:object_id>/": Row(
        at("admin/matching/scoringsettings/{}/", "scoring"), admin(302, 302, 302)
    ),
    "admin/matching/skill/<path:object_id>/": Row(
        at("admin/matching/skill/{}/", "skill"), admin(302, 302, 302)
    ),
    "admin/outreach/groupmessage/<path:object_id>/": Row(
        at("admin/outreach/groupmessage/{}/", _group_message), admin(302, 302, 302)
    ),
    "admin/outreach/groupmessagerecipient/<path:object_id>/": Row(
        at("admin/outreach/groupmessagerecipient/{}/", _group_message_recipient),
        admin(302, 302, 302),
    ),
    "admin/notifications/notification/<path:object_id>/": Row(
        at("admin/notifications/notification/{}/", "notification"), admin(302, 302, 302)
    ),
    "admin/notifications/preference/<path:object_id>/": Row(
        at("admin/notifications/preference/{}/", "preference"), admin(302, 302, 302)
    ),
    "admin/practices/call/<path:object_id>/": Row(
        at("admin/practices/call/{}/", "call"), admin(302, 302, 302)
    ),
    "admin/practices/contactmessage/<path:object_id>/": Row(
        at("admin/practices/contactmessage/{}/", "contact"), admin(302, 302, 302)
    ),
    "admin/practices/deadlineextension/<path:object_id>/": Row(
        at("admin/practices/deadlineextension/{}/", "extension"), admin(302, 302, 302)
    ),
    "admin/practices/event/<path:object_id>/": Row(
        at("admin/practices/event/{}/", "event"), admin(302, 302, 302)
    ),
    "admin/practices/practice/<path:object_id>/": Row(
        at("admin/practices/practice/{}/", "shortlisted"), admin(302, 302, 302)
    ),
    "admin/practices/review/<path:object_id>/": Row(
        at("admin/practices/review/{}/", "review"), admin(302, 302, 302)
    ),
    "admin/practices/topic/<path:object_id>/": Row(
        at("admin/practices/topic/{}/", "topic"), admin(302, 302, 302)
    ),
    "admin/practices/trainingtool/<path:object_id>/": Row(
        at("admin/practices/trainingtool/{}/", "tool"), admin(302, 302, 302)
    ),
    "admin/sites/site/<path:object_id>/": Row(
        at("admin/sites/site/{}/", "site"), admin(302, 302, 302)
    ),
    "admin/volunteers/confidentialityagreement/<path:object_id>/": Row(
        at("admin/volunteers/confidentialityagreement/{}/", "agreement"), admin(302, 302, 302)
    ),
    "admin/volunteers/mentorinvitation/<path:object_id>/": Row(
        at("admin/volunteers/mentorinvitation/{}/", "mentor_invitation"), admin(302, 302, 302)
    ),
    "admin/volunteers/mentorprofile/<path:object_id>/": Row(
        at("admin/volunteers/mentorprofile/{}/", "mentor"), admin(302, 302, 302)
    ),
    "admin/volunteers/pledge/<path:object_id>/": Row(
        at("admin/volunteers/pledge/{}/", "pledge"), admin(302, 302, 302)
    ),
    # ---------------------------------------------------------------- admin models
    # people's data (email addresses, users, groups, sites, consents, authenticators): the
    # superuser; coordinators view people and manage memberships; reviewers see organisations
    # (to spot a conflict of interest) and what they review: calls, practices, reviews, events.
    # Matching, pledges, mentors and emails are coordinators' work: 403 for reviewers.
    # The taxonomy (frameworks, skills) is public data, read-only for all staff.
    # Nothing an SME sent or a matching run made is added or deleted in the admin (403).
    "admin:account_emailaddress_add": Row(NONE, admin(403, 403, 200)),
    "admin:account_emailaddress_change": Row(obj("email_address"), admin(403, 403, 200)),
    "admin:account_emailaddress_changelist": Row(NONE, admin(403, 403, 200)),
    "admin:account_emailaddress_delete": Row(obj("email_address"), admin(403, 403, 200)),
    "admin:account_emailaddress_history": Row(obj("email_address"), admin(403, 403, 200)),
    "admin:accounts_invitation_add": Row(NONE, admin(403, 403, 200)),
    "admin:accounts_invitation_change": Row(obj("invitation"), admin(403, 200, 200)),
    "admin:accounts_invitation_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:accounts_invitation_delete": Row(obj("invitation"), admin(403, 403, 200)),
    "admin:accounts_invitation_history": Row(obj("invitation"), admin(403, 200, 200)),
    "admin:accounts_membership_add": Row(NONE, admin(403, 200, 200)),
    "admin:accounts_membership_change": Row(obj("membership"), admin(403, 200, 200)),
    "admin:accounts_membership_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:accounts_membership_delete": Row(obj("membership"), admin(403, 200, 200)),
    "admin:accounts_membership_history": Row(obj("membership"), admin(403, 200, 200)),
    "admin:accounts_organisation_add": Row(NONE, admin(403, 403, 200)),
    "admin:accounts_organisation_change": Row(obj("sme"), admin(200, 200, 200)),
    "admin:accounts_organisation_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:accounts_organisation_delete": Row(obj("sme"), admin(403, 403, 200)),
    "admin:accounts_organisation_history": Row(obj("sme"), admin(200, 200, 200)),
    "admin:accounts_user_add": Row(NONE, admin(403, 403, 200)),
    "admin:accounts_user_change": Row(obj(person("sme_member")), admin(403, 200, 200)),
    "admin:accounts_user_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:accounts_user_delete": Row(obj(person("sme_member")), admin(403, 403, 200)),
    "admin:accounts_user_history": Row(obj(person("sme_member")), admin(403, 200, 200)),
    "admin:auth_group_add": Row(NONE, admin(403, 403, 200)),
    "admin:auth_group_change": Row(obj("group"), admin(403, 403, 200)),
    "admin:auth_group_changelist": Row(NONE, admin(403, 403, 200)),
    "admin:auth_group_delete": Row(obj("group"), admin(403, 403, 200)),
    "admin:auth_group_history": Row(obj("group"), admin(403, 403, 200)),
    "admin:matching_framework_add": Row(NONE, admin(403, 403, 403)),
    "admin:matching_framework_change": Row(obj("framework"), admin(200, 200, 200)),
    "admin:matching_framework_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:matching_framework_delete": Row(obj("framework"), admin(403, 403, 403)),
    "admin:matching_framework_history": Row(obj("framework"), admin(200, 200, 200)),
    "admin:matching_matchrun_add": Row(NONE, admin(403, 200, 200)),
    "admin:matching_matchrun_change": Row(obj("run"), admin(403, 200, 200)),
    "admin:matching_matchrun_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:matching_matchrun_delete": Row(obj("run"), admin(403, 403, 403)),
    "admin:matching_matchrun_history": Row(obj("run"), admin(403, 200, 200)),
    "admin:matching_needsprofile_add": Row(NONE, admin(403, 403, 403)),
    "admin:matching_needsprofile_change": Row(obj("needs"), admin(403, 200, 200)),
    "admin:matching_needsprofile_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:matching_needsprofile_delete": Row(obj("needs"), admin(403, 403, 403)),
    "admin:matching_needsprofile_history": Row(obj("needs"), admin(403, 200, 200)),
    "admin:matching_partnership_add": Row(NONE, admin(403, 403, 403)),
    "admin:matching_partnership_change": Row(obj("partnership"), admin(403, 200, 200)),
    "admin:matching_partnership_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:matching_partnership_delete": Row(obj("partnership"), admin(403, 403, 403)),
    "admin:matching_partnership_history": Row(obj("partnership"), admin(403, 200, 200)),
    "admin:matching_proposal_add": Row(NONE, admin(403, 403, 403)),
    "admin:matching_proposal_change": Row(obj("proposal"), admin(403, 200, 200)),
    "admin:matching_proposal_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:matching_proposal_delete": Row(obj("proposal"), admin(403, 403, 403)),
    "admin:matching_proposal_history": Row(obj("proposal"), admin(403, 200, 200)),
    "admin:matching_scoringsettings_add": Row(NONE, admin(403, 403, 403)),
    "admin:matching_scoringsettings_change": Row(obj("scoring"), admin(403, 200, 200)),
    # the one row of weights: the list redirects to it (reviewers: 403, as on the row itself)
    "admin:matching_scoringsettings_changelist": Row(NONE, admin(403, 302, 302)),
    "admin:matching_scoringsettings_delete": Row(obj("scoring"), admin(403, 403, 403)),
    "admin:matching_scoringsettings_history": Row(obj("scoring"), admin(403, 200, 200)),
    "admin:matching_skill_add": Row(NONE, admin(403, 403, 403)),
    "admin:matching_skill_change": Row(obj("skill"), admin(200, 200, 200)),
    "admin:matching_skill_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:matching_skill_delete": Row(obj("skill"), admin(403, 403, 403)),
    "admin:matching_skill_history": Row(obj("skill"), admin(200, 200, 200)),
    # group messages (#14): coordinators compose, preview and send (a draft is theirs to change
    # or delete; a sent one is read-only); who received one is a read-only record
    "admin:outreach_groupmessage_add": Row(NONE, admin(403, 200, 200)),
    "admin:outreach_groupmessage_change": Row(obj(_group_message), admin(403, 200, 200)),
    "admin:outreach_groupmessage_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:outreach_groupmessage_delete": Row(obj(_group_message), admin(403, 200, 200)),
    "admin:outreach_groupmessage_history": Row(obj(_group_message), admin(403, 200, 200)),
    "admin:outreach_groupmessagerecipient_add": Row(NONE, admin(403, 403, 403)),
    "admin:outreach_groupmessagerecipient_change": Row(
        obj(_group_message_recipient), admin(403, 200, 200)
    ),
    "admin:outreach_groupmessagerecipient_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:outreach_groupmessagerecipient_delete": Row(
        obj(_group_message_recipient), admin(403, 403, 403)
    ),
    "admin:outreach_groupmessagerecipient_history": Row(
        obj(_group_message_recipient), admin(403, 200, 200)
    ),
    "admin:notifications_notification_add": Row(NONE, admin(403, 403, 403)),
    "admin:notifications_notification_change": Row(obj("notification"), admin(403, 200, 200)),
    "admin:notifications_notification_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:notifications_notification_delete": Row(obj("notification"), admin(403, 403, 403)),
    "admin:notifications_notification_history": Row(obj("notification"), admin(403, 200, 200)),
    "admin:notifications_preference_add": Row(NONE, admin(403, 403, 200)),
    "admin:notifications_preference_change": Row(obj("preference"), admin(403, 200, 200)),
    "admin:notifications_preference_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:notifications_preference_delete": Row(obj("preference"), admin(403, 403, 200)),
    "admin:notifications_preference_history": Row(obj("preference"), admin(403, 200, 200)),
    "admin:practices_call_add": Row(NONE, admin(403, 200, 200)),
    "admin:practices_call_change": Row(obj("call"), admin(200, 200, 200)),
    "admin:practices_call_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:practices_call_delete": Row(obj("call"), admin(403, 403, 200)),
    "admin:practices_call_history": Row(obj("call"), admin(200, 200, 200)),
    "admin:practices_contactmessage_add": Row(NONE, admin(403, 403, 403)),
    "admin:practices_contactmessage_change": Row(obj("contact"), admin(403, 200, 200)),
    "admin:practices_contactmessage_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:practices_contactmessage_delete": Row(obj("contact"), admin(403, 403, 403)),
    "admin:practices_contactmessage_history": Row(obj("contact"), admin(403, 200, 200)),
    "admin:practices_deadlineextension_add": Row(NONE, admin(403, 200, 200)),
    "admin:practices_deadlineextension_change": Row(obj("extension"), admin(403, 200, 200)),
    "admin:practices_deadlineextension_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:practices_deadlineextension_delete": Row(obj("extension"), admin(403, 403, 403)),
    "admin:practices_deadlineextension_history": Row(obj("extension"), admin(403, 200, 200)),
    "admin:practices_event_add": Row(NONE, admin(403, 200, 200)),
    "admin:practices_event_change": Row(obj("event"), admin(200, 200, 200)),
    "admin:practices_event_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:practices_event_delete": Row(obj("event"), admin(403, 403, 200)),
    "admin:practices_event_history": Row(obj("event"), admin(200, 200, 200)),
    "admin:practices_practice_add": Row(NONE, admin(403, 403, 403)),
    "admin:practices_practice_change": Row(obj("shortlisted"), admin(200, 200, 200)),
    "admin:practices_practice_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:practices_practice_delete": Row(obj("shortlisted"), admin(403, 403, 403)),
    "admin:practices_practice_history": Row(obj("shortlisted"), admin(200, 200, 200)),
    # assignments (#14): a reviewer reads their own; coordinators everyone's and take one back;
    # made from the practice list and the call list, never added or changed here
    "admin:practices_reviewassignment_add": Row(NONE, admin(403, 403, 403)),
    "admin:practices_reviewassignment_change": Row(_assignment, admin(200, 200, 200)),
    "admin:practices_reviewassignment_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:practices_reviewassignment_delete": Row(_assignment, admin(403, 200, 200)),
    "admin:practices_reviewassignment_history": Row(_assignment, admin(200, 200, 200)),
    "admin/practices/reviewassignment/<path:object_id>/": Row(
        _admin_path("admin/practices/reviewassignment/{}/", _assignment), admin(302, 302, 302)
    ),
    # declared conflicts of interest (#14): staff declare their own and list them; the page of
    # one (it names the practice) and withdrawing one: coordinators
    "admin:practices_reviewconflict_add": Row(NONE, admin(200, 200, 200)),
    "admin:practices_reviewconflict_change": Row(_conflict, admin(403, 200, 200)),
    "admin:practices_reviewconflict_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:practices_reviewconflict_delete": Row(_conflict, admin(403, 200, 200)),
    "admin:practices_reviewconflict_history": Row(_conflict, admin(403, 200, 200)),
    "admin/practices/reviewconflict/<path:object_id>/": Row(
        _admin_path("admin/practices/reviewconflict/{}/", _conflict), admin(302, 302, 302)
    ),
    "admin:practices_review_add": Row(NONE, admin(403, 403, 403)),
    "admin:practices_review_change": Row(obj("review"), admin(200, 200, 200)),
    "admin:practices_review_changelist": Row(NONE, admin(200, 200, 200)),
    "admin:practices_review_delete": Row(obj("review"), admin(403, 403, 403)),
    "admin:practices_review_history": Row(obj("review"), admin(200, 200, 200)),
    "admin:practices_topic_add": Row(NONE, admin(403, 403, 200)),
    "admin:practices_topic_change": Row(obj("topic"), admin(403, 200, 200)),
    "admin:practices_topic_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:practices_topic_delete": Row(obj("topic"), admin(403, 403, 200)),
    "admin:practices_topic_history": Row(obj("topic"), admin(403, 200, 200)),
    "admin:practices_trainingtool_add": Row(NONE, admin(403, 403, 200)),
    "admin:practices_trainingtool_change": Row(obj("tool"), admin(403, 200, 200)),
    "admin:practices_trainingtool_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:practices_trainingtool_delete": Row(obj("tool"), admin(403, 403, 200)),
    "admin:practices_trainingtool_history": Row(obj("tool"), admin(403, 200, 200)),
    "admin:sites_site_add": Row(NONE, admin(403, 403, 200)),
    "admin:sites_site_change": Row(obj("site"), admin(403, 403, 200)),
    "admin:sites_site_changelist": Row(NONE, admin(403, 403, 200)),
    "admin:sites_site_delete": Row(obj("site"), admin(403, 403, 200)),
    "admin:sites_site_history": Row(obj("site"), admin(403, 403, 200)),
    "admin:volunteers_confidentialityagreement_add": Row(NONE, admin(403, 200, 200)),
    "admin:volunteers_confidentialityagreement_change": Row(obj("agreement"), admin(403, 200, 200)),
    "admin:volunteers_confidentialityagreement_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:volunteers_confidentialityagreement_delete": Row(obj("agreement"), admin(403, 403, 403)),
    "admin:volunteers_confidentialityagreement_history": Row(
        obj("agreement"), admin(403, 200, 200)
    ),
    "admin:volunteers_mentorinvitation_add": Row(NONE, admin(403, 403, 403)),
    "admin:volunteers_mentorinvitation_change": Row(obj("mentor_invitation"), admin(403, 200, 200)),
    "admin:volunteers_mentorinvitation_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:volunteers_mentorinvitation_delete": Row(obj("mentor_invitation"), admin(403, 403, 403)),
    "admin:volunteers_mentorinvitation_history": Row(
        obj("mentor_invitation"), admin(403, 200, 200)
    ),
    "admin:volunteers_mentorprofile_add": Row(NONE, admin(403, 403, 403)),
    "admin:volunteers_mentorprofile_change": Row(obj("mentor"), admin(403, 200, 200)),
    "admin:volunteers_mentorprofile_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:volunteers_mentorprofile_delete": Row(obj("mentor"), admin(403, 403, 403)),
    "admin:volunteers_mentorprofile_history": Row(obj("mentor"), admin(403, 200, 200)),
    "admin:volunteers_pledge_add": Row(NONE, admin(403, 403, 403)),
    "admin:volunteers_pledge_change": Row(obj("pledge"), admin(403, 200, 200)),
    "admin:volunteers_pledge_changelist": Row(NONE, admin(403, 200, 200)),
    "admin:volunteers_pledge_delete": Row(obj("pledge"), admin(403, 403, 403)),
    "admin:volunteers_pledge_history": Row(obj("pledge"), admin(403, 200, 200)),
    "admin/accounts/consent/<path:object_id>/": Row(
        at("admin/accounts/consent/{}/", "consent"), admin(302, 302, 302)
    ),
    "admin/mfa/authenticator/<path:object_id>/": Row(
        at("admin/mfa/authenticator/{}/", "reviewer_totp"), admin(302, 302, 302)
    ),
    "admin:accounts_consent_add": Row(NONE, admin(403, 403, 403)),
    "admin:accounts_consent_change": Row(obj("consent"), admin(403, 403, 200)),
    "admin:accounts_consent_changelist": Row(NONE, admin(403, 403, 200)),
    "admin:accounts_consent_delete": Row(obj("consent"), admin(403, 403, 403)),
    "admin:accounts_consent_history": Row(obj("consent"), admin(403, 403, 200)),
    "admin:mfa_authenticator_add": Row(NONE, admin(403, 403, 200)),
    "admin:mfa_authenticator_change": Row(obj("reviewer_totp"), admin(403, 403, 200)),
    "admin:mfa_authenticator_changelist": Row(NONE, admin(403, 403, 200)),
    "admin:mfa_authenticator_delete": Row(obj("reviewer_totp"), admin(403, 403, 200)),
    "admin:mfa_authenticator_history": Row(obj("reviewer_totp"), admin(403, 403, 200)),
}


def url_for(key: str, portal: Portal) -> str:
    filled = ROWS[key].fill(portal)
    return filled if isinstance(filled, str) else reverse(key, kwargs=filled)


def is_login(location: str) -> bool:
    path = location.split("?", 1)[0]
    return path in (reverse("account_login"), reverse("admin:login"))
