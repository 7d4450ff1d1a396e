"""Writes for calls and practices. Each service checks, saves, logs and says what it sends.

practice_transition() (transition.py) is the one function that changes a practice's state (see
workflow.MOVES). Whether an SME may write to a call now is Call.window_for(); deadlines.py turns
a window into the refusal a service raises. The modules, by subject:

- transition.py: practice_transition and the checks a move makes;
- submission.py: the SME's drafts, submission and withdrawal; revisions.py: their snapshots;
- deadlines.py: the window's refusals and notices, extensions;
- review.py: requests for detail, reviews, decisions announced with the call;
- licence.py: the open licence (CC BY 4.0) an SME accepts for a practice published before
  the consent named it, and the email asking it once;
- publication.py: the public version, a published text's change the SME approves, taking a
  practice down and publishing it again; search.py: search documents and the practices version;
- visitors.py: views counted, messages to SMEs; events.py: event invitations;
- emails.py: every email of the app; retention.py: what is deleted, and when;
- assignment.py: practices given to reviewers, by hand or for a whole call; declared conflicts;
- questions.py: a call's own questions, its four default ones, the fixed fields' answers.

Every public name is importable from here: `from practices.services import practice_save`.
"""

from .assignment import (
    MSG_CONFLICT_ORGANISATION_DECLARED,
    MSG_CONFLICT_PRACTICE_DECLARED,
    MSG_CONFLICT_REASON,
    MSG_CONFLICT_TARGET,
    MSG_NOT_A_REVIEWER,
    MSG_NOT_AWAITING_REVIEW,
    MSG_REVIEWER_IN_CONFLICT,
    CallAssignmentReport,
    call_assign_reviewers,
    review_assign,
    review_assign_many,
    review_conflict_declare,
    review_conflict_withdraw,
    review_unassign,
)
from .deadlines import (
    MSG_CALL_CLOSED,
    MSG_CALL_NOT_OPEN,
    MSG_CALL_OPENS_ON,
    MSG_DEADLINE_PASSED,
    check_window,
    extension_grant,
    format_deadline,
    window_notice,
    window_refusal,
)
from .emails import TRANSITION_EVENTS
from .errors import (
    MSG_CONFLICT,
    MSG_MOVE_NOT_ALLOWED,
    MSG_NEEDS_CONSENT,
    MSG_NOT_ALLOWED,
    MSG_SME_ADMIN_ONLY,
)
from .events import MSG_ALREADY_INVITED, event_invite, event_rsvp
from .languages import practice_language_set
from .licence import (
    LICENCE_RENEWAL_EVENT,
    MSG_LICENCE_NOT_PUBLISHED,
    licence_renewals_ask,
    licence_renewals_due,
    practice_licence_accept,
)
from .publication import (
    MSG_NO_NEW_TEXT,
    MSG_NOT_SELECTED,
    TextChange,
    practice_public_text_approve,
    practice_public_version_approve,
    practice_public_version_update,
    practice_publish_again,
    practice_take_down,
    proposed_public_text,
    public_text_change,
    public_text_difference,
)
from .questions import (
    call_default_questions_create,
    call_question_save,
    legacy_answers_sync,
)
from .retention import contact_messages_purge, practices_purge_expired
from .review import (
    MSG_NO_OPEN_REQUEST,
    call_release_decisions,
    detail_request_answer,
    detail_request_create,
    practice_record_decision,
    review_save,
)
from .revisions import CONTENT_FIELDS
from .search import (
    SEARCH_DOCUMENTS_SQL,
    practice_refresh_search,
    published_practices_changed,
    search_documents_refresh,
)
from .submission import (
    MSG_NOT_AN_SME,
    MSG_NOT_EDITABLE,
    SIMILARITY_WARNING_RATIO,
    practice_save,
    practice_submit,
    practice_withdraw,
    similar_practices,
)
from .transition import (
    MSG_FIELD_REQUIRED,
    MSG_INCOMPLETE,
    MSG_INTERNAL_REQUIRED,
    MSG_NEEDS_APPROVAL,
    REQUIRED_TO_SUBMIT,
    practice_transition,
)
from .visitors import contact_message_send, practice_register_view

__all__ = [
    "CONTENT_FIELDS",
    "LICENCE_RENEWAL_EVENT",
    "MSG_ALREADY_INVITED",
    "MSG_CALL_CLOSED",
    "MSG_CALL_NOT_OPEN",
    "MSG_CALL_OPENS_ON",
    "MSG_CONFLICT",
    "MSG_CONFLICT_ORGANISATION_DECLARED",
    "MSG_CONFLICT_PRACTICE_DECLARED",
    "MSG_CONFLICT_REASON",
    "MSG_CONFLICT_TARGET",
    "MSG_DEADLINE_PASSED",
    "MSG_FIELD_REQUIRED",
    "MSG_INCOMPLETE",
    "MSG_INTERNAL_REQUIRED",
    "MSG_LICENCE_NOT_PUBLISHED",
    "MSG_MOVE_NOT_ALLOWED",
    "MSG_NEEDS_APPROVAL",
    "MSG_NEEDS_CONSENT",
    "MSG_NOT_ALLOWED",
    "MSG_NOT_AN_SME",
    "MSG_NOT_AWAITING_REVIEW",
    "MSG_NOT_A_REVIEWER",
    "MSG_NOT_EDITABLE",
    "MSG_NOT_SELECTED",
    "MSG_NO_NEW_TEXT",
    "MSG_NO_OPEN_REQUEST",
    "MSG_REVIEWER_IN_CONFLICT",
    "MSG_SME_ADMIN_ONLY",
    "REQUIRED_TO_SUBMIT",
    "SEARCH_DOCUMENTS_SQL",
    "SIMILARITY_WARNING_RATIO",
    "TRANSITION_EVENTS",
    "CallAssignmentReport",
    "TextChange",
    "call_assign_reviewers",
    "call_default_questions_create",
    "call_question_save",
    "call_release_decisions",
    "check_window",
    "contact_message_send",
    "contact_messages_purge",
    "detail_request_answer",
    "detail_request_create",
    "event_invite",
    "event_rsvp",
    "extension_grant",
    "format_deadline",
    "legacy_answers_sync",
    "licence_renewals_ask",
    "licence_renewals_due",
    "practice_language_set",
    "practice_licence_accept",
    "practice_public_text_approve",
    "practice_public_version_approve",
    "practice_public_version_update",
    "practice_publish_again",
    "practice_record_decision",
    "practice_refresh_search",
    "practice_register_view",
    "practice_save",
    "practice_submit",
    "practice_take_down",
    "practice_transition",
    "practice_withdraw",
    "practices_purge_expired",
    "proposed_public_text",
    "public_text_change",
    "public_text_difference",
    "published_practices_changed",
    "review_assign",
    "review_assign_many",
    "review_conflict_declare",
    "review_conflict_withdraw",
    "review_save",
    "review_unassign",
    "search_documents_refresh",
    "similar_practices",
    "window_notice",
    "window_refusal",
]
