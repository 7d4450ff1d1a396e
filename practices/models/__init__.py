"""The models of calls and practices, one module per subject (calls, practices, reviews,
events, questions); every model is importable from here, as Django and the migrations expect."""

from .calls import (
    DEFAULT_QUESTION_KEEP_LEARNING,
    DEFAULT_QUESTION_METHODOLOGY,
    DEFAULT_QUESTION_ONLINE_LEARNING,
    DEFAULT_QUESTION_TOOLS,
    Call,
    CallWindow,
    DeadlineExtension,
    TranslatedDefault,
)
from .events import Event, EventInvitation
from .practices import (
    ContactMessage,
    Practice,
    PracticeRevision,
    PracticeSearch,
    PracticeSearchWord,
    PracticeTransition,
    PracticeViewDay,
    PracticeViewFlush,
    Topic,
    TrainingTool,
    _attachment_path,  # named by migrations as practices.models._attachment_path
)
from .questions import (
    Answer,
    CallQuestion,
    LegacyField,
    QuestionKind,
    validate_answer,
)
from .reviews import (
    RUBRIC,
    SCORE_VALIDATORS,
    DetailRequest,
    Review,
    ReviewAssignment,
    ReviewConflict,
)

__all__ = [
    "DEFAULT_QUESTION_KEEP_LEARNING",
    "DEFAULT_QUESTION_METHODOLOGY",
    "DEFAULT_QUESTION_ONLINE_LEARNING",
    "DEFAULT_QUESTION_TOOLS",
    "RUBRIC",
    "SCORE_VALIDATORS",
    "Answer",
    "Call",
    "CallQuestion",
    "CallWindow",
    "ContactMessage",
    "DeadlineExtension",
    "DetailRequest",
    "Event",
    "EventInvitation",
    "LegacyField",
    "Practice",
    "PracticeRevision",
    "PracticeSearch",
    "PracticeSearchWord",
    "PracticeTransition",
    "PracticeViewDay",
    "PracticeViewFlush",
    "QuestionKind",
    "Review",
    "ReviewAssignment",
    "ReviewConflict",
    "Topic",
    "TrainingTool",
    "TranslatedDefault",
    "_attachment_path",
    "validate_answer",
]
