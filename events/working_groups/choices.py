"""The fixed vocabularies of working groups, shared by models, facets and the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group")
    TASK_FORCE = "task_force", _("Task force")


class GroupStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
