"""The SME's skill gaps in plain words (issue #15), from the outside: the needs page opens with the
gaps already chosen (not the whole taxonomy); without JavaScript a search, an "Add" or a
"Remove" posts the whole form and it comes back as typed, nothing saved, nothing lost; at most
10 gaps; a save keeps what was chosen. With htmx the same requests answer the part of the page
that changed. And the companies an SME may exclude are those with approved mentors."""

import html
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from matching.forms import (
    MSG_GAP_UNKNOWN,
    MSG_GAPS_MAX,
    MSG_GAPS_TOO_MANY,
    MSG_IMPORTANCE_NEEDED,
    MSG_TARGET_NEEDED,
)
from matching.gap_choices import MAX_GAPS
from matching.models import NeedsProfile, Skill
from tests.factories import CompanyFactory, MentorProfileFactory
from tests.matching.factories import mentoring_scene

pytestmark = pytest.mark.django_db

CHALLENGE = "Our invoices are typed by hand & our website is ten years old."
REGION = "Occitanie"


# --------------------------------------------------------------------------------------------
# A browser without JavaScript: what the needs form would send
# --------------------------------------------------------------------------------------------
class FormState(HTMLParser):
    """The fields of <form id="needs-form"> as a browser would submit them (without the
    buttons): text inputs, checked boxes and radios, selected options, textareas."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._select: str | None = None
        self._select_value: str | None = None
        self._first_option: str | None = None
        self._textarea: str | None = None
        self._text = ""
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "needs-form":
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button"):
                self.fields.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self._select, self._select_value, self._first_option = name, None, None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self._select_value = value
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form:
            self._in_form = False
        elif tag == "select" and self._select:
            value = self._select_value if self._select_value is not None else self._first_option
            self.fields.append((self._select, value or ""))
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def data(self, **changes) -> dict:
        """The fields as a dict of lists (what Client.post takes), with `changes` applied."""
        result: dict[str, list[str]] = {}
        for name, value in self.fields:
            result.setdefault(name, []).append(value)
        for name, value in changes.items():
            if value is None:
                result.pop(name, None)
            else:
                result[name] = value if isinstance(value, list) else [value]
        return result

    def value(self, name: str) -> str | None:
        values = [v for n, v in self.fields if n == name]
        return values[0] if values else None


def page_text(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def gap_ids(response) -> list[int]:
    """The competences shown as chosen gaps, in page order."""
    return [int(pk) for pk in re.findall(r'name="gap_(\d+)"', response.content.decode())]


def add_button(response, skill: Skill) -> bool:
    return f'name="add_gap" value="{skill.pk}"' in response.content.decode()


def skill(framework: str, code: str) -> Skill:
    return Skill.objects.get(framework__key=framework, code=code)


@pytest.fixture(autouse=True)
def _english():
    """A request in French leaves French active in the thread: each test starts in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def url(needs_url):
    return needs_url


@pytest.fixture
def typed(sme_client, url):
    """The empty form with the SME's typing in it (challenge, region, a language, a mode)."""
    state = FormState(sme_client.get(url).content.decode())
    return state.data(challenge=CHALLENGE, region=REGION, languages="fr", mode="remote")


def post(client, url, data, **button):
    response = client.post(url, {**data, **button})
    assert response.status_code == 200, response.status_code
    return response, FormState(response.content.decode())


# --------------------------------------------------------------------------------------------
# What the page opens with
# --------------------------------------------------------------------------------------------
def test_needs_page_opens_with_the_chosen_gaps_only(world, sme_client, url):
    scene = mentoring_scene(world)
    saved = list(scene.needs.gaps.values_list("skill_id", flat=True))

    response = sme_client.get(url)

    body = response.content.decode()
    assert sorted(gap_ids(response)) == sorted(saved)
    assert body.count("<select") == 2 * len(saved) + 6  # the gaps' and the six maturity ones
    assert "IS and Business Strategy Alignment" not in body  # no framework jargon, no taxonomy
    for skill_id in saved:
        label = Skill.objects.get(pk=skill_id)
        assert re.search(rf'name="gap_{label.pk}"[^>]*>.*?<option value="\d" selected>', body, re.S)


