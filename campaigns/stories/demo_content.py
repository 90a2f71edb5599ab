"""Demo content for stories: the story section in en (translated into fr, uk and ar),
fourteen published stories (some with content notes, some translated) and three waiting in
the story-review workflow. Contributor records use obviously fake addresses
(@example.invalid). Idempotent: a second run creates nothing new."""

from django.utils import timezone

from campaigns.stories import services
from campaigns.stories.forms import CONSENT_VERSION
from campaigns.stories.models import (
    ContributorRecord,
    ContributorState,
    StoryIndexPage,
    StoryPage,
    new_status_token,
)
from campaigns.stories.workflow import assign_story_workflow
from home.cocreation.roles import setup_roles
from home.demo import add_child, translate_page
from home.models import Topic

INDEX_TRANSLATIONS = {
    "fr": {
        "Stories": "Témoignages",
        "People with lived experience of mental health problems tell what helped, what hurt and what they wish others knew.": "Des personnes ayant vécu des troubles psychiques racontent ce qui les a aidées, ce qui les a blessées et ce qu'elles aimeraient que les autres sachent.",
        "Every story here was shared by its author, reviewed with care and can be withdrawn by them at any time.": "Chaque témoignage a été partagé par son auteur·rice, relu avec soin, et peut être retiré à tout moment.",
    },
    "uk": {
        "Stories": "Історії",
        "People with lived experience of mental health problems tell what helped, what hurt and what they wish others knew.": "Люди з власним досвідом проблем із психічним здоров'ям розповідають, що допомогло, що ранило і що вони хотіли б, аби знали інші.",
        "Every story here was shared by its author, reviewed with care and can be withdrawn by them at any time.": "Кожну історію тут поширив її автор, її уважно переглянули, і автор може відкликати її будь-коли.",
    },
    "ar": {
        "Stories": "قصص",
        "People with lived experience of mental health problems tell what helped, what hurt and what they wish others knew.": "أشخاص مرّوا بتجربة مشكلات الصحة النفسية يروون ما ساعدهم وما آلمهم وما يتمنون أن يعرفه الآخرون.",
        "Every story here was shared by its author, reviewed with care and can be withdrawn by them at any time.": "كل قصة هنا شاركها صاحبها، وروجعت بعناية، ويمكنه سحبها في أي وقت.",
    },
}

