"""Matchmaking's pages, by subject:

- skills.py: the public skills page (frameworks, areas, competences, the common scale);
- needs.py: an SME's needs profile;
- home.py: the mentoring home (a person's SMEs, proposals and partnerships);
- proposals.py: a proposal, and the two sides' answers;
- partnerships.py: a partnership (goals, check-ins, its end, feedback);
- outcomes.py: aggregates for coordinators and pledging companies.

Confidentiality: a proposal shows the mentor an anonymised SME summary (selectors.sme_summary,
from the few fields allowed, never the organisation's name, people or challenge), the SME a
mentor summary without personal contact details. Only a partnership shows who the other side
is, and the challenge text only to whom permissions.can_view_challenge allows. A page a person
may not see is a 404, so ids reveal nothing. Views decide with permissions.can_* only; every
write goes through matching.services, every reused read through matching.selectors.
"""