def test_needs_page_new_sme_has_no_gap_yet(sme_client, url):
    response = sme_client.get(url)

    assert gap_ids(response) == []
    assert "No skill gap chosen yet" in page_text(response)
    assert 'name="find_skill"' in response.content.decode()


def test_needs_page_gap_shows_plain_words_and_level_descriptions(world, sme_client, url):
    needs = mentoring_scene(world).needs
    gap = needs.gaps.select_related("skill__framework").first()

    body = page_text(sme_client.get(url))

    from skillup.plain_skills import plain_skill

    assert plain_skill(gap.skill.framework.key, gap.skill.code, "en").label in body
    assert "3. Advanced – varied tasks; guides others" in body
    assert "Essential – we cannot do without it" in body


def test_needs_page_in_french_speaks_french(world, url):
    client = Client()
    client.force_login(world.sme_admin)
    french_url = reverse("matching:needs_edit", kwargs={"pk": world.sme.pk}).replace("/en/", "/fr/")
    assert french_url != url
    state = FormState(client.get(french_url).content.decode())

    response = client.post(french_url, state.data(find_skill="tableur", search_skills="1"))

    assert "Organiser ses données et tableurs" in page_text(response)


# --------------------------------------------------------------------------------------------
# Without JavaScript: search, add, remove, the 11th, save
# --------------------------------------------------------------------------------------------
def test_no_js_journey_add_three_remove_one_refuse_the_eleventh_save_and_reopen(
    world, sme_client, url, typed
):
    spreadsheets = skill("digcomp", "1.3")
    website = skill("ecf", "B.1")
    phishing = skill("digcomp", "4.1")

    # a search: results with "Add" buttons; everything typed comes back; nothing saved
    response, state = post(sme_client, url, typed, find_skill="spreadsheets", search_skills="1")
    assert add_button(response, spreadsheets)
    assert "Organising data and spreadsheets" in page_text(response)
    assert (state.value("challenge"), state.value("region")) == (CHALLENGE, REGION)
    assert state.data()["languages"] == ["fr"] and state.value("mode") == "remote"
    assert not NeedsProfile.objects.exists()

    # three adds, each choosing its importance and level as the person would
    data = state.data()
    for chosen, importance, target in ((spreadsheets, "3", "2"), (website, "2", "3"),
                                       (phishing, "1", "2")):  # fmt: skip
        response, state = post(sme_client, url, data, add_gap=str(chosen.pk))
        assert gap_ids(response)[-1] == chosen.pk
        assert f"Added “{chosen_label(chosen)}”" in page_text(response)
        data = state.data(**{f"gap_{chosen.pk}": importance, f"target_{chosen.pk}": target})
    assert gap_ids(response) == [spreadsheets.pk, website.pk, phishing.pk]
    assert (state.value("challenge"), state.value("region")) == (CHALLENGE, REGION)
    assert not NeedsProfile.objects.exists()

    # remove one: the others keep what was chosen for them
    response, state = post(sme_client, url, data, remove_gap=str(website.pk))
    assert gap_ids(response) == [spreadsheets.pk, phishing.pk]
    assert (state.value(f"gap_{spreadsheets.pk}"), state.value(f"target_{spreadsheets.pk}")) == (
        "3",
        "2",
    )
    assert f"Removed “{chosen_label(website)}”" in page_text(response)

    # up to ten, then the eleventh is refused with a clear message
    others = [s for s in Skill.objects.selectable().order_by("pk") if s.pk not in gap_ids(response)]
    for extra in others[: MAX_GAPS - 2]:
        response, state = post(sme_client, url, state.data(), add_gap=str(extra.pk))
    assert len(gap_ids(response)) == MAX_GAPS
    eleventh = others[MAX_GAPS - 2]
    response, state = post(sme_client, url, state.data(), add_gap=str(eleventh.pk))
    assert str(MSG_GAPS_MAX) in page_text(response)
    assert len(gap_ids(response)) == MAX_GAPS and eleventh.pk not in gap_ids(response)

    # back to two gaps, then save
    for extra in others[: MAX_GAPS - 2]:
        response, state = post(sme_client, url, state.data(), remove_gap=str(extra.pk))
    response = sme_client.post(url, state.data(status="active"))

    assert response.status_code == 302
    needs = NeedsProfile.objects.get(organisation=world.sme)
    assert sorted(needs.gaps.values_list("skill_id", "importance", "target_level")) == sorted(
        [(spreadsheets.pk, 3, 2), (phishing.pk, 1, 2)]
    )
    assert (needs.challenge, needs.region, list(needs.languages), needs.mode) == (
        CHALLENGE,
        REGION,
        ["fr"],
        "remote",
    )

    # the page reopens with the chosen gaps and the other fields
    reopened = sme_client.get(url)
    state = FormState(reopened.content.decode())
    assert sorted(gap_ids(reopened)) == sorted([spreadsheets.pk, phishing.pk])
    assert state.value(f"gap_{spreadsheets.pk}") == "3"
    assert state.value(f"target_{phishing.pk}") == "2"
    assert (state.value("challenge"), state.value("region")) == (CHALLENGE, REGION)


