"""Campaign permissions for the role groups (called by home.cocreation.roles.setup_roles)."""

from django.contrib.auth.models import Permission

from home.cocreation.roles import MODERATORS

# Signatures hold emails: only moderators see, moderate and export them.
PLEDGE_PERMISSIONS = [
    "view_pledgesignature",
    "change_pledgesignature",
    "delete_pledgesignature",
]


def configure_roles(groups):
    """Give moderators the pledge-signature permissions. Idempotent."""
    moderators = groups[MODERATORS]
    for codename in PLEDGE_PERMISSIONS:
        moderators.permissions.add(
            Permission.objects.get(content_type__app_label="campaigns", codename=codename)
        )
