"""Public pages: calls, the browsable list of published practices, a practice's page with its
contact form, share links and Open Graph image (share.py), attachments, the Atom feed."""

import hashlib
import mimetypes
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import cached_property
from django.utils.html import linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_safe

from accounts.enums import SizeBand, eu_eea_country_choices
from skillup import ratelimit
from skillup.dates import format_day
from skillup.errors import ApplicationError
from skillup.languages import Language
from skillup.pagecache import cache_for_visitors

from .. import og_image, selectors, services, share
from ..answers import page_answers
from ..cache import practices_version
from ..enums import PracticeState
from ..filters import PER_PAGE, PracticeFilter
from ..language import interface_content_language
from ..models import Answer, Call, DetailRequest, Practice
from ..permissions import (
    can_view_attachment,
    can_view_call,
    can_view_submission,
    is_public_attachment,
)
from ..public_forms import ContactForm

CONTACT_LIMIT = 5  # messages per visitor IP address …
CONTACT_WINDOW_SECONDS = 3600  # … per hour
CONTACT_RATE = ratelimit.Limit("practice-contact", CONTACT_LIMIT, CONTACT_WINDOW_SECONDS)
FEED_SIZE = 50
# Served inline (shown in the page); anything else is a download.
INLINE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}


# --------------------------------------------------------------------------------------------
# Calls
# --------------------------------------------------------------------------------------------
def deadline_context(call: Call) -> dict:
    """The call's dates as people read them, the zone named ("30 April 2021, 23:59 CEST"), and
    its status for everyone ("upcoming", "open", "closed": Call.window_for without an SME)."""
    return {
        "status": str(call.window_for().status),
        "opens_text": services.format_deadline(call.opens_at),
        "closes_text": services.format_deadline(call.closes_at),
    }


@require_safe
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(Call, slug=slug)
    if not can_view_call(request.user, call):
        raise Http404
    context = {"call": call, "deadline": deadline_context(call), "preview": not call.is_listed}
    return render(request, "practices/call_detail.html", context)