def chosen_label(chosen: Skill) -> str:
    from skillup.plain_skills import plain_skill

    return plain_skill(chosen.framework.key, chosen.code, "en").label


@pytest.mark.parametrize(
    "posted", ["999999", "abc", "", "99999999999999999999999", "area"], ids=repr
)
def test_add_unknown_competence_refused_with_a_message(sme_client, url, typed, posted):
    if posted == "area":
        posted = str(Skill.objects.filter(is_area=True).first().pk)

    response, state = post(sme_client, url, typed, add_gap=posted)

    assert str(MSG_GAP_UNKNOWN) in page_text(response)
    assert gap_ids(response) == []
    assert state.value("region") == REGION
    assert not NeedsProfile.objects.exists()


def test_add_twice_keeps_one(sme_client, url, typed):
    spreadsheets = skill("digcomp", "1.3")
    response, state = post(sme_client, url, typed, add_gap=str(spreadsheets.pk))

    response, state = post(sme_client, url, state.data(), add_gap=str(spreadsheets.pk))

    assert gap_ids(response) == [spreadsheets.pk]
    assert "is in your list already" in page_text(response)


def test_add_or_search_shows_no_error_and_keeps_bad_input_as_typed(sme_client, url, typed):
    """Nothing is validated before the SME saves: a region too long stays as typed, unmarked."""
    data = {**typed, "region": ["r" * 150], "status": ["won"]}

    response, state = post(sme_client, url, data, add_gap=str(skill("advanced", "CLOUD").pk))

    assert state.value("region") == "r" * 150
    assert "Nothing is saved yet" not in page_text(response)
    assert "is-invalid" not in response.content.decode()
    assert not NeedsProfile.objects.exists()


def test_save_refuses_a_chosen_gap_without_its_choices(sme_client, url, typed):
    cloud = skill("advanced", "CLOUD")
    response, state = post(sme_client, url, typed, add_gap=str(cloud.pk))

    response = sme_client.post(url, state.data())

    body = page_text(response)
    assert "Nothing is saved yet" in body
    assert str(MSG_IMPORTANCE_NEEDED) in body
    assert str(MSG_TARGET_NEEDED) in body
    assert gap_ids(response) == [cloud.pk]
    assert FormState(response.content.decode()).value("region") == REGION
    assert not NeedsProfile.objects.exists()


