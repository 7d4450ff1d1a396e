import pytest
from practices import services
from practices.enums import PracticeState
from tests.factories import CallFactory, PracticeFactory, PublishedPracticeFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_smoke(world, django_capture_on_commit_callbacks):
    call = CallFactory()
    p = services.practice_save(user=world.sme_member, call=call, organisation=world.sme, fields={
        "title": "T", "short_description": "D", "online_learning": "o", "methodology": "m",
        "keep_learning": "k", "audience": "ict", "internal_confirmed": True, "other_tools": "x"})
    p = services.practice_submit(user=world.sme_member, practice=p)
    p = services.practice_transition(practice=p, target="in_review", actor=world.reviewer)
    services.review_save(reviewer=world.reviewer, practice=p, scores=dict(innovation=3, impact=3, transferability=3, clarity=4), recommendation="select")
    p = services.practice_transition(practice=p, target="shortlisted", actor=world.reviewer)
    dr = services.detail_request_create(user=world.reviewer, practice=p, message="more?")
    services.detail_request_answer(user=world.sme_admin, detail_request=dr, answer="yes")
    p.refresh_from_db(); assert p.state == "detail_received"
    services.practice_record_decision(user=world.reviewer, practice=p, decision="selected")
    assert services.call_release_decisions(user=world.coordinator, call=call) == (1, [])
    p.refresh_from_db()
    services.practice_public_version_update(user=world.reviewer, practice=p, public_title="Pub", public_description="short")
    services.practice_public_version_approve(user=world.sme_admin, practice=p, consent=True)
    p = services.practice_transition(practice=p, target="published", actor=world.reviewer)
    assert p.slug
    ev = EventFactory()
    assert services.event_invite(user=world.coordinator, event=ev, practices=[p]) == 1
    services.contact_message_send(practice=p, name="V", email="v@example.eu", message="hi")
    assert services.practice_register_view(practice=p, visitor="a")
    assert not services.practice_register_view(practice=p, visitor="a")
    from notifications.models import Notification
    print(sorted(Notification.objects.values_list("event", flat=True)))
    print(p.transitions.count(), p.revisions.count())
    PublishedPracticeFactory()
