from django.urls import path

from . import views
from .views_mentoring import (
    mentoring_home,
    needs_edit,
    outcomes,
    partnership_detail,
    proposal_detail,
)

app_name = "matching"

urlpatterns = [
    path("skills/", views.skill_list, name="skill_list"),
    # SMEs: their needs; both sides: proposals and partnerships
    path("organisations/<int:pk>/needs/", needs_edit, name="needs_edit"),
    path("mentoring/", mentoring_home, name="mentoring_home"),
    path("mentoring/proposals/<int:pk>/", proposal_detail, name="proposal_detail"),
    path("mentoring/partnerships/<int:pk>/", partnership_detail, name="partnership_detail"),
    path("mentoring/outcomes/", outcomes, name="outcomes"),
]