def test_save_refuses_more_than_ten_gaps(sme_client, url, typed):
    """A crafted post with 11 gaps (the buttons never allow it)."""
    skills = list(Skill.objects.selectable().order_by("pk")[: MAX_GAPS + 1])
    data = dict(typed)
    for chosen in skills:
        data[f"gap_{chosen.pk}"] = ["2"]
        data[f"target_{chosen.pk}"] = ["3"]

    response = sme_client.post(url, data)

    assert response.status_code == 200
    assert str(MSG_GAPS_TOO_MANY) in page_text(response)
    assert not NeedsProfile.objects.exists()


def test_save_with_exactly_ten_gaps(world, sme_client, url, typed):
    skills = list(Skill.objects.selectable().order_by("pk")[:MAX_GAPS])
    data = dict(typed)
    for chosen in skills:
        data[f"gap_{chosen.pk}"] = ["2"]
        data[f"target_{chosen.pk}"] = ["3"]

    response = sme_client.post(url, data)

    assert response.status_code == 302
    assert NeedsProfile.objects.get(organisation=world.sme).gaps.count() == MAX_GAPS


def test_browse_shows_every_competence_grouped_by_area(sme_client, url, typed):
    response, _state = post(sme_client, url, typed, browse_skills="1")

    body = response.content.decode()
    assert body.count('name="add_gap"') == Skill.objects.selectable().count()
    assert "Everyday digital skills – Staying safe online" in page_text(response)
    assert body.count('class="needs-area"') == 11  # 5 + 5 areas and the advanced technologies


def test_search_with_no_result_says_so(sme_client, url, typed):
    response, _state = post(sme_client, url, typed, find_skill="zzzqx", search_skills="1")

    assert "No skill matches “zzzqx”" in page_text(response)


def test_remove_then_save_deletes_the_gap(world, sme_client, url):
    scene = mentoring_scene(world)
    first, second = scene.needs.gaps.order_by("skill_id")
    state = FormState(sme_client.get(url).content.decode())

    _response, state = post(sme_client, url, state.data(), remove_gap=str(first.skill_id))
    sme_client.post(url, state.data())

    assert list(scene.needs.gaps.values_list("skill_id", flat=True)) == [second.skill_id]


def test_gap_buttons_need_membership(world, url):
    """The buttons go through the same door as the page: others get a 404, nothing changes."""
    client = Client()
    client.force_login(world.other_sme_admin)

    response = client.post(url, {"add_gap": str(skill("advanced", "AI").pk)})

    assert response.status_code == 404


# --------------------------------------------------------------------------------------------
# With htmx: the part of the page that changed
# --------------------------------------------------------------------------------------------
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_htmx_search_answers_the_results_only(sme_client, url):
    response = sme_client.get(url, {"find_skill": "phishing"}, **HTMX)

    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<form" not in body
    assert add_button(response, skill("digcomp", "4.1"))
    assert 'id="gap-results-status" data-hx-swap-oob="innerHTML"' in body
    assert "skills match “phishing”" in page_text(response)


def test_htmx_search_marks_the_gaps_already_on_the_page(sme_client, url):
    chosen = skill("digcomp", "4.1")

    response = sme_client.get(
        url, {"find_skill": "phishing", f"gap_{chosen.pk}": "", f"target_{chosen.pk}": ""}, **HTMX
    )

    assert not add_button(response, chosen)
    assert "In your list" in page_text(response)


def test_htmx_add_answers_the_gap_list_with_the_note_and_results(sme_client, url, typed):
    cloud = skill("advanced", "CLOUD")

    response = sme_client.post(
        url, {**typed, "find_skill": "cloud", "add_gap": str(cloud.pk)}, **HTMX
    )

    body = response.content.decode()
    assert "<html" not in body
    assert body.lstrip().startswith('<div id="gap-list"')
    assert re.search(rf'<select name="gap_{cloud.pk}"[^>]*autofocus', body)
    assert 'id="gap-note" data-hx-swap-oob="innerHTML"' in body
    assert 'id="gap-results" data-hx-swap-oob="innerHTML"' in body
    assert not add_button(response, cloud)  # "In your list" in the refreshed results
    assert not NeedsProfile.objects.exists()


