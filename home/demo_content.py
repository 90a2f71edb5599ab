"""Demo content for the site skeleton: home, get-help, privacy and accessibility pages in
en with fr/uk/ar translations, taxonomy, partner organisations (and their pages under
"Our partners", translated too), crisis helplines and one user per role."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.cocreation.models import PartnerOrganisation
from home.cocreation.roles import (
    MODERATORS,
    PARTNER_EDITORS,
    PARTNER_LEADS,
    PLE_CONTRIBUTORS,
    STORY_MODERATORS,
    TRANSLATORS,
    setup_roles,
)
from home.demo import (
    add_child,
    demo_image,
    ensure_locales,
    partner_pages,
    publish,
    publish_snippet,
    translate_page,
    translate_snippet,
)
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
DEMO_USERS = [
    # username, role group, first name, superuser
    ("admin", None, "Ada", True),
    ("moderator", MODERATORS, "Maren", False),
    ("storymod", STORY_MODERATORS, "Sofia", False),
    ("translator", TRANSLATORS, "Taras", False),
    ("editor", PARTNER_EDITORS, "Elena", False),
    ("lead", PARTNER_LEADS, "Luc", False),
    ("contributor", PLE_CONTRIBUTORS, "Pat", False),
    # Co-creation: a second organisation's editor and lead, and a translation reviewer
    # (organisations and languages are assigned in home/cocreation/demo_content.py).
    ("editor2", PARTNER_EDITORS, "Emil", False),
    ("lead2", PARTNER_LEADS, "Lina", False),
    ("reviewer", TRANSLATORS, "Rita", False),
]

TOPICS = [
    ("stigma", "Stigma", {"fr": "Stigmatisation", "uk": "Стигма", "ar": "الوصمة"}),
    ("depression", "Depression", {"fr": "Dépression", "uk": "Депресія", "ar": "الاكتئاب"}),
    ("anxiety", "Anxiety", {"fr": "Anxiété", "uk": "Тривожність", "ar": "القلق"}),
    ("psychosis", "Psychosis", {"fr": "Psychose", "uk": "Психоз", "ar": "الذهان"}),
    (
        "suicide-prevention",
        "Suicide prevention",
        {
            "fr": "Prévention du suicide",
            "uk": "Запобігання самогубствам",
            "ar": "الوقاية من الانتحار",
        },
    ),
    (
        "self-harm",
        "Self-harm",
        {"fr": "Automutilation", "uk": "Самоушкодження", "ar": "إيذاء النفس"},
    ),
    (
        "eating-disorders",
        "Eating disorders",
        {"fr": "Troubles alimentaires", "uk": "Розлади харчової поведінки", "ar": "اضطرابات الأكل"},
    ),
    (
        "substance-use",
        "Substance use",
        {
            "fr": "Consommation de substances",
            "uk": "Вживання психоактивних речовин",
            "ar": "تعاطي المواد",
        },
    ),
    ("trauma", "Trauma", {"fr": "Traumatisme", "uk": "Травма", "ar": "الصدمة"}),
    ("wellbeing", "Wellbeing", {"fr": "Bien-être", "uk": "Добробут", "ar": "الرفاه"}),
]
AUDIENCES = [
    (
        "general-public",
        "General public",
        {"fr": "Grand public", "uk": "Широка громадськість", "ar": "عامة الناس"},
    ),
    ("young-people", "Young people", {"fr": "Jeunes", "uk": "Молодь", "ar": "الشباب"}),
    ("parents", "Parents", {"fr": "Parents", "uk": "Батьки", "ar": "الآباء والأمهات"}),
    (
        "older-people",
        "Older people",
        {"fr": "Personnes âgées", "uk": "Люди похилого віку", "ar": "كبار السن"},
    ),
    ("employers", "Employers", {"fr": "Employeurs", "uk": "Роботодавці", "ar": "أصحاب العمل"}),
    ("teachers", "Teachers", {"fr": "Enseignants", "uk": "Вчителі", "ar": "المعلمون"}),
    (
        "health-professionals",
        "Health professionals",
        {"fr": "Professionnels de santé", "uk": "Медичні працівники", "ar": "العاملون الصحيون"},
    ),
    (
        "refugees-and-migrants",
        "Refugees and migrants",
        {
            "fr": "Personnes réfugiées et migrantes",
            "uk": "Біженці та мігранти",
            "ar": "اللاجئون والمهاجرون",
        },
    ),
    (
        "roma-communities",
        "Roma communities",
        {"fr": "Communautés roms", "uk": "Ромські громади", "ar": "مجتمعات الروما"},
    ),
    (
        "lgbtqi-people",
        "LGBTQI+ people",
        {"fr": "Personnes LGBTQI+", "uk": "ЛГБТКІ+ люди", "ar": "أفراد مجتمع الميم"},
    ),
    (
        "people-with-lived-experience",
        "People with lived experience",
        {
            "fr": "Personnes ayant une expérience vécue",
            "uk": "Люди з власним досвідом",
            "ar": "أشخاص ذوو تجربة معاشة",
        },
    ),
]

PARTNERS = [
    (
        "Open Minds Coalition",
        "open-minds",
        "BE",
        "https://open-minds.example.org",
        "The European coalition that coordinates Mental Health Week and the joint campaigns.",
    ),
    (
        "Santé Mentale Ensemble",
        "sante-mentale-ensemble",
        "FR",
        "https://sante-mentale-ensemble.example.org",
        "A French network of user-led associations working against stigma.",
    ),
    (
        "Hromada Mental Health",
        "hromada",
        "UA",
        "https://hromada.example.org",
        "Community mental health support for people affected by the war in Ukraine.",
    ),
    (
        "Stimme e.V.",
        "stimme",
        "DE",
        "https://stimme.example.org",
        "A German association of people with lived experience and their families.",
    ),
]

HELPLINES = [
    # name, country, phone, text, hours, description
    (
        "Suicide prevention line 3114",
        "FR",
        "3114",
        "",
        "24 hours, every day",
        "Free national line for anyone thinking about suicide or worried about someone.",
    ),
    (
        "SOS Amitié",
        "FR",
        "09 72 39 40 50",
        "",
        "24 hours, every day",
        "Listening service for anyone going through a difficult time.",
    ),
    (
        "Lifeline Ukraine",
        "UA",
        "7333",
        "",
        "24 hours, every day",
        "Suicide prevention and emotional support line.",
    ),
    (
        "TelefonSeelsorge",
        "DE",
        "0800 111 0 111",
        "",
        "24 hours, every day",
        "Free, anonymous support by phone, chat and email.",
    ),
    (
        "Samaritans",
        "IE",
        "116 123",
        "",
        "24 hours, every day",
        "Free, confidential emotional support, any age.",
    ),
    (
        "Line 024",
        "ES",
        "024",
        "",
        "24 hours, every day",
        "National line for people with suicidal thoughts and those close to them.",
    ),
    (
        "Telefono Amico",
        "IT",
        "02 2327 2327",
        "",
        "10:00–24:00 every day",
        "Emotional support for people who feel lonely or in distress.",
    ),
    (
        "Klimaka suicide prevention line",
        "GR",
        "1018",
        "",
        "24 hours, every day",
        "Suicide prevention support line.",
    ),
    (
        "Support line for adults in emotional crisis",
        "PL",
        "116 123",
        "",
        "14:00–22:00 every day",
        "Free support for adults in emotional crisis.",
    ),
    (
        "Romanian Alliance for Suicide Prevention",
        "RO",
        "0800 801 200",
        "",
        "19:00–07:00 every day",
        "Free emotional support line.",
    ),
]
HELPLINE_TRANSLATIONS = {
    "fr": {
        "24 hours, every day": "24 h/24, tous les jours",
        "Free national line for anyone thinking about suicide or worried about someone.": "Numéro national gratuit pour toute personne qui pense au suicide ou s'inquiète "
        "pour un proche.",
        "Listening service for anyone going through a difficult time.": "Écoute pour toute personne qui traverse un moment difficile.",
        "Suicide prevention line 3114": "Numéro national de prévention du suicide 3114",
        "Suicide prevention and emotional support line.": "Ligne de prévention du suicide et de soutien émotionnel.",
        "Free, anonymous support by phone, chat and email.": "Soutien gratuit et anonyme par téléphone, chat et courriel.",
        "Free, confidential emotional support, any age.": "Soutien émotionnel gratuit et confidentiel, à tout âge.",
    },
    "uk": {
        "24 hours, every day": "Цілодобово, щодня",
        "Suicide prevention and emotional support line.": "Лінія запобігання самогубствам та емоційної підтримки.",
        "Free national line for anyone thinking about suicide or worried about someone.": "Безкоштовна національна лінія для всіх, хто думає про самогубство або "
        "хвилюється за когось.",
        "Free, anonymous support by phone, chat and email.": "Безкоштовна анонімна підтримка телефоном, у чаті та електронною поштою.",
        "Support line for adults in emotional crisis": "Лінія підтримки для дорослих в емоційній кризі",
        "Free support for adults in emotional crisis.": "Безкоштовна підтримка для дорослих в емоційній кризі.",
    },
    "ar": {
        "24 hours, every day": "على مدار الساعة، كل يوم",
        "Suicide prevention and emotional support line.": "خط للوقاية من الانتحار والدعم النفسي.",
        "Free, anonymous support by phone, chat and email.": "دعم مجاني ومجهول الهوية عبر الهاتف والدردشة والبريد الإلكتروني.",
        "Free, confidential emotional support, any age.": "دعم نفسي مجاني وسري لجميع الأعمار.",
        "Free national line for anyone thinking about suicide or worried about someone.": "خط وطني مجاني لكل من يفكر في الانتحار أو يقلق على شخص ما.",
    },
}

PAGE_TRANSLATIONS = {
    "fr": {
        "Openly": "Openly",
        "Let's talk openly about mental health": "Parlons ouvertement de santé mentale",
        "Campaigns, stories, events and trustworthy information from a coalition of NGOs "
        "and health authorities across Europe.": "Campagnes, témoignages, événements et informations fiables, par une coalition "
        "d'ONG et d'autorités de santé en Europe.",
        "Find support now": "Trouver de l'aide maintenant",
        "Upcoming events": "Événements à venir",
        "Latest stories": "Derniers témoignages",
        "Featured campaign": "Campagne à la une",
        "Resources to read": "Ressources à lire",
        "Get help now": "Obtenir de l'aide maintenant",
        "Free, confidential support is available now. You do not have to be in crisis to call.": "Un soutien gratuit et confidentiel est disponible dès maintenant. Pas besoin "
        "d'être en crise pour appeler.",
        "You are not alone. The services below are free and confidential, and the people "
        "who answer are trained to listen.": "Vous n'êtes pas seul·e. Les services ci-dessous sont gratuits et confidentiels, "
        "et les personnes qui répondent sont formées à l'écoute.",
        "Privacy notice": "Politique de confidentialité",
        "Accessibility statement": "Déclaration d'accessibilité",
        "How we handle your personal data.": "Comment nous traitons vos données personnelles.",
        "How accessible this site is and how to tell us about a problem.": "Le niveau d'accessibilité de ce site et comment nous signaler un problème.",
        "About Openly": "À propos d'Openly",
        "Who runs this site and why.": "Qui gère ce site et pourquoi.",
        "Our partners": "Nos partenaires",
        "The organisations of the coalition: who they are and what they run together.": "Les organisations de la coalition : qui elles sont et ce qu'elles mènent ensemble.",
        "The European coalition that coordinates Mental Health Week and the joint campaigns.": "La coalition européenne qui coordonne la Semaine de la santé mentale et les "
        "campagnes communes.",
        "A French network of user-led associations working against stigma.": "Un réseau français d'associations d'usagers et d'usagères qui luttent contre la "
        "stigmatisation.",
        "Community mental health support for people affected by the war in Ukraine.": "Un soutien communautaire en santé mentale pour les personnes touchées par la guerre "
        "en Ukraine.",
        "A German association of people with lived experience and their families.": "Une association allemande de personnes ayant une expérience vécue et de leurs "
        "familles.",
    },
    "uk": {
        "Let's talk openly about mental health": "Говорімо відкрито про психічне здоров'я",
        "Campaigns, stories, events and trustworthy information from a coalition of NGOs "
        "and health authorities across Europe.": "Кампанії, історії, події та надійна інформація від коаліції громадських "
        "організацій і органів охорони здоров'я Європи.",
        "Find support now": "Знайти підтримку зараз",
        "Upcoming events": "Найближчі події",
        "Latest stories": "Нові історії",
        "Featured campaign": "Головна кампанія",
        "Resources to read": "Матеріали для читання",
        "Get help now": "Отримати допомогу зараз",
        "Free, confidential support is available now. You do not have to be in crisis to call.": "Безкоштовна конфіденційна підтримка доступна вже зараз. Щоб зателефонувати, не "
        "обов'язково бути в кризі.",
        "You are not alone. The services below are free and confidential, and the people "
        "who answer are trained to listen.": "Ви не самі. Наведені нижче служби безкоштовні та конфіденційні, а люди, які "
        "відповідають, навчені слухати.",
        "Privacy notice": "Повідомлення про конфіденційність",
        "Accessibility statement": "Заява про доступність",
        "How we handle your personal data.": "Як ми обробляємо ваші персональні дані.",
        "How accessible this site is and how to tell us about a problem.": "Наскільки доступний цей сайт і як повідомити нам про проблему.",
        "About Openly": "Про Openly",
        "Who runs this site and why.": "Хто веде цей сайт і навіщо.",
        "Our partners": "Наші партнери",
        "The organisations of the coalition: who they are and what they run together.": "Організації коаліції: хто вони і що роблять разом.",
        "The European coalition that coordinates Mental Health Week and the joint campaigns.": "Європейська коаліція, що координує Тиждень психічного здоров'я та спільні кампанії.",
        "A French network of user-led associations working against stigma.": "Французька мережа асоціацій, які очолюють самі користувачі послуг і які протидіють "
        "стигмі.",
        "Community mental health support for people affected by the war in Ukraine.": "Підтримка психічного здоров'я в громадах для людей, які постраждали від війни в "
        "Україні.",
        "A German association of people with lived experience and their families.": "Німецька асоціація людей із власним досвідом та їхніх родин.",
    },
    "ar": {
        "Let's talk openly about mental health": "لنتحدث بصراحة عن الصحة النفسية",
        "Campaigns, stories, events and trustworthy information from a coalition of NGOs "
        "and health authorities across Europe.": "حملات وقصص وفعاليات ومعلومات موثوقة من تحالف من المنظمات غير الحكومية والسلطات "
        "الصحية في أوروبا.",
        "Find support now": "اعثر على الدعم الآن",
        "Upcoming events": "الفعاليات القادمة",
        "Latest stories": "أحدث القصص",
        "Featured campaign": "الحملة المميزة",
        "Resources to read": "مصادر للقراءة",
        "Get help now": "احصل على المساعدة الآن",
        "Free, confidential support is available now. You do not have to be in crisis to call.": "الدعم المجاني والسري متاح الآن. لا يلزم أن تكون في أزمة لتتصل.",
        "You are not alone. The services below are free and confidential, and the people "
        "who answer are trained to listen.": "لست وحدك. الخدمات أدناه مجانية وسرية، والأشخاص الذين يجيبون مدربون على "
        "الإصغاء.",
        "Privacy notice": "إشعار الخصوصية",
        "Accessibility statement": "بيان إمكانية الوصول",
        "How we handle your personal data.": "كيف نتعامل مع بياناتك الشخصية.",
        "How accessible this site is and how to tell us about a problem.": "مدى سهولة الوصول إلى هذا الموقع وكيف تبلغنا عن مشكلة.",
        "About Openly": "عن Openly",
        "Who runs this site and why.": "من يدير هذا الموقع ولماذا.",
        "Our partners": "شركاؤنا",
        "The organisations of the coalition: who they are and what they run together.": "منظمات التحالف: من هي وما الذي تديره معًا.",
        "The European coalition that coordinates Mental Health Week and the joint campaigns.": "التحالف الأوروبي الذي ينسّق أسبوع الصحة النفسية والحملات المشتركة.",
        "A French network of user-led associations working against stigma.": "شبكة فرنسية من الجمعيات التي يقودها المستخدمون أنفسهم وتعمل ضد الوصمة.",
        "Community mental health support for people affected by the war in Ukraine.": "دعم مجتمعي للصحة النفسية للأشخاص المتأثرين بالحرب في أوكرانيا.",
        "A German association of people with lived experience and their families.": "جمعية ألمانية تضم أشخاصًا ذوي تجربة معاشة وعائلاتهم.",
    },
}


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def load(demo):
    """Build the site skeleton; later apps add their sections to it."""
    ensure_locales()
    home = _home_page(demo)
    _pages(demo, home)
    _taxonomy(demo)
    _partners(demo)
    _helplines(demo)
    _users(demo)
    for code in ("fr", "uk", "ar"):
        # Only the skeleton's own top-level pages: each app translates its pages as it
        # chooses, and a second run must not translate pages other apps added since.
        skeleton = home.get_descendants(inclusive=True).type(HomePage, GetHelpPage, StandardPage)
        for page in skeleton.filter(depth__lte=home.depth + 1).live().specific():
            translate_page(page, code, PAGE_TRANSLATIONS[code])
    demo.say("Translated the site skeleton into fr, uk and ar")
    count = partner_pages([slug for _name, slug, *_rest in PARTNERS], PAGE_TRANSLATIONS)
    demo.say(f"'Our partners' and {count} partner pages in en, fr, uk and ar")


def _home_page(demo):
    existing = HomePage.objects.filter(locale__language_code=settings.OPENLY_SOURCE_LANGUAGE)
    if existing.exists():
        return existing.get()
    root = Page.get_first_root_node()
    # Replace Wagtail's "Welcome" placeholder page with the Openly home page.
    for placeholder in root.get_children().exact_type(Page):
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    home = HomePage(
        title="Openly",
        slug="home",
        hero_heading="Let's talk openly about mental health",
        hero_text=(
            "Campaigns, stories, events and trustworthy information from a coalition of NGOs "
            "and health authorities across Europe."
        ),
        hero_image=demo_image("Home hero", demo.rng),
        hero_image_alt="Abstract shapes in calm blue and violet tones",
        hero_cta_label="Find support now",
        sections=[
            {
                "type": "listing",
                "value": {"heading": "Featured campaign", "kind": "featured_campaign", "count": 1},
            },
            {
                "type": "listing",
                "value": {"heading": "Upcoming events", "kind": "upcoming_events", "count": 3},
            },
            {
                "type": "listing",
                "value": {"heading": "Latest stories", "kind": "latest_stories", "count": 3},
            },
            {
                "type": "listing",
                "value": {"heading": "Resources to read", "kind": "featured_resources", "count": 3},
            },
        ],
    )
    root.add_child(instance=home)
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Openly"},
    )
    demo.say("Created the English home page and the site")
    return home


def _pages(demo, home):
    get_help = add_child(
        home,
        GetHelpPage(
            title="Get help now",
            slug="get-help",
            show_in_menus=True,
            summary=(
                "Free, confidential support is available now. You do not have to be in crisis "
                "to call."
            ),
            intro=(
                "<p>You are not alone. The services below are free and confidential, and the "
                "people who answer are trained to listen.</p>"
            ),
        ),
    )
    privacy = add_child(
        home,
        StandardPage(
            title="Privacy notice",
            slug="privacy",
            summary="How we handle your personal data.",
            body=[
                paragraph(
                    "We collect as little as we can. Stories are published only with your "
                    "consent, and you can withdraw yours at any time from your private status "
                    "link. Contact details are never shown on the site."
                )
            ],
        ),
    )
    accessibility = add_child(
        home,
        StandardPage(
            title="Accessibility statement",
            slug="accessibility",
            summary="How accessible this site is and how to tell us about a problem.",
            body=[
                paragraph(
                    "We aim to meet WCAG 2.2 level AA in every language we publish, including "
                    "right-to-left languages. Tell us about any barrier you meet."
                )
            ],
        ),
    )
    add_child(
        home,
        StandardPage(
            title="About Openly",
            slug="about",
            summary="Who runs this site and why.",
            body=[
                paragraph(
                    "Openly is run by a coalition of NGOs, people with lived experience and "
                    "health authorities, working together against stigma."
                )
            ],
        ),
    )
    if not home.hero_cta_page_id:
        home.hero_cta_page = get_help
        publish(home)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = privacy
    site_settings.accessibility_page = accessibility
    site_settings.save()
    demo.say("Created get-help, privacy, accessibility and about pages")


def _taxonomy(demo):
    for model, terms in ((Topic, TOPICS), (Audience, AUDIENCES)):
        for slug, name, names in terms:
            term = model.objects.filter(slug=slug, locale__language_code="en").first()
            if term is None:
                term = publish_snippet(model(slug=slug, name=name))
            for code, translated in names.items():
                translate_snippet(term, code, {name: translated})
    demo.say(f"Taxonomy: {len(TOPICS)} topics and {len(AUDIENCES)} audiences in en, fr, uk, ar")


def _partners(demo):
    for name, slug, country, website, description in PARTNERS:
        # Creating one sets it up, with its page under "Our partners".
        PartnerOrganisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country": country,
                "website": website,
                "description": description,
                "logo": demo_image(f"{name} logo", demo.rng, size=(400, 400)),
            },
        )
    demo.say(f"Partner organisations: {len(PARTNERS)}")


def _helplines(demo):
    for order, (name, country, phone, text, hours, description) in enumerate(HELPLINES):
        helpline = CrisisHelpline.objects.filter(
            name=name, country=country, locale__language_code="en"
        ).first()
        if helpline is None:
            helpline = CrisisHelpline(
                name=name,
                country=country,
                phone=phone,
                text=text,
                hours=hours,
                description=description,
                last_verified=date(2026, 9, 15),
                sort_order=order,
            )
            publish_snippet(helpline)
        for code, strings in HELPLINE_TRANSLATIONS.items():
            translate_snippet(helpline, code, strings)
    demo.say(f"Crisis helplines: {len(HELPLINES)} in 9 countries, translated into fr, uk, ar")


def _users(demo):
    if not getattr(settings, "OPENLY_DEMO_PASSWORDS_ALLOWED", False):
        demo.say("Skipped demo users: demo passwords are not allowed with these settings")
        return
    groups = setup_roles()
    user_model = get_user_model()
    for username, group_name, first_name, superuser in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "email": f"{username}@openly.invalid",
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if group_name:
            user.groups.add(groups.get(group_name) or Group.objects.get(name=group_name))
    demo.say(f"Users: {', '.join(name for name, *_rest in DEMO_USERS)}")
