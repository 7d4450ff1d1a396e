"""An organisation's kind (SME or large company) is chosen at registration; afterwards only
coordinators change it, in the admin, and not while it would leave records of its old kind
behind (issue #15: an SME admin could turn their SME into a large company from their own form)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import services
from accounts.models import Organisation
from matching.models import NeedsProfile
from practices.models import ReviewConflict
from skillup.errors import ApplicationError
from tests.factories import (
    CompanyFactory,
    MentorInvitationFactory,
    MentorProfileFactory,
    PledgeFactory,
    PracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EDIT_DATA = {"country": "FR", "sector": "C", "size_band": "small", "website": ""}


def _change_url(organisation) -> str:
    return reverse("admin:accounts_organisation_change", args=[organisation.pk])


def _value(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return str(value)


def _admin_change_data(client, organisation, **changes) -> dict:
    """What the admin's change page posts back as it is, with `changes`: read from the page's
    own form and inline formsets, so the test posts what a coordinator's browser would."""
    page = client.get(_change_url(organisation))
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: _value(form[name].value()) for name in form.fields}
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {
                management.add_prefix(name): _value(management[name].value())
                for name in management.fields
            }
        )
        for each in formset.forms:
            data.update({each.add_prefix(name): _value(each[name].value()) for name in each.fields})
    return {key: value for key, value in {**data, **changes}.items() if value is not False}


def _coordinator_changes_kind(client_for, organisation, kind: str, size_band: str):
    client = client_for("coordinator")
    data = _admin_change_data(client, organisation, kind=kind, size_band=size_band)
    return client.post(_change_url(organisation), data)


def _kind(organisation) -> str:
    return Organisation.objects.values_list("kind", flat=True).get(pk=organisation.pk)


# --------------------------------------------------------------------------------------------
# The SME's own edit form: no kind, and a forged one is ignored
# --------------------------------------------------------------------------------------------
def test_sme_admin_edit_form_has_no_kind_field(world, client_for):
    response = client_for("sme_admin").get(
        reverse("organisation_update", kwargs={"pk": world.sme.pk})
    )

    assert response.status_code == 200
    assert 'name="kind"' not in response.content.decode()
    assert 'name="size_band"' in response.content.decode()


def test_sme_admin_post_with_kind_large_company_changes_nothing_but_the_details(world, client_for):
    url = reverse("organisation_update", kwargs={"pk": world.sme.pk})

    response = client_for("sme_admin").post(
        url, {**EDIT_DATA, "name": "Atelier Renamed", "kind": "large_company"}
    )

    assert response.status_code == 302
    organisation = Organisation.objects.get(pk=world.sme.pk)
    assert (organisation.name, organisation.kind) == ("Atelier Renamed", "sme")


def test_sme_admin_post_with_kind_and_large_size_is_refused_as_an_sme(world, client_for):
    url = reverse("organisation_update", kwargs={"pk": world.sme.pk})

    response = client_for("sme_admin").post(
        url,
        {**EDIT_DATA, "name": "Atelier Test SARL", "kind": "large_company", "size_band": "large"},
    )

    assert response.status_code == 200
    assert "An SME has fewer than 250 employees" in response.content.decode()
    assert Organisation.objects.values_list("kind", "size_band").get(pk=world.sme.pk) == (
        "sme",
        "small",
    )


def test_organisation_update_service_refuses_a_kind(world):
    with pytest.raises(ApplicationError) as refused:
        services.organisation_update(
            user=world.sme_admin, organisation=world.sme, kind="large_company"
        )

    assert refused.value.message == services.MSG_KIND_SET_AT_REGISTRATION
    assert _kind(world.sme) == "sme"


def test_registration_still_chooses_the_kind(world, client_for):
    response = client_for("outsider").post(
        reverse("organisation_create"),
        {**EDIT_DATA, "name": "New Big SE", "kind": "large_company", "size_band": "large"},
    )

    assert response.status_code == 302
    assert Organisation.objects.get(name="New Big SE").kind == "large_company"