def test_htmx_remove_answers_the_gap_list(sme_client, url, typed):
    cloud = skill("advanced", "CLOUD")
    data = {**typed, f"gap_{cloud.pk}": "2", f"target_{cloud.pk}": "3"}

    response = sme_client.post(url, {**data, "remove_gap": str(cloud.pk)}, **HTMX)

    assert gap_ids(response) == []
    assert "No skill gap chosen yet" in page_text(response)


def test_htmx_save_is_a_normal_save(world, sme_client, url, typed):
    """Only the gap buttons are htmx requests; a save sent by htmx anyway saves and sends the
    browser on as a whole page."""
    plain = sme_client.post(url, typed)
    response = sme_client.post(url, typed, **HTMX)

    assert plain.status_code == 302
    assert (response.status_code, response["HX-Redirect"]) == (200, plain["Location"])
    assert NeedsProfile.objects.filter(organisation=world.sme).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_htmx_after_the_session_expired_loads_the_log_in_page_whole(
    world, client, url, typed, method
):
    """The log-in page never lands inside the list of gaps: htmx is told to load it whole."""
    data = {"find_skill": "cloud"} if method == "get" else {**typed, "add_gap": "1"}

    response = getattr(client, method)(url, data, **HTMX)

    assert response.status_code == 200
    assert response.content == b""
    assert response["HX-Redirect"].startswith(reverse("account_login") + "?next=")


def test_page_loads_htmx_from_the_site_with_no_inline_script(sme_client, url):
    body = sme_client.get(url).content.decode()

    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", body, flags=re.S)
    assert any("/static/django_htmx/htmx-2.min.js" in attrs for attrs, _code in scripts)
    assert all('src="/static/' in attrs and not code.strip() for attrs, code in scripts)
    assert '"includeIndicatorStyles": false' in html.unescape(body)  # no inline <style> by htmx


