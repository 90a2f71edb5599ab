"""Demo content for events: Mental Health Week 2026 (5–11 October) across ten countries,
organised by the demo partners, with online, hybrid, multi-session, cancelled and
postponed events, past events of Mental Health Week 2025 with summary reports, a few
follow-up events in the weeks after today, and translations into fr, uk and ar."""

import datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import (
    EventActionPoint,
    EventIndexPage,
    EventPage,
    EventSession,
    EventSpeaker,
)
from home.cocreation.models import PartnerOrganisation
from home.demo import add_child, demo_image, partner_pages, translate_page
from home.models import Audience, Topic

WEEK_START = datetime.date(2026, 10, 5)
WEEK_END = datetime.date(2026, 10, 11)
LAST_YEAR_WEEK = datetime.date(2025, 10, 6)

# country, city, time zone, partner slug, event language
PLACES = [
    ("BE", "Brussels", "Europe/Brussels", "open-minds", "fr"),
    ("FR", "Lyon", "Europe/Paris", "sante-mentale-ensemble", "fr"),
    ("DE", "Berlin", "Europe/Berlin", "stimme", "de"),
    ("UA", "Lviv", "Europe/Kyiv", "hromada", "uk"),
    ("GR", "Athens", "Europe/Athens", "anoichti-psychi", "el"),
    ("IT", "Milan", "Europe/Rome", "mente-aperta", "it"),
    ("ES", "Madrid", "Europe/Madrid", "salud-mental-juntos", "es"),
    ("PL", "Kraków", "Europe/Warsaw", "otwarte-umysly", "pl"),
    ("RO", "Cluj-Napoca", "Europe/Bucharest", "minte-deschisa", "ro"),
    ("IE", "Cork", "Europe/Dublin", "talk-it-through", "en"),
    ("FR", "Marseille", "Europe/Paris", "sante-mentale-ensemble", "fr"),
    ("DE", "Hamburg", "Europe/Berlin", "stimme", "de"),
]

EXTRA_PARTNERS = [
    (
        "Anoichti Psychi",
        "anoichti-psychi",
        "GR",
        "A Greek network of families and people with lived experience.",
    ),
    (
        "Mente Aperta",
        "mente-aperta",
        "IT",
        "An Italian association running anti-stigma programmes in schools.",
    ),
    (
        "Salud Mental Juntos",
        "salud-mental-juntos",
        "ES",
        "A Spanish federation of user and carer associations.",
    ),
    (
        "Otwarte Umysły",
        "otwarte-umysly",
        "PL",
        "A Polish foundation for mental health literacy in workplaces.",
    ),
    (
        "Minte Deschisă",
        "minte-deschisa",
        "RO",
        "A Romanian NGO working with Roma communities and young people.",
    ),
    (
        "Talk It Through Ireland",
        "talk-it-through",
        "IE",
        "An Irish peer-support charity with groups in every county.",
    ),
]