# --------------------------------------------------------------------------------------------
# Browsing published practices
# --------------------------------------------------------------------------------------------
class _CountedPaginator(Paginator):
    """A paginator told its count (the facet counts already know it): no COUNT query."""

    def __init__(self, object_list, per_page, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


@dataclass(frozen=True)
class PracticeCard:
    """What a practice's card on the public list shows, worked out in Python: the same card
    through template lookups and filters cost about half a millisecond, 20 a page."""

    pk: int
    url: str
    title: str
    subtitle: str  # SME · country · size
    description: str  # the first 40 words
    topics: list[str]
    published: str  # "Published 3 May 2024 · 12 views"
    language: str  # of its text (the `lang` of its title and description)
    language_note: str  # "Language: Polish" when it is not the page's language, else ""


def practice_cards(practices) -> list[PracticeCard]:
    countries = dict(eu_eea_country_choices())
    sizes = dict(SizeBand.choices)
    language_names = dict(Language.choices)
    page_language = interface_content_language()
    cards = []
    for practice in practices:
        language = practice.text_language
        organisation = practice.organisation
        country = countries.get(organisation.country, str(organisation.country))
        views = practice.view_count
        date = format_day(practice.published_at)
        cards.append(
            PracticeCard(
                pk=practice.pk,
                url=practice.get_absolute_url(),
                title=practice.display_title,
                subtitle=" · ".join(
                    (organisation.name, country, str(sizes.get(organisation.size_band, "")))
                ),
                description=Truncator(practice.display_description).words(40, truncate=" …"),
                topics=[str(topic) for topic in practice.topics.all()],
                published=ngettext(
                    "Published %(date)s · %(views)s view",
                    "Published %(date)s · %(views)s views",
                    views,
                )
                % {"date": date, "views": views},
                language=language,
                language_note=""
                if language == page_language
                else _("Language: %(language)s")
                % {"language": language_names.get(language, language)},
            )
        )
    return cards


# Anonymous visitors' list pages are cached briefly; a publication shows at once (new version).
LIST_CACHE_SECONDS = 60


@cache_for_visitors(timeout=LIST_CACHE_SECONDS, version=practices_version)
@require_safe
def practice_list(request: HttpRequest) -> HttpResponse:
    filterset = PracticeFilter(request.GET)
    facets = filterset.facet_counts()
    filterset.show_counts(facets)
    # the results' ids in order, from the facet index (a search's best matches, or the newest
    # first): a page of ids, then its rows by id; in SQL only for another sort
    ordered = filterset.ranked_result_ids()
    if ordered is None:
        ordered = filterset.newest_result_ids()
    if ordered is None:
        paginator = _CountedPaginator(filterset.qs, PER_PAGE, count=facets.total)
    else:
        paginator = Paginator(ordered, PER_PAGE)
    # ?page=abc → the first page, ?page=-1 or ?page=9999 → the last: never an error
    page = paginator.get_page(request.GET.get("page"))
    if ordered is not None:
        page.object_list = filterset.practices(list(page.object_list))
    page.object_list = practice_cards(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    suggestion_query = query.copy()
    suggestion_query["q"] = filterset.suggestion or ""
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "total": facets.total,
        "query": query.urlencode(),
        "suggestion_query": suggestion_query.urlencode(),
        "filtered": bool(filterset.values),
    }
    return render(request, "practices/practice_list.html", context)


# --------------------------------------------------------------------------------------------
# One practice
# --------------------------------------------------------------------------------------------
def _visitor(request: HttpRequest) -> str:
    """Who is viewing, for counting reloads once: the session if there is one (none is created
    for this), else the address and browser."""
    session_key = request.session.session_key
    if session_key:
        return f"s:{session_key}"
    agent = request.headers.get("user-agent", "")[:500]
    return "a:" + hashlib.sha256(f"{ratelimit.client_ip(request)}|{agent}".encode()).hexdigest()


class PracticeGone(Exception):
    """The slug of a practice its SME took off the public site: a 410, not a 404."""


def _published(slug: str, practices=None) -> Practice:
    """The published practice at `slug`, read from `practices` (by default with all its page
    shows); a taken-down one raises PracticeGone, any other a 404."""
    practices = selectors.published_practices() if practices is None else practices
    practice = practices.filter(slug=slug).first()
    if practice is None:
        if Practice.objects.filter(slug=slug, state=PracticeState.TAKEN_DOWN).exists():
            raise PracticeGone
        raise Http404
    return practice


def _gone(request: HttpRequest) -> HttpResponse:
    """What a visitor reads at the address of a practice taken down: it is gone (410: search
    engines drop it), nothing of it is shown. Never kept by the browser (a 410 may be cached
    by default): published again, the practice shows at the same address at once."""
    response = render(request, "practices/practice_gone.html", status=410)
    add_never_cache_headers(response)
    return response


def published_only(view):
    """A page of one published practice: a taken-down one answers 410, any other a 404."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PracticeGone:
            return _gone(request)

    return wrapped


def _practice_context(request: HttpRequest, practice: Practice) -> dict:
    extension = practice.attachment.name.rsplit(".", 1)[-1].lower() if practice.attachment else ""
    absolute_url = f"{settings.SITE_URL}{practice.get_absolute_url()}"
    context = {
        "practice": practice,
        "show_attachment": bool(practice.attachment)
        and can_view_attachment(request.user, practice),
        "attachment_is_image": extension in INLINE_TYPES,
        "absolute_url": absolute_url,
        "site_url": settings.SITE_URL,
        "call_is_public": practice.call.is_listed,
        "share_links": share.share_links(url=absolute_url, title=practice.display_title),
        "og_image_url": share.og_image_url(practice),
        "og_image_size": (og_image.WIDTH, og_image.HEIGHT),
        "structured_data": share.json_ld(share.structured_data(practice, url=absolute_url)),
        "related": list(selectors.related_practices(practice)),
        "text_language_name": dict(Language.choices).get(practice.text_language, ""),
    }
    # the four original answers keep their markup (Practice's columns) unless their question
    # was made private; the answers to the call's other public questions follow them
    context["extra_answers"], context["legacy_hidden"] = page_answers(practice)
    return context


# A practice's page is the page people land on from a shared link or a newsletter: anonymous
# visitors' copies are cached as the list's are (a publication, a new public text or a takedown
# shows at once: a new practices version). The view is counted on every page served, from the
# cache or not.
PRACTICE_CACHE_SECONDS = 60


@require_safe
def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    response = _practice_page(request, slug)
    if response.status_code == 200:
        services.practice_register_view(
            slug=slug,
            visitor=_visitor(request),
            user_agent=request.headers.get("user-agent", ""),
        )
    return response


@cache_for_visitors(timeout=PRACTICE_CACHE_SECONDS, version=practices_version)
@published_only
def _practice_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The page (the same for every visitor: the contact form is a page of its own, whose
    CSRF token would make it theirs). Its view count is the total written so far
    (practices.viewcounts: within a minute)."""
    practice = _published(slug)
    context = _practice_context(request, practice)
    context["view_count"] = practice.view_count
    return render(request, "practices/practice_detail.html", context)


# Shared caches may keep an image this long; the portal's own cache holds it per practices
# version (share.py), and a practice taken down answers 404 at once.
OG_IMAGE_MAX_AGE = 300


@require_safe
def practice_og_image(request: HttpRequest, slug: str) -> HttpResponse:
    """The Open Graph image of a published practice (a PNG drawn by the portal); a 404 for
    any other slug, a taken-down practice's included."""
    practice = selectors.published_practice_for_image(slug)
    if practice is None:
        raise Http404
    response = HttpResponse(share.og_image_png(practice), content_type=share.OG_IMAGE_TYPE)
    response["Cache-Control"] = f"public, max-age={OG_IMAGE_MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "POST"])
@published_only
def practice_contact(request: HttpRequest, slug: str) -> HttpResponse:
    # the page names the practice and its SME: not its call, topics and tools (a third of the
    # page's time on a launch day, when the contact form is one of the few uncached pages)
    practice = _published(slug, selectors.published_practices_named())
    action = reverse("practices:practice_contact", kwargs={"slug": practice.slug})
    form = ContactForm(request.POST if request.method == "POST" else None, action=action)
    if request.method == "POST" and form.is_valid():
        if form.is_robot:  # say what a person would read, send nothing
            messages.success(request, _("Your message is on its way to the SME."))
            return redirect(practice)
        if not ratelimit.hit(CONTACT_RATE, ratelimit.client_ip(request)):
            context = {"practice": practice, "form": None, "rate_limited": True}
            return render(request, "practices/practice_contact.html", context, status=429)
        try:
            services.contact_message_send(practice=practice, **form.message_fields())
        except ApplicationError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your message is on its way to the SME."))
            return redirect(practice)
    context = {"practice": practice, "form": form, "rate_limited": False}
    status = 400 if request.method == "POST" else 200
    return render(request, "practices/practice_contact.html", context, status=status)


# --------------------------------------------------------------------------------------------
# Attachments
# --------------------------------------------------------------------------------------------
@require_safe
def practice_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """The practice's image or PDF, for whoever may see it; a 404 for everyone else (an id
    reveals nothing)."""
    practice = get_object_or_404(Practice.objects.select_related("organisation"), pk=pk)
    if not practice.attachment or not can_view_attachment(request.user, practice):
        raise Http404
    return _file_response(
        practice.attachment, practice=practice, public=is_public_attachment(practice)
    )


@require_safe
def answer_file(request: HttpRequest, pk: int) -> FileResponse:
    """The file an SME sent as its answer to one of its call's questions (#19): the SME's
    members and programme staff without a conflict of interest, whatever the question says
    about publication (no public page shows an answer's file); a 404 for everyone else."""
    answer = get_object_or_404(Answer.objects.select_related("practice__organisation"), pk=pk)
    practice = answer.practice
    if not answer.value_file or not can_view_submission(request.user, practice):
        raise Http404
    return _file_response(answer.value_file, practice=practice, public=False)


@require_safe
def detail_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """The file an SME attached to its answer to a request for detail: the SME's members and
    programme staff without a conflict of interest; a 404 for everyone else."""
    detail_request = get_object_or_404(
        DetailRequest.objects.select_related("practice__organisation"), pk=pk
    )
    practice = detail_request.practice
    if not detail_request.answer_attachment or not can_view_submission(request.user, practice):
        raise Http404
    return _file_response(detail_request.answer_attachment, practice=practice, public=False)


def _file_response(field_file, *, practice: Practice, public: bool) -> FileResponse:
    extension = field_file.name.rsplit(".", 1)[-1].lower()
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    inline = extension in INLINE_TYPES
    content_type = INLINE_TYPES.get(extension) or (
        mimetypes.types_map.get(f".{extension}", "application/octet-stream")
    )
    filename = f"{slugify(practice.display_title)[:80] or 'practice'}.{extension}"
    response = FileResponse(
        handle, as_attachment=not inline, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response


# --------------------------------------------------------------------------------------------
# Feed
# --------------------------------------------------------------------------------------------
class _ContentLanguageAtomFeed(Atom1Feed):
    """Atom whose entries say the language of their practice's text (xml:lang on <entry>)
    where it is not the feed's own (the interface language, on <feed>)."""

    def item_attributes(self, item) -> dict:
        attributes = super().item_attributes(item)
        language = item.get("text_language")
        if language and language != self.feed["language"]:
            attributes["xml:lang"] = language
        return attributes


class PracticeFeed(Feed):
    """The newest published practices (Atom)."""

    feed_type = _ContentLanguageAtomFeed
    title = gettext_lazy("SkillUp: new good practices")
    subtitle = gettext_lazy("How SMEs upskill their staff, as published by SkillUp.")
    link = reverse_lazy("practices:practice_list")

    def items(self):
        return selectors.published_practices_listed().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item: Practice) -> str:
        return item.display_title

    def item_description(self, item: Practice) -> str:
        # Atom readers treat the summary as HTML: the SME's plain text, escaped
        return linebreaks(item.display_description, autoescape=True)

    def item_link(self, item: Practice) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Practice):
        return item.published_at

    def item_updateddate(self, item: Practice):
        return item.published_at

    def item_author_name(self, item: Practice) -> str:
        return item.organisation.name

    def item_categories(self, item: Practice) -> list[str]:
        return [str(topic) for topic in item.topics.all()]

    def item_extra_kwargs(self, item: Practice) -> dict:
        return {"text_language": item.text_language}