# slug, title, display name, country, age range, topics, content notes, paragraphs,
# {language: {source text: translation}}
STORIES = [
    (
        "telling-my-manager",
        "The day I told my manager",
        "Mira",
        "FR",
        "25-34",
        ["stigma", "depression"],
        [],
        [
            "For months I hid my depression at work. I was sure that saying it out loud would end my career.",
            "When I finally told my manager, she listened, asked what would help and we agreed on a later start twice a week. Nothing dramatic happened, and that was the point.",
            "If you are a manager: you do not need the right words. Listening is enough to start.",
        ],
        {
            "fr": {
                "The day I told my manager": "Le jour où je l'ai dit à ma responsable",
                "For months I hid my depression at work. I was sure that saying it out loud would end my career.": "Pendant des mois, j'ai caché ma dépression au travail. J'étais sûre que le dire à voix haute mettrait fin à ma carrière.",
                "When I finally told my manager, she listened, asked what would help and we agreed on a later start twice a week. Nothing dramatic happened, and that was the point.": "Quand je l'ai enfin dit à ma responsable, elle m'a écoutée, m'a demandé ce qui m'aiderait, et nous avons convenu d'un début de journée plus tardif deux fois par semaine. Rien de dramatique ne s'est passé, et c'était bien là l'essentiel.",
                "If you are a manager: you do not need the right words. Listening is enough to start.": "Si vous êtes manager : vous n'avez pas besoin des mots parfaits. Écouter suffit pour commencer.",
            },
            "ar": {
                "The day I told my manager": "اليوم الذي أخبرت فيه مديرتي",
                "For months I hid my depression at work. I was sure that saying it out loud would end my career.": "لأشهر أخفيت اكتئابي في العمل. كنت متأكدة أن البوح به سينهي مسيرتي المهنية.",
                "When I finally told my manager, she listened, asked what would help and we agreed on a later start twice a week. Nothing dramatic happened, and that was the point.": "عندما أخبرت مديرتي أخيرًا، استمعت إليّ وسألتني عمّا يساعدني، واتفقنا على أن أبدأ العمل متأخرة مرتين في الأسبوع. لم يحدث شيء مأساوي، وهذا هو المهم.",
                "If you are a manager: you do not need the right words. Listening is enough to start.": "إذا كنت مديرًا: لا تحتاج إلى الكلمات المثالية. الإصغاء يكفي للبداية.",
            },
        },
    ),
    (
        "voices-and-a-good-nurse",
        "Voices, and a nurse who treated me like a person",
        "Tomasz",
        "PL",
        "35-44",
        ["psychosis", "stigma"],
        ["hospitalisation"],
        [
            "My first psychosis came at university. The hospital stay frightened me more than the voices did.",
            "One night nurse sat with me and talked about football. It sounds small. It was the first time in weeks that someone spoke to me and not about me.",
            "Today I work part-time and run a peer group. Recovery was not a straight line, but it was real.",
        ],
        {},
    ),
    (
        "after-the-war-started",
        "After the war started, I stopped sleeping",
        "Olena",
        "UA",
        "45-54",
        ["trauma", "anxiety"],
        ["trauma"],
        [
            "When we left Kharkiv, I told myself I had no right to feel bad: others had lost far more.",
            "A community psychologist explained that my sleeplessness and fear were normal reactions to abnormal events. Naming it helped me accept help.",
            "Now I volunteer at the same centre, making tea and listening.",
        ],
        {
            "uk": {
                "After the war started, I stopped sleeping": "Коли почалася війна, я перестала спати",
                "When we left Kharkiv, I told myself I had no right to feel bad: others had lost far more.": "Коли ми виїхали з Харкова, я казала собі, що не маю права почуватися погано: інші втратили значно більше.",
                "A community psychologist explained that my sleeplessness and fear were normal reactions to abnormal events. Naming it helped me accept help.": "Психологиня громадського центру пояснила, що безсоння і страх — нормальні реакції на ненормальні події. Назвати це допомогло мені прийняти допомогу.",
                "Now I volunteer at the same centre, making tea and listening.": "Тепер я волонтерю в тому самому центрі: заварюю чай і слухаю.",
            },
        },
    ),
    (
        "eating-again",
        "Learning to eat with my family again",
        "",
        "DE",
        "16-24",
        ["eating-disorders"],
        ["eating-disorders"],
        [
            "I was fifteen when meals became a battle. I thought nobody noticed; everybody did.",
            "Family-based treatment was hard for all of us. What helped most was my parents learning to talk about how I felt instead of what I ate.",
            "I am twenty now. Some days are still difficult, and I know who to call when they are.",
        ],
        {},
    ),
    (
        "the-call-i-almost-did-not-make",
        "The call I almost did not make",
        "Anonymous friend",
        "IE",
        "25-34",
        ["suicide-prevention"],
        ["suicide"],
        [
            "There was a night when I could not see a way forward. I am writing this because I made a phone call instead.",
            "The person on the line did not try to fix anything. She stayed with me until morning and helped me make a plan to see my GP.",
            "If you are in that place now, please call a helpline. You do not have to be sure you are 'bad enough'.",
        ],
        {
            "fr": {
                "The call I almost did not make": "L'appel que j'ai failli ne pas passer",
                "There was a night when I could not see a way forward. I am writing this because I made a phone call instead.": "Il y a eu une nuit où je ne voyais pas d'issue. J'écris ceci parce que j'ai passé un appel à la place.",
                "The person on the line did not try to fix anything. She stayed with me until morning and helped me make a plan to see my GP.": "La personne au bout du fil n'a rien essayé de réparer. Elle est restée avec moi jusqu'au matin et m'a aidé à prévoir un rendez-vous chez mon médecin.",
                "If you are in that place now, please call a helpline. You do not have to be sure you are 'bad enough'.": "Si vous êtes dans cet état maintenant, appelez une ligne d'écoute. Vous n'avez pas besoin d'être sûr·e d'aller « assez mal ».",
            },
        },
    ),
    (
        "panic-on-the-metro",
        "Panic on the metro",
        "Lucía",
        "ES",
        "25-34",
        ["anxiety"],
        [],
        [
            "My first panic attack happened between two metro stations. I was sure I was dying.",
            "Cognitive behavioural therapy taught me what my body was doing and why. I still carry a small card with breathing steps.",
            "Last month I took the same line to a job interview. I got the job.",
        ],
        {},
    ),
    (
        "dad-and-the-bottle",
        "My dad, the bottle and the help we found",
        "Andrei",
        "RO",
        "35-44",
        ["substance-use", "stigma"],
        ["substance-use"],
        [
            "In our village, people called my father a drunk. Nobody called it an illness.",
            "A family support group in the nearest town was the first place where we could talk without shame.",
            "He has been sober for three years. We talk about it openly now, and so do some of our neighbours.",
        ],
        {},
    ),
    (
        "teacher-who-noticed",
        "The teacher who noticed",
        "Sam",
        "BE",
        "16-24",
        ["self-harm", "wellbeing"],
        ["self-harm"],
        [
            "At school I wore long sleeves in summer. One teacher asked quietly if I was okay, and meant it.",
            "She did not panic. She walked with me to the school counsellor and checked in the next day.",
            "I am studying to become a teacher myself. I want to be that person for someone.",
        ],
        {
            "ar": {
                "The teacher who noticed": "المعلمة التي لاحظت",
                "At school I wore long sleeves in summer. One teacher asked quietly if I was okay, and meant it.": "في المدرسة كنت أرتدي أكمامًا طويلة في الصيف. سألتني إحدى المعلمات بهدوء إن كنت بخير، وكانت تعني سؤالها.",
                "She did not panic. She walked with me to the school counsellor and checked in the next day.": "لم تفزع. رافقتني إلى المرشد المدرسي وسألت عني في اليوم التالي.",
                "I am studying to become a teacher myself. I want to be that person for someone.": "أدرس الآن لأصبح معلمًا. أريد أن أكون ذلك الشخص لأحد ما.",
            },
        },
    ),
    (
        "bipolar-and-back-at-work",
        "Bipolar, and back at work",
        "Giulia",
        "IT",
        "45-54",
        ["stigma", "wellbeing"],
        [],
        [
            "After my diagnosis, a colleague asked whether I was 'dangerous'. I laughed, then went home and cried.",
            "A return-to-work plan with my occupational doctor made the difference: fewer late meetings, one trusted contact.",
            "I have been promoted since. Stigma hurt more than the illness ever did.",
        ],
        {},
    ),
    (
        "grief-and-a-walking-group",
        "Grief, and a walking group",
        "Eleni",
        "GR",
        "65+",
        ["depression", "wellbeing"],
        [],
        [
            "When my husband died, the days became very long. I did not want to trouble my children.",
            "My pharmacist told me about a walking group for older people. I went once to be polite.",
            "We walk every Tuesday and Friday. I have friends again, and I talk about him with them.",
        ],
        {},
    ),
    (
        "coming-out-twice",
        "Coming out twice",
        "Alex",
        "DE",
        "16-24",
        ["anxiety", "stigma"],
        [],
        [
            "I came out as queer at sixteen and as someone with social anxiety at nineteen. The second was harder.",
            "An LGBTQI+ youth centre had a counsellor who understood both. I did not have to explain myself twice.",
            "If you run a youth service: make it clear on your door that mental health is welcome too.",
        ],
        {},
    ),
    (
        "new-country-new-words",
        "A new country, and new words for how I felt",
        "Karim",
        "FR",
        "35-44",
        ["trauma", "depression"],
        ["trauma"],
        [
            "In my language there was no everyday word for depression. In France I learned one, and with it, that help existed.",
            "An interpreter at the health centre made it possible to talk about what happened on the journey.",
            "I now help other newcomers find services. Language should not be a wall.",
        ],
        {
            "ar": {
                "A new country, and new words for how I felt": "بلد جديد، وكلمات جديدة لما شعرت به",
                "In my language there was no everyday word for depression. In France I learned one, and with it, that help existed.": "لم تكن في لغتي كلمة يومية للاكتئاب. في فرنسا تعلمت واحدة، وتعلمت معها أن المساعدة موجودة.",
                "An interpreter at the health centre made it possible to talk about what happened on the journey.": "جعل مترجم في المركز الصحي الحديث عمّا حدث خلال الرحلة ممكنًا.",
                "I now help other newcomers find services. Language should not be a wall.": "أساعد الآن القادمين الجدد على إيجاد الخدمات. لا ينبغي أن تكون اللغة جدارًا.",
            },
            "fr": {
                "A new country, and new words for how I felt": "Un nouveau pays, et de nouveaux mots pour ce que je ressentais",
                "In my language there was no everyday word for depression. In France I learned one, and with it, that help existed.": "Dans ma langue, il n'y avait pas de mot courant pour la dépression. En France, j'en ai appris un, et avec lui, que l'aide existait.",
                "An interpreter at the health centre made it possible to talk about what happened on the journey.": "Un interprète au centre de santé a rendu possible de parler de ce qui s'était passé pendant le voyage.",
                "I now help other newcomers find services. Language should not be a wall.": "J'aide maintenant d'autres nouveaux arrivants à trouver des services. La langue ne devrait pas être un mur.",
            },
        },
    ),
    (
        "roma-and-the-health-mediator",
        "The health mediator who spoke our language",
        "Dana",
        "RO",
        "25-34",
        ["stigma", "wellbeing"],
        [],
        [
            "In our community, going to a psychiatrist meant people would say you were 'crazy'.",
            "A Roma health mediator came to our neighbourhood and talked about stress and sleep first, not diagnoses.",
            "My mother went to her first appointment with the mediator beside her. She is better now, and she tells others.",
        ],
        {},
    ),
    (
        "peer-support-saved-my-studies",
        "Peer support saved my studies",
        "Noor",
        "BE",
        "16-24",
        ["anxiety", "depression"],
        [],
        [
            "In my second year I stopped going to lectures. I told everyone I was fine.",
            "A student peer supporter, trained and supervised, met me for coffee every week. She had been there too.",
            "I graduate this summer. I am now a peer supporter myself.",
        ],
        {},
    ),
]