# The pages of these organisations (under "Our partners") in the demo languages.
PARTNER_TRANSLATIONS = {
    "fr": {
        "A Greek network of families and people with lived experience.": "Un réseau grec de familles et de personnes ayant une expérience vécue.",
        "An Italian association running anti-stigma programmes in schools.": "Une association italienne qui mène des programmes contre la stigmatisation dans "
        "les écoles.",
        "A Spanish federation of user and carer associations.": "Une fédération espagnole d'associations d'usagers et d'aidants.",
        "A Polish foundation for mental health literacy in workplaces.": "Une fondation polonaise pour la littératie en santé mentale au travail.",
        "A Romanian NGO working with Roma communities and young people.": "Une ONG roumaine qui travaille avec les communautés roms et les jeunes.",
        "An Irish peer-support charity with groups in every county.": "Une association irlandaise de pair-aidance présente dans chaque comté.",
    },
    "uk": {
        "A Greek network of families and people with lived experience.": "Грецька мережа родин і людей із власним досвідом.",
        "An Italian association running anti-stigma programmes in schools.": "Італійська асоціація, що проводить у школах програми протидії стигмі.",
        "A Spanish federation of user and carer associations.": "Іспанська федерація асоціацій користувачів послуг і доглядачів.",
        "A Polish foundation for mental health literacy in workplaces.": "Польська фундація, що підвищує обізнаність про психічне здоров'я на робочих "
        "місцях.",
        "A Romanian NGO working with Roma communities and young people.": "Румунська громадська організація, що працює з ромськими громадами та молоддю.",
        "An Irish peer-support charity with groups in every county.": "Ірландська благодійна організація взаємопідтримки з групами в кожному графстві.",
    },
    "ar": {
        "A Greek network of families and people with lived experience.": "شبكة يونانية من العائلات والأشخاص ذوي التجربة المعاشة.",
        "An Italian association running anti-stigma programmes in schools.": "جمعية إيطالية تدير برامج لمكافحة الوصمة في المدارس.",
        "A Spanish federation of user and carer associations.": "اتحاد إسباني لجمعيات المستخدمين ومقدّمي الرعاية.",
        "A Polish foundation for mental health literacy in workplaces.": "مؤسسة بولندية لتعزيز المعرفة بالصحة النفسية في أماكن العمل.",
        "A Romanian NGO working with Roma communities and young people.": "منظمة غير حكومية رومانية تعمل مع مجتمعات الروما والشباب.",
        "An Irish peer-support charity with groups in every county.": "جمعية خيرية إيرلندية للدعم بين الأقران لها مجموعات في كل مقاطعة.",
    },
}

# kind: title, summary, format, hours (start, length), topics, audiences, extras
KINDS = [
    {
        "title": "Walk and talk",
        "summary": "A gentle walk in the park with peer supporters: talk about mental health side by side, or simply walk.",
        "format": "in_person",
        "time": (10, 2),
        "topics": ["wellbeing", "stigma"],
        "audiences": ["general-public"],
        "venue": "Main gate of the city park",
        "access": ["step_free", "breaks"],
    },
    {
        "title": "Policy dialogue: stigma-free workplaces",
        "summary": "Employers, unions, ministries and people with lived experience agree on first steps to make workplaces stigma-free. A summary report and action plan follow.",
        "format": "hybrid",
        "time": (14, 3),
        "topics": ["stigma"],
        "audiences": ["employers"],
        "venue": "Chamber of Commerce, conference hall",
        "access": ["step_free", "captions", "accessible_toilet"],
        "speakers": True,
        "programme": True,
        "registration": "url",
    },
    {
        "title": "Mental health first aid taster for teachers",
        "summary": "Two hours to learn how to notice when a pupil is struggling, start a conversation and find help.",
        "format": "in_person",
        "time": (16, 2),
        "topics": ["anxiety", "depression"],
        "audiences": ["teachers", "young-people"],
        "venue": "Teachers' training centre",
        "access": ["step_free", "easy_read"],
        "registration": "email",
        "capacity": 30,
    },
    {
        "title": "Peer-support café",
        "summary": "Coffee, cake and conversation with people who have been there. No agenda, no pressure.",
        "format": "in_person",
        "time": (17, 2),
        "topics": ["wellbeing", "stigma"],
        "audiences": ["people-with-lived-experience", "general-public"],
        "venue": "Community centre café",
        "access": ["step_free", "quiet_space"],
    },
    {
        "title": "Webinar: talking with teenagers about anxiety",
        "summary": "A psychologist and two parents share what helps when a teenager is anxious, with time for your questions.",
        "format": "online",
        "time": (19, 1),
        "topics": ["anxiety"],
        "audiences": ["parents", "young-people"],
        "access": ["captions"],
        "registration": "url",
        "link": "near_start",
    },
    {
        "title": "Co-creation workshop: designing services together",
        "summary": "A two-day stakeholder workshop where people with lived experience, professionals and planners redesign a local service, ending with an action plan.",
        "format": "in_person",
        "time": (9, 7),
        "days": 2,
        "topics": ["stigma", "wellbeing"],
        "audiences": ["health-professionals", "people-with-lived-experience"],
        "venue": "Regional health authority, workshop rooms",
        "access": ["step_free", "quiet_space", "breaks"],
        "speakers": True,
        "programme": True,
        "registration": "email",
        "capacity": 40,
    },
    {
        "title": "Open day at the community mental health centre",
        "summary": "Meet the team, see the rooms and ask anything: how to get an appointment, what happens there, what it costs.",
        "format": "in_person",
        "all_day": True,
        "topics": ["wellbeing"],
        "audiences": ["general-public", "parents"],
        "venue": "Community mental health centre",
        "access": ["step_free", "accessible_toilet", "quiet_space"],
    },
    {
        "title": "Film screening and discussion: living with psychosis",
        "summary": "A documentary made with people living with psychosis, followed by a conversation with the film's participants.",
        "format": "in_person",
        "time": (19, 2),
        "topics": ["psychosis", "stigma"],
        "audiences": ["general-public"],
        "venue": "Arts cinema",
        "access": ["step_free", "captions", "hearing_loop"],
        "price": "€5, free for students and carers",
    },
    {
        "title": "Suicide prevention gatekeeper training",
        "summary": "Learn to recognise warning signs, ask directly about suicide and connect someone to help. Safe-messaging guidance included.",
        "format": "hybrid",
        "time": (13, 4),
        "topics": ["suicide-prevention"],
        "audiences": ["health-professionals", "teachers"],
        "venue": "University hospital, lecture hall B",
        "access": ["step_free", "captions", "sign_language"],
        "registration": "url",
        "capacity": 120,
        "link": "registered",
    },
    {
        "title": "Listening circle for refugees and migrants",
        "summary": "A safe space with interpreters to talk about stress, loss and starting again, led by trained community facilitators.",
        "format": "in_person",
        "time": (15, 2),
        "topics": ["trauma"],
        "audiences": ["refugees-and-migrants"],
        "venue": "Neighbourhood house",
        "access": ["step_free", "quiet_space"],
        "languages": ["uk", "ar", "en"],
    },
    {
        "title": "Online panel: young voices against stigma",
        "summary": "Young people from across Europe talk about what helped them and what needs to change in schools and online.",
        "format": "online",
        "time": (18, 1),
        "topics": ["stigma"],
        "audiences": ["young-people"],
        "access": ["captions"],
        "languages": ["en"],
    },
]

