"""Search in every language (#16): the unaccent and pg_trgm extensions; a text search
configuration per language PostgreSQL stems, each folding accents (`skillup_<language>`), and
`skillup_simple` (accents folded, no stemming) for the others; each search document rebuilt with its
practice's language's configuration and, so that a query in any language finds it, with
skillup_simple as well; the practice's language beside its documents (ranking prefers the
visitor's); and the list of the words of published practices, with a trigram index, that "Did you
mean …?" picks from.

The SQL is a copy of practices.services.search's at the time of writing (a migration does not
import code that may change). SQLite searches with LIKE and needs none of it.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

# ISO 639-1 → the PostgreSQL configuration it copies (the others: skillup_simple)
STEMMED = {
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
}
WORD_INDEX = "practices_search_word_trgm"

# the documents and the word list
DOCUMENTS = """
WITH configured AS (
    SELECT p.id, p.published_at, p.public_title, p.title, p.public_description,
           concat_ws(' ', p.short_description, o.name) AS descriptions,
           concat_ws(' ', p.online_learning, p.methodology, p.keep_learning, p.other_tools)
               AS answers,
           -- the public text's own language when staff gave it one (Practice.text_language)
           CASE WHEN p.public_language <> ''
                     AND (p.public_title <> '' OR p.public_description <> '')
                THEN p.public_language ELSE p.language END AS text_language,
           p.language
    FROM practices_practice p
    JOIN accounts_organisation o ON o.id = p.organisation_id
    WHERE p.state = 'published'
), configured_languages AS (
    SELECT c.*,
           COALESCE((%(configs)s::text[])[array_position(%(codes)s::text[], c.language::text)],
                    'skillup_simple')::regconfig AS cfg,
           COALESCE((%(configs)s::text[])[array_position(%(codes)s::text[],
                                                         c.text_language::text)],
                    'skillup_simple')::regconfig AS public_cfg
    FROM configured c
), parsed AS MATERIALIZED (
    SELECT c.id, c.published_at, c.text_language AS language,
           to_tsvector(c.public_cfg, c.public_title) || to_tsvector(c.cfg, c.title) AS stemmed_a,
           to_tsvector('skillup_simple'::regconfig, concat_ws(' ', c.public_title, c.title))
               AS simple_a,
           to_tsvector(c.public_cfg, c.public_description) || to_tsvector(c.cfg, c.descriptions)
               AS stemmed_b,
           to_tsvector('skillup_simple'::regconfig,
                       concat_ws(' ', c.public_description, c.descriptions)) AS simple_b,
           to_tsvector(c.cfg, c.answers) AS stemmed_c,
           to_tsvector('skillup_simple'::regconfig, c.answers) AS simple_c
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

# 0009's documents, for the way back (the language column goes after this runs)
SIMPLE_DOCUMENTS = """
INSERT INTO practices_practicesearch (practice_id, published_at, language, rank_document, document)
SELECT p.id, COALESCE(p.published_at, NOW()), p.language, ranked.doc,
       ranked.doc
       || setweight(to_tsvector('simple', COALESCE(p.online_learning, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.methodology, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.keep_learning, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.other_tools, '')), 'C')
FROM practices_practice p
JOIN accounts_organisation o ON o.id = p.organisation_id
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector('simple', COALESCE(p.public_title, '')), 'A')
        || setweight(to_tsvector('simple', COALESCE(p.title, '')), 'A')
        || setweight(to_tsvector('simple', COALESCE(p.public_description, '')), 'B')
        || setweight(to_tsvector('simple', COALESCE(p.short_description, '')), 'B')
        || setweight(to_tsvector('simple', COALESCE(o.name, '')), 'B') AS doc
) ranked
WHERE p.state = 'published'
"""


def document_params() -> dict:
    return {"codes": list(STEMMED), "configs": [f"skillup_{n}" for n in STEMMED.values()]}


def _configurations() -> list[tuple[str, str]]:
    """(configuration, the stemming dictionary after unaccent)"""
    return [("skillup_simple", "simple")] + [
        (f"skillup_{name}", f"{name}_stem") for name in sorted(set(STEMMED.values()))
    ]


def build(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config, dictionary in _configurations():
        copied = "simple" if dictionary == "simple" else dictionary.removesuffix("_stem")
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = {copied})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR hword, hword_part, "
            f"word WITH unaccent, {dictionary}"
        )
    schema_editor.execute("DELETE FROM practices_practicesearch")
    schema_editor.execute(DOCUMENTS, document_params())
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {WORD_INDEX} ON practices_practicesearchword "
        "USING gin (word gin_trgm_ops)"
    )
    schema_editor.execute("ANALYZE practices_practicesearch")
    schema_editor.execute("ANALYZE practices_practicesearchword")


def unbuild(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {WORD_INDEX}")
    schema_editor.execute("DELETE FROM practices_practicesearch")
    schema_editor.execute(SIMPLE_DOCUMENTS)
    # fire the foreign keys' deferred checks now: the language column is dropped next
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for config, _dictionary in _configurations():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0014_practice_language"),
    ]

    operations = [
        # no-ops on SQLite (the operations check the database themselves)
        UnaccentExtension(),
        TrigramExtension(),
        migrations.AddField(
            model_name="practicesearch",
            name="language",
            field=models.CharField(default="en", max_length=2),
        ),
        migrations.CreateModel(
            name="PracticeSearchWord",
            fields=[
                ("word", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("ndoc", models.PositiveIntegerField(default=0)),
            ],
            options={
                "verbose_name": "word of the published practices",
                "verbose_name_plural": "words of the published practices",
            },
        ),
        migrations.RunPython(build, unbuild, elidable=False),
    ]
