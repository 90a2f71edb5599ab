"""How apps plug into home: the one way.

`home` imports no app. Each app (campaigns, stories, events, and home's own capability apps)
registers what it contributes in its ``AppConfig.ready()``; home reads the registries when a
request or a command needs them, by which time every installed app is ready. An app that is
not installed has registered nothing, so its parts are simply absent: no "is it installed?"
guards anywhere. (Admin menu items need no registry here: each app adds its own with Wagtail's
menu hooks in its wagtail_hooks.py, which home never reads.)

Each registry holds entries by key; registering a key again replaces the entry (so a
``ready()`` that runs twice, as in some test set-ups, does no harm). Entries are listed in
their ``order`` and then by key.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Entry:
    key: str
    value: Any
    order: int = 0


@dataclass
class Registry:
    """Named entries that apps contribute to home."""

    name: str
    doc: str = ""
    _entries: dict = field(default_factory=dict, repr=False)

    def register(self, key, value, order=0):
        """Add (or replace) ``value`` under ``key``; returns ``value`` so it can decorate."""
        self._entries[key] = Entry(key=key, value=value, order=order)
        return value

    def get(self, key, default=None):
        entry = self._entries.get(key)
        return entry.value if entry is not None else default

    def items(self):
        """(key, value) pairs in order."""
        entries = sorted(self._entries.values(), key=lambda entry: (entry.order, entry.key))
        return [(entry.key, entry.value) for entry in entries]

    def values(self):
        return [value for _key, value in self.items()]

    def keys(self):
        return [key for key, _value in self.items()]

    def __contains__(self, key):
        return key in self._entries

    def __len__(self):
        return len(self._entries)


# What the home page's "listing" block can show (value: home.sections.HomeListing).
home_listings = Registry("home listings")
# What a partner organisation's page lists (value: home.sections.OrganisationListing).
organisation_listings = Registry("organisation listings")
# Kinds of result site search can be narrowed to (value: the page model).
search_types = Registry("search types")
# Kinds of page a campaign lists as related content (value: a dict of model, limit, ordering).
related_kinds = Registry("related content")
# Section index pages the co-creation workflows are assigned to (value: the page model).
index_pages = Registry("section index pages")
# Functions granting an app's model permissions to the role groups: f(groups by name).
role_grants = Registry("role grants")
# Demo content loaders, run in order by `manage.py load_demo`: f(demo).
demo_loaders = Registry("demo loaders")
# What capability apps add to every Openly page (home.models' BasePage reads these lazily):
# "permission_tester" (a Wagtail PagePermissionTester subclass), "form_class" (the admin page
# form's base class), "panels" (a list of extra content panels) and "top_panels" (panels
# shown above the title, e.g. what to do next in the workflow).
page_plugins = Registry("page plugins")
# Automatic checks that open the co-creation workflows, before any person reviews:
# f(role groups by name) -> a Wagtail Task, found or created (e.g. the language check).
workflow_checks = Registry("workflow checks")
# Names of the workflows and tasks an app sets up, and comments its automatic tasks leave,
# stored in English (the set-up finds names by it) and shown in the admin's language
# (home.cocreation.workflow_names): the English text -> its gettext_lazy label.
workflow_names = Registry("workflow and task names")
# What `manage.py setup_roles` also sets up, after the roles, organisations and workflows:
# f() -> a short report for the command's output (e.g. "3 language rules added").
setup_steps = Registry("set-up steps")
# Forms on public pages whose CSRF token and one-time values come from /forms/token/, shown
# again with the reader's answers when the CSRF check refuses them
# (value: home.public_forms.PublicForm; register with register_public_form).
public_forms = Registry("forms on public pages")
# Secrets an app's log lines may carry, removed from every log record (home.log_privacy):
# (compiled regular expression, replacement), e.g. the private status tokens in story URLs.
log_redactions = Registry("log redactions")
# Periodic jobs the worker runs (``manage.py run_worker``): name -> home.jobs.schedule.Job.
periodic_jobs = Registry("periodic jobs")
# Endpoints of the read API at /api/v2/ (home.api): name -> a home.api.endpoints.PageEndpoint
# subclass naming its page model, its public fields and its filters.
api_endpoints = Registry("read API endpoints")
# Pages partner sites may frame, under /<lang>/embed/ (home.embeds): name -> a
# home.embeds.EmbedRoute (its path under /<lang>/embed/<name>/ and its view).
embeds = Registry("embeddable pages")

# Figures of the impact dashboard (home.impact): series key (its CSV's name) ->
# a home.impact.series.ImpactSeries naming the public rows counted and how.
impact_series = Registry("impact series")