# --------------------------------------------------------------------------------------------
# Coordinators in the admin
# --------------------------------------------------------------------------------------------
def _sme_with_practice(world):
    PracticeFactory(organisation=world.sme)
    PracticeFactory(organisation=world.sme)
    return world.sme, "Atelier Test SARL cannot stop being an SME while it has practices (2)."


def _sme_with_needs(world):
    NeedsProfile.objects.create(organisation=world.sme)
    return world.sme, "Atelier Test SARL cannot stop being an SME while it has needs profiles (1)."


def _company_with_pledge(world):
    PledgeFactory(company=world.company)
    return (
        world.company,
        "Big Digital SE cannot stop being a large company while it has pledges (1).",
    )


def _company_with_mentor(world):
    MentorProfileFactory(company=world.company)
    MentorInvitationFactory(company=world.company)
    return (
        world.company,
        "Big Digital SE cannot stop being a large company while it has mentor invitations (1), "
        "mentor profiles (1).",
    )


def _company_excluded_by_an_sme(world):
    NeedsProfile.objects.create(organisation=world.sme).excluded_companies.add(world.company)
    return (
        world.company,
        "Big Digital SE cannot stop being a large company while it has "
        "needs profiles (companies to exclude) (1).",
    )


ORPHANING = {
    "sme-with-practices": (_sme_with_practice, "large_company", "large"),
    "sme-with-needs-profile": (_sme_with_needs, "large_company", "large"),
    "company-with-pledge": (_company_with_pledge, "sme", "medium"),
    "company-with-mentors": (_company_with_mentor, "sme", "medium"),
    "company-excluded-by-an-sme": (_company_excluded_by_an_sme, "sme", "medium"),
}


@pytest.mark.parametrize(("arrange", "kind", "size_band"), ORPHANING.values(), ids=ORPHANING.keys())
def test_coordinator_kind_change_that_would_orphan_is_refused_with_the_reason(
    world, client_for, arrange, kind, size_band
):
    organisation, reason = arrange(world)
    before = _kind(organisation)

    response = _coordinator_changes_kind(client_for, organisation, kind, size_band)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["kind"] == [reason]
    assert reason in response.content.decode()
    assert _kind(organisation) == before


ALLOWED = {
    "sme-with-members-and-a-conflict-to-company": ("sme", "large_company", "large"),
    "company-with-members-to-sme": ("company", "sme", "medium"),
}


@pytest.mark.parametrize(("which", "kind", "size_band"), ALLOWED.values(), ids=ALLOWED.keys())
def test_coordinator_kind_change_with_nothing_to_orphan_is_saved(
    world, client_for, which, kind, size_band
):
    organisation = getattr(world, which)
    ReviewConflict.objects.create(
        reviewer=world.reviewer, organisation=organisation, reason="My former employer."
    )

    response = _coordinator_changes_kind(client_for, organisation, kind, size_band)

    assert response.status_code == 302
    assert Organisation.objects.values_list("kind", "size_band").get(pk=organisation.pk) == (
        kind,
        size_band,
    )
    assert organisation.memberships.count() >= 1  # its people stay


def test_coordinator_kind_change_with_a_size_that_does_not_fit_is_refused(world, client_for):
    response = _coordinator_changes_kind(client_for, world.sme, "large_company", "small")

    assert response.status_code == 200
    assert "A large company has 250 employees or more." in response.content.decode()
    assert _kind(world.sme) == "sme"


def test_coordinator_other_details_save_without_touching_the_kind(world, client_for):
    PracticeFactory(organisation=world.sme)
    client = client_for("coordinator")

    response = client.post(
        _change_url(world.sme), _admin_change_data(client, world.sme, name="Atelier Corrected")
    )

    assert response.status_code == 302
    assert Organisation.objects.values_list("name", "kind").get(pk=world.sme.pk) == (
        "Atelier Corrected",
        "sme",
    )


def test_kind_is_read_only_in_the_admin_for_staff_who_are_not_coordinators(world, client):
    from django.contrib.auth.models import Permission

    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_organisation", "change_organisation"])
    )
    client.force_login(staff)

    page = client.get(_change_url(world.sme))

    assert page.status_code == 200
    assert "kind" not in page.context["adminform"].form.fields
    assert "name" in page.context["adminform"].form.fields