TRANSLATED_KINDS = {
    "Walk and talk": {
        "fr": (
            "Marche et discussion",
            "Une marche tranquille avec des pairs aidants : parler de santé mentale côte à côte, ou simplement marcher.",
        ),
        "uk": (
            "Прогулянка і розмова",
            "Спокійна прогулянка в парку з рівними консультантами: поговоріть про психічне здоров'я або просто пройдіться.",
        ),
        "ar": (
            "مشي وحديث",
            "نزهة هادئة في الحديقة مع داعمين من الأقران: تحدّث عن الصحة النفسية جنبًا إلى جنب، أو امشِ فقط.",
        ),
    },
    "Policy dialogue: stigma-free workplaces": {
        "fr": (
            "Dialogue politique : des lieux de travail sans stigmatisation",
            "Employeurs, syndicats, ministères et personnes ayant une expérience vécue conviennent des premières étapes. Un rapport de synthèse et un plan d'action suivront.",
        ),
        "uk": (
            "Політичний діалог: робочі місця без стигми",
            "Роботодавці, профспілки, міністерства та люди з власним досвідом погоджують перші кроки. Далі — підсумковий звіт і план дій.",
        ),
        "ar": (
            "حوار سياسات: أماكن عمل خالية من الوصمة",
            "يتفق أصحاب العمل والنقابات والوزارات وأشخاص ذوو تجربة معاشة على الخطوات الأولى. يتبع ذلك تقرير موجز وخطة عمل.",
        ),
    },
    "Webinar: talking with teenagers about anxiety": {
        "fr": (
            "Webinaire : parler de l'anxiété avec les adolescents",
            "Une psychologue et deux parents partagent ce qui aide quand un adolescent est anxieux, avec du temps pour vos questions.",
        ),
        "uk": (
            "Вебінар: як говорити з підлітками про тривожність",
            "Психологиня та двоє батьків діляться тим, що допомагає, коли підліток тривожиться. Буде час для ваших запитань.",
        ),
        "ar": (
            "ندوة عبر الإنترنت: الحديث مع المراهقين عن القلق",
            "تشارك أخصائية نفسية ووالدان ما يساعد عندما يشعر المراهق بالقلق، مع وقت لأسئلتكم.",
        ),
    },
    "Listening circle for refugees and migrants": {
        "fr": (
            "Cercle d'écoute pour personnes réfugiées et migrantes",
            "Un espace sûr, avec interprètes, pour parler du stress, de la perte et du nouveau départ.",
        ),
        "uk": (
            "Коло слухання для біженців і мігрантів",
            "Безпечний простір із перекладачами, щоб поговорити про стрес, втрату та новий початок.",
        ),
        "ar": (
            "حلقة استماع للاجئين والمهاجرين",
            "مساحة آمنة مع مترجمين للحديث عن الضغط والفقد والبدء من جديد.",
        ),
    },
}

