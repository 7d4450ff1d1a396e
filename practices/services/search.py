"""The search documents of published practices, and what follows a change the public sees."""

from collections.abc import Iterable

from django.db import connection, transaction

from ..cache import practices_version_bump
from ..enums import PracticeState
from ..models import Practice, PracticeSearch
from ..selectors import SEARCH_CONFIG, STEMMED_CONFIGS

# The search documents of published practices (models.PracticeSearch), built in SQL from the
# practice's columns: `rank_document` (titles A, descriptions and SME name B) ranks, `document`
# (that and the answers, C) matches. The answers are the four original ones (Practice's columns,
# unless a coordinator made their question private or hid it) and those of the call's other public
# questions (issue #19: practices.answers says which answers visitors may read). Each text is
# indexed twice: with its practice's language's configuration (stemmed, accents folded: "formations"
# and "formation" meet) and with skillup_simple (accents folded, not stemmed: a word typed in
# another language's query still meets it). The same statement adds the unstemmed words to the word
# list "Did you mean …?" picks from (models.PracticeSearchWord: 3 to 40 letters, no digits, and in
# how many practices; a word left behind by a practice taken down is harmless: a suggestion is only
# made when it finds more). Each text is parsed once per configuration. Migration 0014 holds a copy.
SEARCH_DOCUMENTS_SQL = """
WITH private_legacy AS (
    SELECT q.call_id, array_agg(q.legacy_field::text) AS fields
    FROM practices_callquestion q
    WHERE q.legacy_field <> '' AND (NOT q.is_public OR q.is_hidden)
    GROUP BY q.call_id
), configured AS (
    SELECT p.id, p.published_at, p.public_title, p.title, p.public_description,
           concat_ws(' ', p.short_description, o.name) AS descriptions,
           concat_ws(' ',
               CASE WHEN 'online_learning' = ANY(h.fields) THEN NULL ELSE p.online_learning END,
               CASE WHEN 'methodology' = ANY(h.fields) THEN NULL ELSE p.methodology END,
               CASE WHEN 'keep_learning' = ANY(h.fields) THEN NULL ELSE p.keep_learning END,
               CASE WHEN 'tools' = ANY(h.fields) THEN NULL ELSE p.other_tools END,
               -- the answers to the call's other public questions: texts, "other" texts and
               -- the chosen choices' labels in every language
               (SELECT string_agg(concat_ws(' ', a.value_text,
                           (SELECT string_agg(label.value, ' ')
                            FROM jsonb_array_elements(q.choices) AS c(choice),
                                 jsonb_each_text(c.choice->'label') AS label
                            WHERE jsonb_typeof(a.value_choices) = 'array'
                              AND a.value_choices ? (c.choice->>'value'))), ' ')
                FROM practices_answer a
                JOIN practices_callquestion q ON q.id = a.question_id
                WHERE a.practice_id = p.id AND q.legacy_field = '' AND q.is_public
                  AND NOT q.is_hidden AND q.kind <> 'file')
           ) AS answers,
           -- the public text's own language when staff gave it one (Practice.text_language)
           CASE WHEN p.public_language <> ''
                     AND (p.public_title <> '' OR p.public_description <> '')
                THEN p.public_language ELSE p.language END AS text_language,
           p.language
    FROM practices_practice p
    JOIN accounts_organisation o ON o.id = p.organisation_id
    LEFT JOIN private_legacy h ON h.call_id = p.call_id
    WHERE p.state = %(published)s AND (%(every)s OR p.id = ANY(%(ids)s))
), configured_languages AS (
    SELECT c.*,
           COALESCE((%(configs)s::text[])[array_position(%(codes)s::text[], c.language::text)],
                    %(config)s)::regconfig AS cfg,
           COALESCE((%(configs)s::text[])[array_position(%(codes)s::text[],
                                                         c.text_language::text)],
                    %(config)s)::regconfig AS public_cfg
    FROM configured c
), parsed AS MATERIALIZED (
    SELECT c.id, c.published_at, c.text_language AS language,
           to_tsvector(c.public_cfg, c.public_title) || to_tsvector(c.cfg, c.title) AS stemmed_a,
           to_tsvector(%(config)s::regconfig, concat_ws(' ', c.public_title, c.title)) AS simple_a,
           to_tsvector(c.public_cfg, c.public_description) || to_tsvector(c.cfg, c.descriptions)
               AS stemmed_b,
           to_tsvector(%(config)s::regconfig, concat_ws(' ', c.public_description, c.descriptions))
               AS simple_b,
           to_tsvector(c.cfg, c.answers) AS stemmed_c,
           to_tsvector(%(config)s::regconfig, c.answers) AS simple_c
    FROM configured_languages c
), written AS (
    INSERT INTO practices_practicesearch (practice_id, published_at, language,
                                          rank_document, document)
    SELECT d.id, COALESCE(d.published_at, NOW()), d.language, ranked.doc,
           ranked.doc || setweight(d.stemmed_c || d.simple_c, 'C')
    FROM parsed d
    CROSS JOIN LATERAL (
        SELECT setweight(d.stemmed_a || d.simple_a, 'A')
            || setweight(d.stemmed_b || d.simple_b, 'B') AS doc
    ) ranked
    ON CONFLICT (practice_id) DO UPDATE SET published_at = EXCLUDED.published_at,
        language = EXCLUDED.language, rank_document = EXCLUDED.rank_document,
        document = EXCLUDED.document
)
INSERT INTO practices_practicesearchword (word, ndoc)
SELECT word.lexeme, count(*)
FROM parsed d, unnest(d.simple_a || d.simple_b || d.simple_c) AS word
WHERE length(word.lexeme) BETWEEN 3 AND 40 AND word.lexeme !~ '[0-9]'
GROUP BY word.lexeme
ON CONFLICT (word) DO NOTHING
"""


def published_practices_changed(ids: Iterable[int]) -> None:
    """What these practices show the public changed, or whether they are published: their
    search documents are rebuilt now and, once committed, a new practices version starts (facet
    counts, cached searches and visitors' cached list pages are worked out again). Called by
    every write that changes a published practice's text, its SME or its state."""
    search_documents_refresh(ids)
    transaction.on_commit(practices_version_bump)


def practice_refresh_search(practice: Practice) -> None:
    """Rebuild the search documents of one practice: written while it is published, removed
    when it no longer is (PostgreSQL only; SQLite searches with a plain LIKE instead)."""
    search_documents_refresh([practice.pk])


def search_documents_refresh(ids: Iterable[int] | None = None) -> None:
    """Rebuild the search documents of these practices (None: of every published practice) in
    one statement, and drop those of practices no longer published; add their words to the
    word list (None: rebuild it)."""
    if connection.vendor != "postgresql":
        return
    ids = None if ids is None else list(ids)
    params = {
        "config": SEARCH_CONFIG,
        "codes": list(STEMMED_CONFIGS),
        "configs": list(STEMMED_CONFIGS.values()),
        "published": PracticeState.PUBLISHED,
        "every": ids is None,
        "ids": ids or [],
    }
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute("DELETE FROM practices_practicesearchword")
        cursor.execute(SEARCH_DOCUMENTS_SQL, params)
    stale = PracticeSearch.objects.exclude(practice__state=PracticeState.PUBLISHED)
    (stale if ids is None else stale.filter(practice_id__in=ids)).delete()
