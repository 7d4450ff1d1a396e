"""The search documents of published practices, and what follows a change the public sees."""

from collections.abc import Iterable

from django.db import connection, transaction

from ..cache import practices_version_bump
from ..enums import PracticeState
from ..models import Practice, PracticeSearch
from ..selectors import SEARCH_CONFIG

# The search documents of published practices (models.PracticeSearch), built in SQL from the
# practice's columns: `rank_document` (titles A, descriptions and SME name B) ranks, `document`
# (that and the answers, C) matches. Migration 0009 holds a copy for the existing rows.
SEARCH_DOCUMENTS_SQL = """
INSERT INTO practices_practicesearch (practice_id, published_at, rank_document, document)
SELECT p.id, COALESCE(p.published_at, NOW()), ranked.doc,
       ranked.doc
       || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.online_learning, '')), 'C')
       || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.methodology, '')), 'C')
       || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.keep_learning, '')), 'C')
       || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.other_tools, '')), 'C')
FROM practices_practice p
JOIN accounts_organisation o ON o.id = p.organisation_id
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.public_title, '')), 'A')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.title, '')), 'A')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.public_description, '')), 'B')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.short_description, '')), 'B')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(o.name, '')), 'B') AS doc
) ranked
WHERE p.state = %(published)s AND (%(every)s OR p.id = ANY(%(ids)s))
ON CONFLICT (practice_id) DO UPDATE SET published_at = EXCLUDED.published_at,
    rank_document = EXCLUDED.rank_document, document = EXCLUDED.document
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
    one statement, and drop those of practices no longer published."""
    if connection.vendor != "postgresql":
        return
    ids = None if ids is None else list(ids)
    params = {
        "config": SEARCH_CONFIG,
        "published": PracticeState.PUBLISHED,
        "every": ids is None,
        "ids": ids or [],
    }
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_DOCUMENTS_SQL, params)
    stale = PracticeSearch.objects.exclude(practice__state=PracticeState.PUBLISHED)
    (stale if ids is None else stale.filter(practice_id__in=ids)).delete()