INDEX = {
    "title": "Mental Health Week events",
    "summary": "Talks, walks, workshops and webinars near you or online, in your language.",
    "intro": "Find a Mental Health Week event near you or online. Filter by country, city, language and access needs, and add events to your calendar.",
}
INDEX_TRANSLATIONS = {
    "fr": {
        INDEX["title"]: "Événements de la Semaine de la santé mentale",
        INDEX[
            "summary"
        ]: "Conférences, marches, ateliers et webinaires près de chez vous ou en ligne, dans votre langue.",
        INDEX[
            "intro"
        ]: "Trouvez un événement de la Semaine de la santé mentale près de chez vous ou en ligne. Filtrez par pays, ville, langue et besoins d'accessibilité, et ajoutez les événements à votre agenda.",
    },
    "uk": {
        INDEX["title"]: "Події Тижня психічного здоров'я",
        INDEX[
            "summary"
        ]: "Лекції, прогулянки, семінари та вебінари поруч із вами або онлайн, вашою мовою.",
        INDEX[
            "intro"
        ]: "Знайдіть подію Тижня психічного здоров'я поруч або онлайн. Фільтруйте за країною, містом, мовою та потребами доступності й додавайте події до календаря.",
    },
    "ar": {
        INDEX["title"]: "فعاليات أسبوع الصحة النفسية",
        INDEX["summary"]: "محاضرات ونزهات وورش عمل وندوات قريبة منك أو عبر الإنترنت، بلغتك.",
        INDEX[
            "intro"
        ]: "ابحث عن فعالية من فعاليات أسبوع الصحة النفسية قريبة منك أو عبر الإنترنت. صفِّ النتائج حسب البلد والمدينة واللغة واحتياجات الوصول، وأضف الفعاليات إلى تقويمك.",
    },
}

SPEAKERS = [
    ("Dr Ana Popescu", "moderator", "Psychiatrist", "Minte Deschisă"),
    ("Marek Nowak", "speaker", "Peer support worker", "Otwarte Umysły"),
    ("Claire Dubois", "panellist", "Head of HR, regional hospital", ""),
    ("Yusuf Haddad", "speaker", "Community interpreter and facilitator", "Hromada Mental Health"),
    (
        "Eleni Georgiou",
        "facilitator",
        "Person with lived experience, co-trainer",
        "Anoichti Psychi",
    ),
]
PROGRAMME = [
    (0, "Welcome and why we are here", "The moderator opens and agrees ground rules."),
    (30, "Lived experience: what made the difference", "Two short testimonies."),
    (75, "Table discussions", "Small groups on barriers and first steps."),
    (135, "Agreeing the action points", "Each organisation commits to one action."),
]
REPORT = {
    "insights": "<ul><li>Stigma, not cost, was named most often as the first barrier to asking for help.</li><li>People with lived experience want to co-design services from the start, not be consulted at the end.</li><li>Managers ask for short, practical training rather than long courses.</li></ul>",
    "outcomes": "<p>Participants agreed a joint action plan. Three municipalities and two employers signed the prevention concordat, and a working group will meet every quarter.</p>",
}
ACTIONS = [
    ("Run mental health first aid training for 40 line managers", "in_progress"),
    ("Publish an easy-read guide to local services", "done"),
    ("Set up a lived-experience advisory panel for the regional health authority", "planned"),
]

