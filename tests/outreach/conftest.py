"""What the outreach tests share: a group message as a coordinator would compose it."""

import pytest

from outreach.models import GroupMessage


def compose(segment: str = "mentors", call=None, **texts) -> GroupMessage:
    """A saved draft; English subject and body unless `texts` says otherwise."""
    texts = texts or {"subject_en": "Programme news", "body_en": "Hello from the programme."}
    return GroupMessage.objects.create(segment=segment, call=call, **texts)


@pytest.fixture
def coordinator(world):
    return world.coordinator
