"""Building blocks for the demo loaders: locales, generated images, published pages and
snippets, wagtail-localize translations and the partner pages.

Everything here is idempotent: running it again finds what exists and creates nothing twice.
"""

import io

from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

# Names that are moving out of home's core into home.cocreation: kept together here.
from home.cocreation.models import PartnerOrganisation
from home.cocreation.organisations import set_up_organisation
from home.demo import pictures

DEMO_LOCALES = ["fr", "uk", "ar"]


def ensure_tree_roots():
    """Create the default locale, root page and root collection if a flushed database
    lost the ones Wagtail's migrations made."""
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=default))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def ensure_locales():
    """Create a Locale for every configured language, and the tree roots if missing."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    ensure_tree_roots()


def demo_image(title, rng=None, collection=None, size=(1200, 800)):
    """A generated abstract picture (home.demo.pictures), reused when one with this title
    exists. Drawn from the title alone (``rng`` is no longer used), so every picture is
    the same in every run."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    return _save_image(title, pictures.picture(title, size), "jpg", collection)


def demo_logo(name, slug):
    """The generated logo of organisation ``name`` (initials on a shape and colour of its
    own; home.demo.pictures), reused when it exists."""
    title = f"Logo: {name}"
    existing = get_image_model().objects.filter(title=title).first()
    return existing or _save_image(title, pictures.logo(name, slug), "png")


def give_logo(organisation):
    """Give a demo organisation its generated logo if it has none, or still has the
    abstract picture earlier demos gave every organisation alike."""
    logo = organisation.logo
    if logo is None or logo.title == f"{organisation.name} logo":
        organisation.logo = demo_logo(organisation.name, organisation.slug)
        organisation.save(update_fields=["logo"])
    return organisation


def _save_image(title, data, extension, collection=None):
    image_model = get_image_model()
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:60]
    image = image_model(title=title, collection=collection or Collection.get_first_root_node())
    image.file = ImageFile(io.BytesIO(data), name=f"{slug}.{extension}")
    image.save()
    return image


def publish(page):
    """Save a revision and publish it, as an approved editor would."""
    page.save_revision().publish()
    return page


def add_child(parent, page):
    """Add ``page`` under ``parent`` unless a page with its slug is there already."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    return publish(page)


def store_strings(source, locale, strings, user=None):
    """Save ``strings`` (source text → its translation) as the translated strings of a
    wagtail-localize ``source`` in ``locale``, as its editor does while a translator types.
    Text without an entry is left untranslated."""
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual", "last_translated_by": user},
            )


def _translate(instance, locale, strings, **save_kwargs):
    """Fill a wagtail-localize translation of ``instance`` from ``strings`` and save it."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    store_strings(source, locale, strings)
    translation.save_target(**save_kwargs)
    return instance.get_translation(locale)


def add_index(parent, page, translations):
    """Add a section index ``page`` under ``parent`` (as ``add_child`` does) and translate
    it on its own, so its children land under live parents: ``translations`` maps language
    codes to their strings (see ``translate_page``)."""
    index = add_child(parent, page)
    for code, strings in translations.items():
        translate_page(index, code, strings)
    return index


def translate_page(page, language_code, strings, publish_now=True):
    """Translate ``page`` into ``language_code`` through wagtail-localize.

    ``strings`` maps source text to its translation; text without an entry keeps the source
    wording. The result is a real wagtail-localize translation, so translators can go on
    editing it in the admin. Untranslated ancestors are translated first.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(locale) is None:
            translate_page(ancestor, language_code, strings, publish_now)
    return _translate(page, locale, strings, publish=publish_now).specific


def publish_snippet(instance):
    """Save a snippet with drafts as a published revision, as a moderator would."""
    if instance.pk is None:
        instance.save()  # a revision belongs to a saved object (and gets its locale)
    instance.save_revision().publish()
    return instance


def translate_snippet(instance, language_code, strings):
    """Translate a translatable snippet through wagtail-localize (see translate_page).

    Snippets with drafts (topics, audiences, helplines) are published at once: the demo
    stands for content that has already been through translation review."""
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    return _translate(instance, locale, strings, publish=True)


def partner_pages(slugs, translations):
    """Give the organisations ``slugs`` their pages under "Our partners" (a site loaded
    before organisations had pages gets them now) and translate those pages, with "Our
    partners" itself, into the demo languages; ``translations`` maps a language code to
    its strings (see translate_page). Idempotent."""
    translated = 0
    for organisation in PartnerOrganisation.objects.filter(slug__in=slugs).order_by("name"):
        section = set_up_organisation(organisation).section
        if section is None or not section.live:
            continue
        for code in DEMO_LOCALES:
            translate_page(section, code, translations.get(code, {}))
        translated += 1
    return translated