PAST_EVENTS = [
    (
        "Policy dialogue: mental health in schools (2025)",
        "BE",
        "Brussels",
        "Europe/Brussels",
        "open-minds",
    ),
    (
        "Co-creation workshop: crisis care pathways (2025)",
        "FR",
        "Lyon",
        "Europe/Paris",
        "sante-mentale-ensemble",
    ),
    (
        "Stakeholder workshop: community services after the war (2025)",
        "UA",
        "Lviv",
        "Europe/Kyiv",
        "hromada",
    ),
    (
        "Roundtable: Roma communities and access to care (2025)",
        "RO",
        "Cluj-Napoca",
        "Europe/Bucharest",
        "minte-deschisa",
    ),
    (
        "Policy dialogue: suicide prevention at local level (2025)",
        "IE",
        "Cork",
        "Europe/Dublin",
        "talk-it-through",
    ),
    ("Workshop: anti-stigma tools for employers (2025)", "DE", "Berlin", "Europe/Berlin", "stimme"),
]

FOLLOW_UPS = [
    ("Action plan review: stigma-free workplaces", "online", 9, "open-minds"),
    ("Winter wellbeing walk", "in_person", 14, "talk-it-through"),
    ("Peer-support café: new year, new group", "in_person", 21, "stimme"),
    ("Webinar: supporting a colleague after a crisis", "online", 28, "otwarte-umysly"),
    ("Family evening: talking about psychosis", "hybrid", 35, "anoichti-psychi"),
    ("Youth panel follow-up: what schools changed", "online", 42, "mente-aperta"),
]


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def load(demo):
    _partners(demo)
    index = _index(demo)
    partners = {p.slug: p for p in PartnerOrganisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.filter(locale__language_code="en")}
    audiences = {a.slug: a for a in Audience.objects.filter(locale__language_code="en")}
    campaign = _campaign()
    context = {"partners": partners, "topics": topics, "audiences": audiences}
    created = []
    for number in range(44):
        created.append(_week_event(demo, index, number, campaign, context))
    for number, spec in enumerate(PAST_EVENTS):
        created.append(_past_event(demo, index, number, spec, campaign, context))
    for number, spec in enumerate(FOLLOW_UPS):
        created.append(_follow_up(demo, index, number, spec, context))
    demo.say(
        f"Events: {len(created)} events under /en/events/ in {len({p[0] for p in PLACES})} countries"
    )
    _translate(demo, index, created)


def _partners(demo):
    for name, slug, country, description in EXTRA_PARTNERS:
        PartnerOrganisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country": country,
                "website": f"https://{slug}.example.org",
                "description": description,
            },
        )
    partner_pages([slug for _name, slug, *_rest in EXTRA_PARTNERS], PARTNER_TRANSLATIONS)


def _index(demo):
    index = add_child(
        demo.home,
        EventIndexPage(
            title=INDEX["title"],
            slug="events",
            show_in_menus=True,
            summary=INDEX["summary"],
            intro=f"<p>{INDEX['intro']}</p>",
            week_start=WEEK_START,
            week_end=WEEK_END,
        ),
    )
    # Translate the index on its own first, so its children land under live parents.
    for code, strings in INDEX_TRANSLATIONS.items():
        translate_page(index, code, strings)
    return index


def _campaign():
    try:
        from campaigns.models import CampaignPage
    except ImportError:
        return None
    return CampaignPage.objects.filter(
        locale__language_code="en", slug="mental-health-week-2026"
    ).first()


def _aware(day, hour, minute, zone):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ZoneInfo(zone))


