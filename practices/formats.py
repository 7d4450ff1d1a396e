"""How practices' dates are written for people (no model, no query: any module may use it)."""

from skillup.dates import format_moment as format_deadline  # "30 April 2021, 23:59 CEST"

__all__ = ["format_deadline"]
