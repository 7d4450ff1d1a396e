"""Staff-written content in every interface language (django-modeltranslation).

Each field listed here gets one column per language in settings.LANGUAGES (title_en, title_fr,
title_de, …); reading `call.title` gives the active language's text, or the English one when that
is empty. English is required. The questions of a call default, in each language, to the
standard question in that language.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import build_localized_fieldname

from .models import (
    DEFAULT_QUESTION_KEEP_LEARNING,
    DEFAULT_QUESTION_METHODOLOGY,
    DEFAULT_QUESTION_ONLINE_LEARNING,
    DEFAULT_QUESTION_TOOLS,
    Call,
    CallQuestion,
    Event,
    TranslatedDefault,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_QUESTIONS = {
    "question_online_learning": DEFAULT_QUESTION_ONLINE_LEARNING,
    "question_methodology": DEFAULT_QUESTION_METHODOLOGY,
    "question_tools": DEFAULT_QUESTION_TOOLS,
    "question_keep_learning": DEFAULT_QUESTION_KEEP_LEARNING,
}


TRANSLATION_HELP = _("Optional: a field left empty shows the English text.")


def english(*names: str) -> list[str]:
    """The English columns of translated fields (title -> title_en): what the admin asks first."""
    return [build_localized_fieldname(name, settings.LANGUAGE_CODE) for name in names]


def translation_fieldsets(*names: str) -> list[tuple]:
    """The admin's fieldsets for the other languages: one per language, folded (a <details>
    element, no script) so that seven languages keep the form short; a fieldset with an error
    opens by itself."""
    return [
        (
            name,
            {
                "fields": [build_localized_fieldname(field, code) for field in names],
                "classes": ["collapse"],
                "description": TRANSLATION_HELP,
            },
        )
        for code, name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def localized_names(name: str) -> list[str]:
    """The per-language names of a translated field, or of a lookup that ends with one
    ("call__title" -> "call__title_en", "call__title_fr", …): to search every language, or to
    load or defer every column from a model that is not itself registered."""
    return [build_localized_fieldname(name, code) for code in LANGUAGE_CODES]


@register(Call)
class CallTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "introduction",
        "eligibility",
        "how_to_take_part",
        *DEFAULT_QUESTIONS,
    )
    required_languages = ("en",)
    # only an empty translation falls back to English (by default a text equal to the field's
    # default would too, and a French question equal to its default would show in English)
    fallback_undefined = ""
    field_options = {
        name: {code: {"default": TranslatedDefault(message, code)} for code in LANGUAGE_CODES}
        for name, message in DEFAULT_QUESTIONS.items()
    }


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "place")
    required_languages = ("en",)
    fallback_undefined = ""


@register(CallQuestion)
class CallQuestionTranslationOptions(TranslationOptions):
    """A question's label and help in every language (its choices' labels are in its JSON list:
    see practices/models/questions.py)."""

    fields = ("label", "help_text")
    required_languages = {"en": ("label",)}
    fallback_undefined = ""