def _event(demo, index, *, slug, title, kind, place, sessions, context, **fields):
    """Build and publish one event unless its slug exists already."""
    existing = index.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    country, city, zone, partner, language = place
    event_format = fields.pop("format", kind["format"])
    page = EventPage(
        title=title,
        slug=slug,
        summary=kind["summary"],
        organisation=context["partners"].get(partner),
        time_zone=zone,
        format=event_format,
        all_day=kind.get("all_day", False),
        languages=fields.pop("languages", kind.get("languages") or sorted({language, "en"})),
        accessibility=kind.get("access", []),
        is_free="price" not in kind,
        price=kind.get("price", ""),
        registration=kind.get("registration", "none"),
        capacity=kind.get("capacity"),
        description=[
            {"type": "heading", "value": {"text": "What to expect", "level": "h2"}},
            paragraph(
                "A welcoming, informal event of the Mental Health Week network. You do not "
                "need to know anything about mental health to join, and you do not have to "
                "speak unless you want to."
            ),
            paragraph(
                "Everyone is welcome. If you feel unwell on the day, you can leave at any "
                "time; a trained volunteer is there if you want to talk."
            ),
        ],
        **fields,
    )
    if event_format != "online":
        page.venue_name = kind.get("venue", "Community centre")
        page.address = f"{10 + len(title) % 80} Main Street"
        page.city = city
        page.country = country
    if event_format != "in_person":
        page.online_url = f"https://meet.example.org/{slug}"
        page.online_link_visibility = kind.get("link", "public")
    if page.registration == "url":
        page.registration_url = f"https://{partner}.example.org/register/{slug}"
    elif page.registration == "email":
        page.registration_email = f"events@{partner}.example.org"
    locale = index.locale
    page.sessions = [
        EventSession(title=session_title, start=start, end=end, locale=locale, programme=programme)
        for session_title, start, end, programme in sessions
    ]
    page.topics = [context["topics"][s] for s in kind.get("topics", []) if s in context["topics"]]
    page.audiences = [
        context["audiences"][s] for s in kind.get("audiences", []) if s in context["audiences"]
    ]
    if kind.get("speakers"):
        page.speakers = [
            EventSpeaker(name=n, role=r, title=t, organisation=o, locale=locale)
            for n, r, t, o in SPEAKERS[: 3 + len(title) % 3]
        ]
    if kind.get("image"):
        page.image = demo_image(f"Event: {title}", demo.rng)
        page.image_alt = kind["image"]
    return add_child(index, page)