# --------------------------------------------------------------------------------------------
# The service
# --------------------------------------------------------------------------------------------
def test_kind_change_service_refuses_those_who_are_not_coordinators(world):
    with pytest.raises(ApplicationError):
        services.organisation_kind_change(
            user=world.sme_admin, organisation=world.sme, kind="large_company", size_band="large"
        )

    assert _kind(world.sme) == "sme"


def test_kind_change_service_gives_the_reason_as_a_validation_error(world):
    _organisation, reason = _sme_with_practice(world)

    with pytest.raises(ValidationError) as refused:
        services.organisation_kind_change(
            user=world.coordinator, organisation=world.sme, kind="large_company", size_band="large"
        )

    assert refused.value.message_dict == {"kind": [reason]}
    assert _kind(world.sme) == "sme"


def test_kind_change_service_changes_kind_and_size(world):
    company = CompanyFactory()

    services.organisation_kind_change(
        user=world.coordinator, organisation=company, kind="sme", size_band="micro"
    )

    assert Organisation.objects.values_list("kind", "size_band").get(pk=company.pk) == (
        "sme",
        "micro",
    )


def test_kind_change_error_is_empty_when_the_kind_stays(world):
    PracticeFactory(organisation=world.sme)

    assert services.organisation_kind_change_error(world.sme, "sme") == ""


# --------------------------------------------------------------------------------------------
# The writers read the kind again under the organisation's lock: a kind changed after the
# caller read the organisation (a coordinator's change that committed meanwhile) refuses the
# write instead of leaving a practice, needs profile, pledge or mentor under the wrong kind
def _changed_meanwhile(organisation, kind: str) -> Organisation:
    stale = Organisation.objects.get(pk=organisation.pk)
    Organisation.objects.filter(pk=organisation.pk).update(kind=kind)
    return stale


def test_practice_save_reads_the_kind_again(world):
    from practices.services import practice_save
    from practices.services.submission import MSG_NOT_AN_SME
    from tests.factories import CallFactory
    from tests.practices.test_services import FIELDS

    stale = _changed_meanwhile(world.sme, "large_company")

    with pytest.raises(ApplicationError) as refused:
        practice_save(user=world.sme_member, call=CallFactory(), organisation=stale, fields=FIELDS)

    assert refused.value.message == MSG_NOT_AN_SME
    assert not stale.practices.exists()


def test_needs_save_reads_the_kind_again(world):
    from matching.services import needs_save
    from matching.services.errors import MSG_NOT_AN_SME

    stale = _changed_meanwhile(world.sme, "large_company")

    with pytest.raises(ApplicationError) as refused:
        needs_save(user=world.sme_admin, organisation=stale, fields={}, gaps=[])

    assert refused.value.message == MSG_NOT_AN_SME
    assert not NeedsProfile.objects.filter(organisation=world.sme).exists()


def test_pledge_create_reads_the_kind_again(world):
    from tests.volunteers.test_services import _pledge_fields
    from volunteers.models import Pledge
    from volunteers.services import MSG_NOT_A_COMPANY, pledge_create

    stale = _changed_meanwhile(world.company, "sme")

    with pytest.raises(ApplicationError) as refused:
        pledge_create(user=world.company_admin, company=stale, fields=_pledge_fields())

    assert refused.value.message == MSG_NOT_A_COMPANY
    assert not Pledge.objects.filter(company=world.company).exists()


def test_mentor_invitation_accept_reads_the_kind_again(world):
    from volunteers.models import MentorProfile
    from volunteers.services import MSG_NOT_A_COMPANY, mentor_invitation_accept

    invitation = MentorInvitationFactory(company=world.company)
    invited = UserFactory(email=invitation.email)
    Organisation.objects.filter(pk=world.company.pk).update(kind="sme")

    with pytest.raises(ApplicationError) as refused:
        mentor_invitation_accept(user=invited, invitation=invitation)

    assert refused.value.message == MSG_NOT_A_COMPANY
    assert not MentorProfile.objects.filter(user=invited).exists()