def test_needs_page_queries_do_not_grow_with_the_gaps(world, sme_client, url, typed):
    def queries_with(count: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        data = dict(typed)
        for chosen in Skill.objects.selectable().order_by("pk")[:count]:
            data[f"gap_{chosen.pk}"] = ["2"]
            data[f"target_{chosen.pk}"] = ["3"]
        sme_client.post(url, data)
        with CaptureQueriesContext(connection) as queries:
            sme_client.get(url)
        return len(queries)

    assert queries_with(1) == queries_with(MAX_GAPS)


# --------------------------------------------------------------------------------------------
# Companies to exclude: those with approved mentors
# --------------------------------------------------------------------------------------------
def company_with_mentor(name: str, state: str):
    company = CompanyFactory(name=name)
    MentorProfileFactory(company=company, state=state)
    return company


def excludable(response) -> list[str]:
    body = response.content.decode()
    values = re.findall(r'name="excluded_companies" value="(\d+)"', body)
    from accounts.models import Organisation

    return [Organisation.objects.get(pk=int(v)).name for v in values]


def test_excluded_companies_lists_only_companies_with_approved_mentors(world, sme_client, url):
    company_with_mentor("Approved Mentors AG", "approved")
    company_with_mentor("Another Approved SA", "approved")
    company_with_mentor("Pending Mentor NV", "pending")
    company_with_mentor("Rejected Mentor BV", "rejected")
    company_with_mentor("Incomplete Mentor Oy", "incomplete")
    CompanyFactory(name="No Mentors Ltd")
    MentorProfileFactory(company=world.company, state="approved")

    response = sme_client.get(url)

    assert excludable(response) == ["Another Approved SA", "Approved Mentors AG", "Big Digital SE"]


def test_excluded_companies_company_with_two_approved_mentors_listed_once(sme_client, url):
    company = company_with_mentor("Twice Mentored SE", "approved")
    MentorProfileFactory(company=company, state="approved")

    assert excludable(sme_client.get(url)) == ["Twice Mentored SE"]


def test_excluded_companies_refuses_a_company_without_approved_mentors(sme_client, url, typed):
    company_with_mentor("Approved Mentors AG", "approved")
    pending = company_with_mentor("Pending Mentor NV", "pending")

    response = sme_client.post(url, {**typed, "excluded_companies": [str(pending.pk)]})

    assert response.status_code == 200
    assert "Select a valid choice." in page_text(response)
    assert not NeedsProfile.objects.exists()


def test_excluded_companies_saves_one_with_approved_mentors(world, sme_client, url, typed):
    approved = company_with_mentor("Approved Mentors AG", "approved")

    response = sme_client.post(url, {**typed, "excluded_companies": [str(approved.pk)]})

    assert response.status_code == 302
    needs = NeedsProfile.objects.get(organisation=world.sme)
    assert list(needs.excluded_companies.all()) == [approved]


def test_excluded_companies_keeps_an_earlier_exclusion_whose_mentors_left(
    world, sme_client, url, typed
):
    """A company excluded before its mentors left stays listed, ticked, and saved again."""
    company = company_with_mentor("Former Mentors SE", "approved")
    sme_client.post(url, {**typed, "excluded_companies": [str(company.pk)]})
    company.mentors.update(state="rejected")

    page = sme_client.get(url)
    state = FormState(page.content.decode())
    sme_client.post(url, state.data())

    assert excludable(page) == ["Former Mentors SE"]
    assert state.data()["excluded_companies"] == [str(company.pk)]
    needs = NeedsProfile.objects.get(organisation=world.sme)
    assert list(needs.excluded_companies.all()) == [company]


def test_excluded_companies_none_yet_says_so(sme_client, url):
    response = sme_client.get(url)

    assert excludable(response) == []
    assert "No company has mentors in the programme yet" in page_text(response)


# --------------------------------------------------------------------------------------------
# Languages: the interface's first, the others folded, each chosen one in view
# --------------------------------------------------------------------------------------------
def language_boxes(response) -> tuple[list[str], list[str]]:
    """(the language codes shown, those folded under "Other languages")."""
    body = response.content.decode()
    shown, folded = body.split('class="needs-more-languages"', 1)
    pattern = r'name="languages" value="(\w+)"'
    return re.findall(pattern, shown), re.findall(pattern, folded)


def test_languages_shown_first_and_the_others_folded(sme_client, url):
    shown, folded = language_boxes(sme_client.get(url))

    # the interface's languages, by their English names: Dutch, English, French, German, …
    assert shown == ["nl", "en", "fr", "de", "it", "pl", "es"]
    assert len(folded) == 19 and "pt" in folded


def test_languages_a_chosen_one_stays_in_view_and_ticked(world, sme_client, url, typed):
    sme_client.post(url, {**typed, "languages": ["pt", "fr"]})

    response = sme_client.get(url)

    shown, folded = language_boxes(response)
    assert shown == ["nl", "en", "fr", "de", "it", "pl", "pt", "es"]
    assert "pt" not in folded
    assert FormState(response.content.decode()).data()["languages"] == ["fr", "pt"]
    assert sorted(NeedsProfile.objects.get(organisation=world.sme).languages) == ["fr", "pt"]


def test_languages_sorted_by_their_names_in_the_readers_language(world):
    client = Client()
    client.force_login(world.sme_admin)

    with translation.override("fr"):
        french_url = reverse("matching:needs_edit", kwargs={"pk": world.sme.pk})
    shown, folded = language_boxes(client.get(french_url))

    # Allemand, Anglais, Espagnol, Français, Italien, Néerlandais, Polonais
    assert shown == ["de", "en", "es", "fr", "it", "nl", "pl"]
    assert folded[:3] == ["bg", "hr", "da"]  # Bulgare, Croate, Danois


def test_languages_unknown_one_refused_on_the_field(sme_client, url, typed):
    response = sme_client.post(url, {**typed, "languages": ["xx"]})

    assert re.search(
        r'id="error_1_id_languages"><strong>Select a valid choice', response.content.decode()
    )
    assert not NeedsProfile.objects.exists()
