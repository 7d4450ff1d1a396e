"""Browser journey of a call's own questions (issue #19): a coordinator adds a choice question
and a number question to a call in English and French in the call's admin page; an SME answers
them in French and submits; a reviewer sees the answers beside the rubric. Axe on the pages
visited; no Content-Security-Policy violation or script error."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS, REVIEWERS
from practices import services
from practices.enums import PracticeState
from practices.models import Answer, CallQuestion, Practice, QuestionKind, ReviewAssignment
from tests.e2e.helpers import log_in, staff_log_in
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    UserFactory,
)

COORDINATOR_EMAIL = "cora.coordinator@skillup.example.eu"
REVIEWER_EMAIL = "remi.reviewer@skillup.example.eu"
SME_EMAIL = "lea.martin@atelier-boreal.example.eu"
TITLE = "Les vendredis numériques"
CHOICE_EN, CHOICE_FR = (
    "How often do your staff train?",
    "À quelle fréquence votre équipe se forme-t-elle ?",
)
NUMBER_EN, NUMBER_FR = "How many employees took part?", "Combien de salariés y ont participé ?"


@pytest.fixture
def people(transactional_db):
    """A call with its four default questions, a French SME with a draft of it, a coordinator
    and a reviewer (assigned to the draft once it is submitted: the assignment pages are
    another journey's)."""
    call = CallFactory(title="Digital SkillUp 2027", slug="digital-skillup-2027")
    services.call_default_questions_create(call)
    sme = OrganisationFactory(name="Atelier Boréal SARL", country="FR")
    member = MembershipFactory(
        organisation=sme,
        role=MembershipRole.MEMBER,
        user=UserFactory(email=SME_EMAIL, full_name="Léa Martin", language="fr"),
    ).user
    practice = PracticeFactory(
        call=call, organisation=sme, created_by=member, title=TITLE, state=PracticeState.DRAFT
    )
    coordinator = UserFactory(
        email=COORDINATOR_EMAIL, full_name="Cora Coordinator", is_staff=True, groups=[COORDINATORS]
    )
    reviewer = UserFactory(
        email=REVIEWER_EMAIL, full_name="Rémi Reviewer", is_staff=True, groups=[REVIEWERS]
    )
    return call, practice, coordinator, reviewer


def add_question(page, index: int, *, kind: str, position: int, english: str, french: str,
                 settings: dict[str, str]) -> None:  # fmt: skip
    """Fill the inline form `index` of the call's question list (the admin's "Add another"
    link made it): its kind and place, English label, settings, then its French label."""
    page.get_by_role("button", name="Add another Question").click()
    form = page.locator(f"#questions-{index}")
    expect(form).to_be_visible()
    form.locator(f"#id_questions-{index}-label_en").fill(english)
    form.locator(f"#id_questions-{index}-kind").select_option(kind)
    form.locator(f"#id_questions-{index}-position").fill(str(position))
    form.locator(f"#id_questions-{index}-required").check()
    form.locator(f"#id_questions-{index}-is_public").check()
    for name, value in settings.items():
        form.locator(f"#id_questions-{index}-{name}").fill(value)
    form.locator("summary").filter(has_text="French").click()  # folded, as each language
    form.locator(f"#id_questions-{index}-label_fr").fill(french)
    if "choices_en" in settings:
        form.locator(f"#id_questions-{index}-choices_fr").fill(
            "Chaque semaine\nChaque mois\nUne fois par an"
        )


def test_coordinator_adds_two_questions_sme_answers_in_french_reviewer_sees_them(
    page, site, new_person, axe_check, axe_check_admin, csp_violations, people
):
    call, practice, _coordinator, reviewer = people

    # --- The coordinator adds a choice question and a number question, in two languages -------
    staff_log_in(page, site, COORDINATOR_EMAIL, axe_check_admin)
    page.goto(f"{site}/admin/practices/call/{call.pk}/change/")
    page.locator("#questions-heading").click()  # the question list is folded: unfold it
    add_question(
        page, 4, kind="single_choice", position=5, english=CHOICE_EN, french=CHOICE_FR,
        settings={"choices_en": "weekly | Every week\nmonthly | Every month\nyearly | Once a year"},
    )  # fmt: skip
    add_question(
        page, 5, kind="number", position=6, english=NUMBER_EN, french=NUMBER_FR,
        settings={"min_value": "1", "max_value": "500"},
    )  # fmt: skip
    axe_check_admin(page, "call-questions-added")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    choice = CallQuestion.objects.get(call=call, kind=QuestionKind.SINGLE_CHOICE)
    number = CallQuestion.objects.get(call=call, kind=QuestionKind.NUMBER)
    assert (choice.label_fr, number.label_fr) == (CHOICE_FR, NUMBER_FR)
    assert [c["label"]["fr"] for c in choice.choices] == [
        "Chaque semaine",
        "Chaque mois",
        "Une fois par an",
    ]
    assert (number.min_value, number.max_value, number.required) == (1, 500, True)

    # --- The SME answers them in French and submits -------------------------------------------
    sme_page, sme_violations = new_person()
    sme_page.goto(f"{site}/en/accounts/login/")
    log_in(sme_page, SME_EMAIL)
    with translation.override("fr"):
        edit = reverse("practices:submission_edit", kwargs={"pk": practice.pk})
    sme_page.goto(f"{site}{edit}")
    expect(sme_page.locator("html")).to_have_attribute("lang", "fr")
    choice_group = sme_page.get_by_role("group", name=re.compile(re.escape(CHOICE_FR)))
    expect(choice_group).to_be_visible()
    number_field = sme_page.get_by_label(NUMBER_FR)
    number_field.fill("600")  # beyond the bound: a clear message, nothing lost
    choice_group.get_by_label("Chaque mois").check()
    sme_page.locator("button[name=action][value=submit]").click()
    expect(sme_page.get_by_text("500", exact=False).first).to_be_visible()
    expect(choice_group.get_by_label("Chaque mois")).to_be_checked()  # kept after the refusal
    axe_check(sme_page, "questions-refused-fr")
    sme_page.get_by_label(NUMBER_FR).fill("12")
    sme_page.locator("button[name=action][value=submit]").click()
    expect(sme_page.get_by_text(CHOICE_FR)).to_be_visible()  # the detail page lists the answers
    expect(sme_page.get_by_text("Chaque mois")).to_be_visible()
    axe_check(sme_page, "submission-detail-fr")
    practice.refresh_from_db()
    assert practice.state == PracticeState.SUBMITTED
    assert Answer.objects.get(practice=practice, question=choice).value_choices == ["monthly"]
    assert Answer.objects.get(practice=practice, question=number).value_number == 12
    assert sme_violations == []

    # --- The reviewer sees the answers beside the rubric --------------------------------------
    ReviewAssignment.objects.create(practice=practice, reviewer=reviewer)
    reviewer_page, reviewer_violations = new_person()
    staff_log_in(reviewer_page, site, REVIEWER_EMAIL, axe_check_admin)
    reviewer_page.goto(f"{site}/admin/practices/practice/{practice.pk}/review/")
    expect(reviewer_page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    for label, answer in ((CHOICE_EN, "Every month"), (NUMBER_EN, "12")):
        heading = reviewer_page.get_by_role("heading", level=3, name=label)
        expect(heading).to_be_visible()
        expect(heading.locator("xpath=following-sibling::*[1]")).to_have_text(answer)
    expect(reviewer_page.locator("select[name=innovation]")).to_be_visible()  # the rubric
    axe_check_admin(reviewer_page, "review-page-answers")
    assert reviewer_violations == []
    assert csp_violations == []
    assert Practice.objects.filter(pk=practice.pk, state=PracticeState.SUBMITTED).exists()
