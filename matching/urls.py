from django.urls import path

from .views.home import how_it_works, mentoring_home
from .views.needs import needs_edit
from .views.outcomes import outcomes
from .views.partnerships import partnership_detail
from .views.proposals import proposal_detail
from .views.skills import skill_list

app_name = "matching"

urlpatterns = [
    path("skills/", skill_list, name="skill_list"),
    # SMEs: their needs; both sides: proposals and partnerships
    path("organisations/<int:pk>/needs/", needs_edit, name="needs_edit"),
    path("mentoring/", mentoring_home, name="mentoring_home"),
    path("mentoring/how-it-works/", how_it_works, name="how_it_works"),
    path("mentoring/proposals/<int:pk>/", proposal_detail, name="proposal_detail"),
    path("mentoring/partnerships/<int:pk>/", partnership_detail, name="partnership_detail"),
    path("mentoring/outcomes/", outcomes, name="outcomes"),
]
