"""The topics and training tools SMEs choose from (seeded by migration 0003; free entry beside).

Topic names are marked for translation here and translated when shown. Tool names are
product names and stay as they are.
"""

from django.utils.translation import gettext_noop

TOPICS: tuple[tuple[str, str], ...] = (
    ("basic-digital-skills", gettext_noop("Basic digital skills")),
    ("artificial-intelligence", gettext_noop("Artificial intelligence")),
    ("data-analytics", gettext_noop("Data and analytics")),
    ("cybersecurity", gettext_noop("Cybersecurity")),
    ("cloud", gettext_noop("Cloud computing")),
    ("software-development", gettext_noop("Software development")),
    ("digital-marketing", gettext_noop("Digital marketing and e-commerce")),
    ("automation", gettext_noop("Automation and robotics")),
    ("collaboration", gettext_noop("Collaboration and remote work")),
    ("green-digital", gettext_noop("Green digital transition")),
    ("accessibility", gettext_noop("Digital accessibility")),
)

TOOLS: tuple[tuple[str, str, str], ...] = (
    ("elements-of-ai", "Elements of AI", "https://www.elementsofai.com/"),
    ("building-ai", "Building AI", "https://buildingai.elementsofai.com/"),
    ("digital-skills-jobs-platform", "Digital Skills and Jobs Platform",
     "https://digital-skills-jobs.europa.eu/"),
    ("cisco-networking-academy", "Cisco Networking Academy", "https://www.netacad.com/"),
    ("google-digital-garage", "Google Digital Garage", "https://learndigital.withgoogle.com/"),
    ("microsoft-learn", "Microsoft Learn", "https://learn.microsoft.com/"),
    ("linkedin-learning", "LinkedIn Learning", "https://www.linkedin.com/learning/"),
    ("coursera", "Coursera", "https://www.coursera.org/"),
    ("edx", "edX", "https://www.edx.org/"),
    ("udemy-business", "Udemy Business", "https://business.udemy.com/"),
    ("moodle", "Moodle (own learning platform)", "https://moodle.org/"),
    ("mooc-other", "Other MOOC platform", ""),
)  # fmt: skip
