"""What every workflow table shares: a move (from, to, who, label) and lookups over the table.

Each app's `workflow.py` lists its moves once, as `MOVES`, and wraps them in a `MoveTable`; its
single transition service (`practice_transition`, `pledge_transition`, `proposal_transition`)
asks the table whether a move is allowed. An app that needs more per move (a deadline, a
required comment) subclasses `Move` with extra fields.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.utils.functional import Promise


@dataclass(frozen=True)
class Move:
    source: str
    target: str
    actor: str
    label: Promise | str


M = TypeVar("M", bound=Move)


class MoveTable(Generic[M]):
    """The allowed moves of one workflow, looked up by (from, to) and by who makes them."""

    def __init__(self, moves: Iterable[M]):
        self.moves: tuple[M, ...] = tuple(moves)
        self._by_pair: dict[tuple[str, str], M] = {(m.source, m.target): m for m in self.moves}

    def find(self, source: str, target: str) -> M | None:
        return self._by_pair.get((source, target))

    def moves_from(self, source: str, *, actor: str | None = None) -> list[M]:
        return [m for m in self.moves if m.source == source and (actor is None or m.actor == actor)]

    def targets(self, actor: str) -> list[str]:
        """Each state `actor` can move the subject to, in the table's order (one bulk action
        each in the admin)."""
        seen: list[str] = []
        for move in self.moves:
            if move.actor == actor and move.target not in seen:
                seen.append(move.target)
        return seen
