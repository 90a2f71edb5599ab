"""Demo content for the site skeleton: home, get-help, privacy (home/demo/privacy.py) and
accessibility pages in en with fr/uk/ar translations, taxonomy, partner organisations (and
their pages under "Our partners", translated too), crisis helplines and one user per role.

The content itself is in demo_content.toml beside this module."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.cocreation.models import PartnerOrganisation
from home.cocreation.roles import setup_roles
from home.demo.building import (
    DEMO_LOCALES,
    add_child,
    demo_image,
    ensure_locales,
    give_logo,
    partner_pages,
    publish,
    publish_snippet,
    translate_page,
    translate_snippet,
)
from home.demo.loading import read_data
from home.demo.privacy import PRIVACY_SLUG, load_privacy_page
from home.models import (
    Audience,
    CrisisHelpline,
    GetHelpPage,
    HomePage,
    SiteSettings,
    StandardPage,
    Topic,
)

DEMO_PASSWORD = "openly-demo"  # noqa: S105 - development only; refused in production


def demo_users():
    """The demo users, one per role: dicts of username, group, first_name, last_name,
    superuser."""
    return read_data(__file__)["users"]


def load(demo):
    """Build the site skeleton; later apps add their sections to it."""
    data = read_data(__file__)
    ensure_locales()
    home = _home_page(demo, data["home_page"])
    _pages(demo, home, data)
    _taxonomy(demo, data)
    _partners(demo, data["partners"])
    _helplines(demo, data)
    _users(demo)
    translations = data["page_translations"]
    for code in DEMO_LOCALES:
        # Only the skeleton's own top-level pages: each app translates its pages as it
        # chooses, and a second run must not translate pages other apps added since.
        # The privacy notice has its own loader and translations.
        skeleton = home.get_descendants(inclusive=True).type(HomePage, GetHelpPage, StandardPage)
        skeleton = skeleton.filter(depth__lte=home.depth + 1).exclude(slug=PRIVACY_SLUG)
        for page in skeleton.live().specific():
            translate_page(page, code, translations[code])
    demo.say("Translated the site skeleton into fr, uk and ar")
    load_privacy_page(demo, home)
    count = partner_pages([partner["slug"] for partner in data["partners"]], translations)
    demo.say(f"'Our partners' and {count} partner pages in en, fr, uk and ar")


def _home_page(demo, fields):
    existing = HomePage.objects.filter(locale__language_code=settings.OPENLY_SOURCE_LANGUAGE)
    if existing.exists():
        return existing.get()
    root = Page.get_first_root_node()
    # Replace Wagtail's "Welcome" placeholder page with the Openly home page.
    for placeholder in root.get_children().exact_type(Page):
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    fields = dict(fields, hero_image=demo_image(fields["hero_image"], demo.rng))
    home = HomePage(**fields)
    root.add_child(instance=home)
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Openly"},
    )
    demo.say("Created the English home page and the site")
    return home


def _pages(demo, home, data):
    get_help = add_child(home, GetHelpPage(**data["get_help_page"]))
    pages = {
        fields["slug"]: add_child(home, StandardPage(**fields)) for fields in data["standard_pages"]
    }
    if not home.hero_cta_page_id:
        home.hero_cta_page = get_help
        publish(home)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.accessibility_page = pages["accessibility"]
    site_settings.save()
    demo.say("Created get-help, accessibility and about pages")


def _taxonomy(demo, data):
    for model, terms in ((Topic, data["topics"]), (Audience, data["audiences"])):
        for term_data in terms:
            slug, name = term_data["slug"], term_data["name"]
            term = model.objects.filter(slug=slug, locale__language_code="en").first()
            if term is None:
                term = publish_snippet(model(slug=slug, name=name))
            for code, translated in term_data["translations"].items():
                translate_snippet(term, code, {name: translated})
    demo.say(
        f"Taxonomy: {len(data['topics'])} topics and {len(data['audiences'])} audiences "
        "in en, fr, uk, ar"
    )


def _partners(demo, partners):
    for fields in partners:
        # Creating one sets it up, with its page under "Our partners".
        organisation, _created = PartnerOrganisation.objects.get_or_create(
            slug=fields["slug"], defaults=fields
        )
        give_logo(organisation)
    demo.say(f"Partner organisations: {len(partners)}")


def _helplines(demo, data):
    helplines = data["helplines"]
    for order, fields in enumerate(helplines):
        helpline = CrisisHelpline.objects.filter(
            name=fields["name"], country=fields["country"], locale__language_code="en"
        ).first()
        if helpline is None:
            helpline = CrisisHelpline(
                **fields,
                last_verified=demo.dates.resolve(data["helpline_last_verified"]),
                sort_order=order,
            )
            publish_snippet(helpline)
        for code, strings in data["helpline_translations"].items():
            translate_snippet(helpline, code, strings)
    countries = len({fields["country"] for fields in helplines})
    demo.say(
        f"Crisis helplines: {len(helplines)} in {countries} countries, translated into fr, uk, ar"
    )


def _users(demo):
    if not getattr(settings, "OPENLY_DEMO_PASSWORDS_ALLOWED", False):
        demo.say("Skipped demo users: demo passwords are not allowed with these settings")
        return
    groups = setup_roles()
    user_model = get_user_model()
    users = demo_users()
    for fields in users:
        username, group_name = fields["username"], fields.get("group")
        superuser = fields.get("superuser", False)
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": fields["first_name"],
                "last_name": fields["last_name"],
                "email": f"{username}@openly.invalid",
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        elif not user.last_name:
            # Demo accounts made before they had full names: Account → Preferences refused
            # to save (the name form wants a last name) until one was invented.
            user.last_name = fields["last_name"]
            user.save(update_fields=["last_name"])
        if group_name:
            user.groups.add(groups.get(group_name) or Group.objects.get(name=group_name))
    demo.say(f"Users: {', '.join(fields['username'] for fields in users)}")