IN_REVIEW = [
    (
        "Finding words at the kitchen table",
        "My family never talked about feelings. This year we started, slowly, at dinner. It began when my younger brother asked why I was always tired, and I told him the truth.",
        "review-one@example.invalid",
    ),
    (
        "What my GP said that helped",
        "I expected to be told to cheer up. Instead my GP said that what I described sounded like depression and that it was treatable. I walked out lighter than I walked in.",
        "review-two@example.invalid",
    ),
    (
        "Running, slowly",
        "Running did not cure my anxiety, but it gave me a morning routine and a group that does not ask questions. On bad days I walk, and that counts too.",
        "",
    ),
]


def _paragraphs(paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def load(demo):
    """Build the story section (idempotent)."""
    home = demo.home
    index = add_child(
        home,
        StoryIndexPage(
            title="Stories",
            slug="stories",
            show_in_menus=True,
            summary=(
                "People with lived experience of mental health problems tell what helped, "
                "what hurt and what they wish others knew."
            ),
            intro=(
                "<p>Every story here was shared by its author, reviewed with care and can be "
                "withdrawn by them at any time.</p>"
            ),
        ),
    )
    for code, strings in INDEX_TRANSLATIONS.items():
        translate_page(index, code, strings)
    # Roles and the story workflow now that every language's story index exists.
    setup_roles()
    assign_story_workflow()

    topics = {t.slug: t for t in Topic.objects.filter(locale=index.locale)}
    campaign = _first_campaign(index)
    published = 0
    for position, story_data in enumerate(STORIES):
        story = _published_story(
            index, topics, campaign if position % 4 == 0 else None, *story_data
        )
        published += 1
        for code, strings in story_data[-1].items():
            translate_page(story, code, strings)
    demo.say(f"Stories: {published} published, some with content notes and translations")

    waiting = 0
    for title, text, email in IN_REVIEW:
        if StoryPage.objects.filter(title=title).exists():
            waiting += 1
            continue
        services.submit_story(
            index,
            {
                "title": title,
                "body": text,
                "display_name": "",
                "country": "BE",
                "email": email,
                "consent_process": True,
                "consent_publish": True,
                "consent_translate": True,
                "consent_contact": bool(email),
                "consent_version": CONSENT_VERSION,
                "topics": [topics["wellbeing"]] if "wellbeing" in topics else [],
            },
            new_status_token(),
            "en",
        )
        waiting += 1
    demo.say(f"Stories: {waiting} waiting in the story-review workflow")


def _first_campaign(index):
    try:
        from campaigns.models import CampaignPage
    except ImportError:
        return None
    return CampaignPage.objects.live().filter(locale=index.locale).order_by("path").first()


def _published_story(
    index, topics, campaign, slug, title, name, country, age, topic_slugs, notes, paragraphs, _t
):
    existing = index.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    story = StoryPage(
        title=title,
        slug=slug,
        display_name=name,
        country=country,
        age_range=age,
        content_notes=notes,
        body=_paragraphs(paragraphs),
        campaign=campaign,
    )
    story.topics = [topics[s] for s in topic_slugs if s in topics]
    story = add_child(index, story)
    record = ContributorRecord(
        page=story,
        email=f"{slug}@example.invalid",
        language="en",
        consent_process=True,
        consent_publish=True,
        consent_translate=bool(_t),
        consent_contact=False,
        consent_version=CONSENT_VERSION,
        consented_at=timezone.now(),
        state=ContributorState.PUBLISHED,
    )
    # Nobody knows this token: demo contributors have no status link.
    record.set_token(new_status_token())
    record.save()
    return story
