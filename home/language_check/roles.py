"""The language rules' permissions for the role groups (registered in
home.registry.role_grants; run by the role set-up)."""

from django.contrib.auth.models import Permission

from home.cocreation.roles import MODERATORS, PARTNER_EDITORS, PARTNER_LEADS, TRANSLATORS

# Moderators keep the rules up to date and accept findings; every other role may read the
# rules their pages are checked against.
RULE_PERMISSIONS = {
    MODERATORS: ["add_languagerule", "change_languagerule", "view_languagerule"],
    PARTNER_LEADS: ["view_languagerule"],
    PARTNER_EDITORS: ["view_languagerule"],
    TRANSLATORS: ["view_languagerule"],
}
FINDING_PERMISSIONS = {MODERATORS: ["add_acceptedfinding"]}


def grant_rule_permissions(groups):
    """Give the role groups their language-check permissions. Idempotent."""
    for grants in (RULE_PERMISSIONS, FINDING_PERMISSIONS):
        for name, codenames in grants.items():
            for codename in codenames:
                groups[name].permissions.add(
                    Permission.objects.get(
                        content_type__app_label="language_check", codename=codename
                    )
                )
