"""The texts a company and a mentor agree to, each with its version.

A pledge records the version of the commitments its company confirmed; a new wording gets a new
version here (the old pledges keep theirs). The confidentiality agreement that mentors accept is
versioned in the database instead (ConfidentialityAgreement), so coordinators can publish a new
one without a release; its first version is the text below.
"""

from django.utils.translation import gettext_lazy as _

COMMITMENTS_VERSION = "2026-1"

COMMITMENT_ASSIST = _(
    "We will assist a small or medium-sized enterprise in solving its digital-skills challenges "
    "at organisational level and support its digital transformation."
)
COMMITMENT_MENTOR = _(
    "We will take part in a mentoring scheme that transfers skills and competences to the SME "
    "and its staff."
)
COMMITMENT_CONFIDENTIALITY = _(
    "We will respect confidentiality and protect the SME's commercial data, to avoid any overlap "
    "with our own digital products, services and processes."
)

# (pledge field, full text), in the order the form shows them
COMMITMENTS = (
    ("commit_assist", COMMITMENT_ASSIST),
    ("commit_mentor", COMMITMENT_MENTOR),
    ("commit_confidentiality", COMMITMENT_CONFIDENTIALITY),
)

FIRST_AGREEMENT_VERSION = "1.0"
FIRST_AGREEMENT_TEXT = """\
Confidentiality agreement for Digital Volunteers mentors (version 1.0)

1. Everything an SME shares with me as its mentor (its challenge, its data, its staff, its \
plans, its customers and suppliers) is confidential. I use it only to help that SME.
2. I do not pass it on to my employer or anyone else, nor use it for my employer's products, \
services, sales or processes.
3. I tell the programme's coordinators at once if a proposed SME is a competitor, supplier or \
customer of my employer, or if I have any other conflict of interest, and I decline the proposal.
4. When the partnership ends I return or delete what the SME gave me, unless it asks otherwise.
5. These duties last two years after the partnership ends.
"""
