"""Topics and training tools (seeded; coordinators may add to them)."""

from django.contrib import admin
from django.db import models

from ..models import Topic, TrainingTool


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(TrainingTool)
class TrainingToolAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
