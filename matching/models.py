"""The skill taxonomy: frameworks (DigComp 2.2, e-CF 4.0, advanced digital areas) and their
skills. Areas are Skill rows too (``is_area``): they group competences and are never chosen.

The rows come from matching/fixtures/taxonomy.json (matching.taxonomy.load_taxonomy).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Framework(models.Model):
    key = models.SlugField(_("key"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=100)
    publisher = models.CharField(_("publisher"), max_length=200)
    source_url = models.URLField(_("source"), blank=True)
    citation = models.TextField(_("citation"), blank=True)
    licence = models.CharField(_("licence"), max_length=200)
    attribution = models.TextField(
        _("attribution"), help_text=_("The credit shown wherever the framework's content is shown.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ("position",)
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return self.name


class SkillQuerySet(models.QuerySet):
    def selectable(self) -> "SkillQuerySet":
        """Competences (not areas), with their framework."""
        return self.filter(is_area=False).select_related("framework")


class Skill(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="skills", verbose_name=_("framework")
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("area"),
    )
    is_area = models.BooleanField(
        _("is an area"), default=False, help_text=_("An area groups competences; it is not chosen.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ("framework__position", "position")
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="matching_skill_code_unique_per_framework"
            ),
            # areas are the top of the tree: one level of grouping, no more
            models.CheckConstraint(
                condition=Q(is_area=False) | Q(parent__isnull=True),
                name="matching_skill_area_has_no_parent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