def _programme(kind, start_hour):
    if not kind.get("programme"):
        return []
    items = []
    for offset, item_title, description in PROGRAMME:
        minutes = start_hour * 60 + offset
        items.append(
            {
                "type": "item",
                "value": {
                    "time": datetime.time(minutes // 60, minutes % 60),
                    "title": item_title,
                    "description": description,
                    "led_by": "",
                },
            }
        )
    return items


def _week_event(demo, index, number, campaign, context):
    place = PLACES[number % len(PLACES)]
    kind = dict(KINDS[(number * 7) % len(KINDS)])
    country, city, zone, _partner, _language = place
    day = WEEK_START + datetime.timedelta(days=number % 7)
    if number % 3 == 0:
        kind["image"] = "People walking and talking together in a park, seen from behind."
    sessions = []
    if kind.get("all_day"):
        sessions.append(
            ("", _aware(day, 0, 0, zone), _aware(day + datetime.timedelta(days=1), 0, 0, zone), [])
        )
    else:
        hour, length = kind["time"]
        repeats = kind.get("days", 3 if number % 11 == 4 else 1)
        for repeat in range(repeats):
            # Multi-day workshops run on consecutive days; series repeat weekly.
            gap = 1 if kind.get("days") else 7
            session_day = day + datetime.timedelta(days=repeat * gap)
            label = (
                f"Day {repeat + 1}"
                if kind.get("days")
                else (f"Part {repeat + 1}" if repeats > 1 else "")
            )
            start = _aware(session_day, hour, 0, zone)
            sessions.append(
                (label, start, start + datetime.timedelta(hours=length), _programme(kind, hour))
            )
    fields = {}
    if number in (5, 17):
        fields.update(
            status="cancelled", status_note="The venue is closed for repairs. We are sorry."
        )
    elif number == 23:
        fields.update(
            status="postponed", status_note="Moved to the spring: new dates will follow here."
        )
    if campaign is not None:
        fields["campaign"] = campaign
    where = "online" if kind["format"] == "online" else city
    page = _event(
        demo,
        index,
        slug=f"mhw-2026-{number + 1:02}-{_slugify(kind['title'])}"[:80].rstrip("-"),
        title=f"{kind['title']} — {where}"
        if kind["format"] != "online"
        else f"{kind['title']} ({country})",
        kind=kind,
        place=place,
        sessions=sessions,
        context=context,
        **fields,
    )
    return page


def _past_event(demo, index, number, spec, campaign, context):
    title, country, city, zone, partner = spec
    kind = dict(KINDS[1])
    kind["summary"] = (
        "A policy dialogue and stakeholder workshop of Mental Health Week 2025: ministries, "
        "NGOs and people with lived experience agreed an action plan."
    )
    day = LAST_YEAR_WEEK + datetime.timedelta(days=number)
    start = _aware(day, 10, 0, zone)
    fields = {
        "report_key_insights": REPORT["insights"],
        "report_outcomes": REPORT["outcomes"],
        "report_documents": _report_documents(title),
    }
    if campaign is not None:
        fields["campaign"] = campaign
    page = _event(
        demo,
        index,
        slug=f"mhw-2025-{_slugify(title)}"[:80].rstrip("-"),
        title=title,
        kind=kind,
        place=(country, city, zone, partner, "en"),
        sessions=[("", start, start + datetime.timedelta(hours=4), _programme(kind, 10))],
        context=context,
        format="in_person",
        **fields,
    )
    if not page.action_points.exists():
        owners = list(context["partners"].values())
        for order, (action, status) in enumerate(ACTIONS):
            EventActionPoint.objects.create(
                page=page,
                locale=page.locale,
                sort_order=order,
                action=action,
                status=status,
                owner=owners[(number + order) % len(owners)],
                due=datetime.date(2026, 6, 30),
            )
    return page


def _report_documents(title):
    document_model = get_document_model()
    doc_title = f"Summary report and action plan: {title}"
    document = document_model.objects.filter(title=doc_title).first()
    if document is None:
        document = document_model(title=doc_title)
        text = f"{doc_title}\n\nKey insights, outcomes and action points agreed at the event.\n"
        document.file.save(f"{_slugify(title)[:50]}-report.txt", ContentFile(text.encode()))
        document.save()
    return [{"type": "document", "value": {"document": document.pk, "title": ""}}]


def _follow_up(demo, index, number, spec, context):
    """Events a few weeks after the day the demo is loaded, so the upcoming list is never
    empty whenever the demo runs."""
    title, event_format, days_ahead, partner = spec
    place = next((p for p in PLACES if p[3] == partner), PLACES[0])
    kind = dict(KINDS[4 if event_format == "online" else 0])
    kind["format"] = event_format
    kind["summary"] = (
        "A follow-up to Mental Health Week: what we agreed, what changed, and what comes next."
    )
    zone = place[2]
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    start = _aware(day, 18, 0, zone)
    return _event(
        demo,
        index,
        slug=f"follow-up-{_slugify(title)}"[:80].rstrip("-"),
        title=title,
        kind=kind,
        place=place,
        sessions=[("", start, start + datetime.timedelta(hours=1, minutes=30), [])],
        context=context,
    )


def _translate(demo, index, events):
    count = 0
    for page in events:
        base = page.title.split(" — ")[0].split(" (")[0]
        translations = TRANSLATED_KINDS.get(base)
        if not translations:
            continue
        for code, (title, summary) in translations.items():
            translated_title = page.title.replace(base, title)
            strings = {page.title: translated_title, page.summary: summary}
            strings.update(INDEX_TRANSLATIONS[code])
            translate_page(page, code, strings)
        count += 1
        if count >= 8:
            break
    demo.say(f"Events: {count} events translated into fr, uk and ar")


def _slugify(text):
    from django.utils.text import slugify

    return slugify(text)
