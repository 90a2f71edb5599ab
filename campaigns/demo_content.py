"""Demo content for campaigns and the resource library: four campaigns and 32 resources
across topics, audiences and formats, owned by the demo partners, with fr/uk/ar
translations of some of them and a few moderated pledge signatures."""

import uuid
from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    PledgeSignature,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
)
from home.cocreation.models import PartnerOrganisation
from home.demo import add_child, demo_image, translate_page
from home.models import Audience, Topic


def p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def h(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


INDEX_TRANSLATIONS = {
    "fr": {
        "Campaigns": "Campagnes",
        "What the coalition campaigns for, together with people with lived experience.": "Ce pour quoi la coalition fait campagne, avec les personnes ayant une expérience vécue.",
        "Resources": "Ressources",
        "Clear, checked information about mental health, for everyone.": "Des informations claires et vérifiées sur la santé mentale, pour tout le monde.",
    },
    "uk": {
        "Campaigns": "Кампанії",
        "What the coalition campaigns for, together with people with lived experience.": "За що коаліція проводить кампанії разом із людьми з власним досвідом.",
        "Resources": "Ресурси",
        "Clear, checked information about mental health, for everyone.": "Зрозуміла, перевірена інформація про психічне здоров'я для всіх.",
    },
    "ar": {
        "Campaigns": "الحملات",
        "What the coalition campaigns for, together with people with lived experience.": "ما يناصره التحالف، جنبًا إلى جنب مع أشخاص ذوي تجربة معاشة.",
        "Resources": "الموارد",
        "Clear, checked information about mental health, for everyone.": "معلومات واضحة وموثوقة عن الصحة النفسية للجميع.",
    },
}

CAMPAIGNS = [
    {
        "slug": "mental-health-week-2026",
        "title": "Mental Health Week 2026: co-creation",
        "summary": "Better together: people with lived experience, professionals, policymakers and communities shaping mental health policy side by side.",
        "start": date(2026, 5, 11),
        "end": date(2026, 12, 31),
        "organisation": "open-minds",
        "partners": ["open-minds", "sante-mentale-ensemble", "stimme", "hromada"],
        "topics": ["stigma", "wellbeing"],
        "audiences": ["general-public", "people-with-lived-experience"],
        "pledge": "I pledge to talk openly about mental health and to listen without judgement.",
        "body": [
            p(
                "This year's European Mental Health Week is about co-creation: developing and implementing policies and programmes together, so that solutions are inclusive and last."
            ),
            {
                "type": "key_facts",
                "value": {
                    "heading": "Why it matters",
                    "facts": [
                        {
                            "figure": "1 in 6",
                            "label": "people in the EU live with a mental health problem",
                            "source_title": "OECD/EU, Health at a Glance: Europe 2018",
                            "source_url": "https://www.oecd.org/health/health-at-a-glance-europe/",
                        },
                        {
                            "figure": "39",
                            "label": "organisations from 21 countries in one joint action on mental health",
                            "source_title": "JA ImpleMENTAL",
                            "source_url": "https://ja-implemental.eu/",
                        },
                    ],
                },
            },
            h("How you can take part"),
            p(
                "Join an online workshop, organise a public talk or a wellness fair in your community, or share what co-creation means to you."
            ),
            {
                "type": "quote",
                "value": {
                    "quote": "Through co-creation, we can harness the collective power of diverse perspectives to create a healthier, more supportive environment for everyone.",
                    "attribution": "Co-creation statement, Mental Health Week",
                },
            },
            {
                "type": "video",
                "value": {
                    "title": "What co-creation looks like",
                    "url": "https://vimeo.com/76979871",
                    "duration": "3 min",
                    "transcript": "People with lived experience, nurses and city officials explain how they planned a local service together.",
                },
            },
        ],
    },
    {
        "slug": "mental-health-at-work",
        "title": "Open minds at work",
        "summary": "An anti-stigma campaign for workplaces: line managers and colleagues who know how to talk, listen and support a return to work.",
        "start": date(2026, 9, 1),
        "end": date(2027, 6, 30),
        "organisation": "stimme",
        "partners": ["stimme", "open-minds"],
        "topics": ["stigma", "depression", "anxiety"],
        "audiences": ["employers", "general-public"],
        "pledge": "Our organisation pledges to make it safe to talk about mental health at work.",
        "body": [
            p(
                "Most people with a mental health problem work, and most of them work well. What makes the difference is a workplace where people can speak up without fear."
            ),
            {
                "type": "myth_fact",
                "value": {
                    "heading": "Myth or fact?",
                    "items": [
                        {
                            "myth": "People with mental health problems can't hold down a job.",
                            "fact": "<p>Most do. With reasonable adjustments and supported return-to-work plans, people stay in work and thrive.</p>",
                        },
                        {
                            "myth": "Asking a colleague how they are will make things worse.",
                            "fact": "<p>Asking, and really listening to the answer, is one of the most helpful things you can do.</p>",
                        },
                    ],
                },
            },
            {
                "type": "accordion",
                "value": {
                    "heading": "Questions employers ask",
                    "items": [
                        {
                            "question": "What is supported employment?",
                            "answer": "<p>Help to stay in or return to work after sick leave or between two jobs, agreed with the person.</p>",
                        }
                    ],
                },
            },
        ],
    },
    {
        "slug": "young-minds-speak-up",
        "title": "Young minds speak up",
        "summary": "A youth campaign led by young people: talking about anxiety, pressure online and where to find help at school and beyond.",
        "start": date(2027, 2, 1),
        "end": date(2027, 5, 31),
        "organisation": "sante-mentale-ensemble",
        "partners": ["sante-mentale-ensemble", "open-minds"],
        "topics": ["anxiety", "self-harm", "wellbeing"],
        "audiences": ["young-people", "teachers", "parents"],
        "pledge": "",
        "body": [
            p(
                "Young people told us what they need: adults who listen, teachers who know the signs and a safe place to talk about life online."
            ),
            h("What the campaign will do"),
            p(
                "Peer-led workshops in schools, training for teachers and educators, and a toolkit for parents on healthy technology use."
            ),
        ],
    },
    {
        "slug": "support-for-people-from-ukraine",
        "title": "Together: mental health support for people displaced from Ukraine",
        "summary": "Information and support in Ukrainian for people displaced by the war, and for the communities and services welcoming them.",
        "start": date(2025, 3, 1),
        "end": date(2026, 2, 28),
        "organisation": "hromada",
        "partners": ["hromada", "open-minds"],
        "topics": ["trauma", "wellbeing"],
        "audiences": ["refugees-and-migrants", "health-professionals"],
        "pledge": "",
        "body": [
            p(
                "War and displacement affect everyone differently. Feeling on edge, sleeping badly or feeling numb are common reactions to an abnormal situation."
            ),
            p(
                "The campaign offered information in Ukrainian, community support groups and care pathways that connect people with services in their new country."
            ),
        ],
    },
]

CAMPAIGN_TRANSLATIONS = {
    "fr": {
        "Mental Health Week 2026: co-creation": "Semaine de la santé mentale 2026 : la co-création",
        "Better together: people with lived experience, professionals, policymakers and communities shaping mental health policy side by side.": "Mieux ensemble : personnes concernées, professionnels, décideurs et communautés construisent côte à côte les politiques de santé mentale.",
        "I pledge to talk openly about mental health and to listen without judgement.": "Je m'engage à parler ouvertement de santé mentale et à écouter sans juger.",
        "Open minds at work": "Esprits ouverts au travail",
        "An anti-stigma campaign for workplaces: line managers and colleagues who know how to talk, listen and support a return to work.": "Une campagne contre la stigmatisation au travail : des managers et collègues qui savent parler, écouter et accompagner le retour au travail.",
        "Together: mental health support for people displaced from Ukraine": "Ensemble : soutien en santé mentale pour les personnes déplacées d'Ukraine",
        "Information and support in Ukrainian for people displaced by the war, and for the communities and services welcoming them.": "Informations et soutien en ukrainien pour les personnes déplacées par la guerre, et pour les communautés et services qui les accueillent.",
        "How you can take part": "Comment participer",
    },
    "uk": {
        "Mental Health Week 2026: co-creation": "Тиждень психічного здоров'я 2026: спільне творення",
        "Better together: people with lived experience, professionals, policymakers and communities shaping mental health policy side by side.": "Разом краще: люди з власним досвідом, фахівці, політики та громади пліч-о-пліч формують політику психічного здоров'я.",
        "I pledge to talk openly about mental health and to listen without judgement.": "Я зобов'язуюся відкрито говорити про психічне здоров'я і слухати без осуду.",
        "Together: mental health support for people displaced from Ukraine": "Разом: підтримка психічного здоров'я для людей, вимушено переміщених з України",
        "Information and support in Ukrainian for people displaced by the war, and for the communities and services welcoming them.": "Інформація та підтримка українською мовою для людей, яких війна змусила покинути домівки, а також для громад і служб, що їх приймають.",
        "War and displacement affect everyone differently. Feeling on edge, sleeping badly or feeling numb are common reactions to an abnormal situation.": "Війна та переміщення впливають на кожного по-різному. Напруження, поганий сон чи відчуття оніміння — звичайні реакції на ненормальну ситуацію.",
    },
    "ar": {
        "Mental Health Week 2026: co-creation": "أسبوع الصحة النفسية 2026: الإبداع المشترك",
        "Better together: people with lived experience, professionals, policymakers and communities shaping mental health policy side by side.": "معًا أفضل: أشخاص ذوو تجربة معاشة ومهنيون وصناع قرار ومجتمعات يرسمون سياسات الصحة النفسية جنبًا إلى جنب.",
        "I pledge to talk openly about mental health and to listen without judgement.": "أتعهد بالتحدث بصراحة عن الصحة النفسية والاستماع دون إصدار أحكام.",
        "Together: mental health support for people displaced from Ukraine": "معًا: دعم الصحة النفسية للنازحين من أوكرانيا",
        "Information and support in Ukrainian for people displaced by the war, and for the communities and services welcoming them.": "معلومات ودعم باللغة الأوكرانية للأشخاص الذين شردتهم الحرب، وللمجتمعات والخدمات التي تستقبلهم.",
    },
}
TRANSLATED_CAMPAIGNS = {
    "fr": ["mental-health-week-2026", "mental-health-at-work", "support-for-people-from-ukraine"],
    "uk": ["mental-health-week-2026", "support-for-people-from-ukraine"],
    "ar": ["mental-health-week-2026", "support-for-people-from-ukraine"],
}

# title, format, topics, audiences, organisation, summary, body paragraphs
RESOURCES = [
    (
        "Understanding depression",
        "guide",
        ["depression"],
        ["general-public"],
        "open-minds",
        "What depression is, how it feels and what helps, in plain language.",
        [
            "Depression is more than feeling low for a few days. It can affect sleep, appetite, energy and how you see yourself.",
            "It is common and treatable. Talking therapies, medication, exercise and support from people around you all help.",
            "If you have felt low most days for two weeks or more, talk to your doctor or a helpline.",
        ],
    ),
    (
        "Easy read: what is depression?",
        "easy-read",
        ["depression"],
        ["general-public", "people-with-lived-experience"],
        "open-minds",
        "Depression explained in short sentences and simple words.",
        [
            "Depression is an illness. It can make you feel sad for a long time.",
            "You can get better. Talk to someone you trust.",
        ],
    ),
    (
        "Understanding anxiety",
        "guide",
        ["anxiety"],
        ["general-public"],
        "sante-mentale-ensemble",
        "Why anxiety happens, what panic attacks are and how to cope day to day.",
        [
            "Anxiety is the body's alarm system. Sometimes it goes off when there is no danger.",
            "Breathing exercises, regular routines and talking about your worries can turn the volume down.",
            "If anxiety stops you doing things you want to do, support is available.",
        ],
    ),
    (
        "Easy read: what is anxiety?",
        "easy-read",
        ["anxiety"],
        ["general-public", "young-people"],
        "sante-mentale-ensemble",
        "Anxiety explained in short sentences and simple words.",
        [
            "Anxiety means feeling worried or scared a lot.",
            "Slow breathing can help. Talking to someone can help too.",
        ],
    ),
    (
        "How to talk to a friend who is struggling",
        "article",
        ["stigma", "suicide-prevention"],
        ["general-public", "young-people"],
        "open-minds",
        "You don't need the right words. Ask, listen, and help them find support.",
        [
            'Find a quiet moment and ask how they are, then ask again: "How are you really?"',
            "Listen without trying to fix everything. Let them know you are there.",
            "If they talk about ending their life, take it seriously and help them contact a crisis line today.",
        ],
    ),
    (
        "Talking about suicide safely",
        "fact-sheet",
        ["suicide-prevention"],
        ["general-public", "health-professionals"],
        "open-minds",
        "Asking someone directly about suicide does not put the idea in their head. It can save a life.",
        [
            "Use clear, calm words. Avoid describing methods.",
            "Share helpline numbers and stay with the person if they are in danger.",
        ],
    ),
    (
        "A toolkit for teachers: mental health in the classroom",
        "toolkit",
        ["anxiety", "self-harm", "wellbeing"],
        ["teachers", "young-people"],
        "sante-mentale-ensemble",
        "Spotting early signs, starting a conversation and knowing when to refer.",
        [
            "Notice changes: withdrawal, tiredness, falling grades or a change in friendships.",
            "Start with a private, low-key conversation and follow your school's safeguarding procedure.",
            "Look after yourself too: supporting pupils can be demanding.",
        ],
    ),
    (
        "A toolkit for employers: supported return to work",
        "toolkit",
        ["depression", "anxiety", "stigma"],
        ["employers"],
        "stimme",
        "Reasonable adjustments, return-to-work plans and how line managers can help.",
        [
            "Plan the return together with the employee: hours, tasks and check-ins.",
            "Small adjustments, such as flexible start times, make a big difference.",
            "Train line managers to have supportive conversations.",
        ],
    ),
    (
        "Mental health at work: a guide for line managers",
        "guide",
        ["stigma", "wellbeing"],
        ["employers"],
        "stimme",
        "How to notice, ask and support, without needing to be an expert.",
        [
            "You are not expected to diagnose. You are expected to notice and to ask.",
            "Agree what the person wants colleagues to know, and keep it confidential.",
        ],
    ),
    (
        "Coping after trauma",
        "guide",
        ["trauma"],
        ["general-public", "refugees-and-migrants"],
        "hromada",
        "Common reactions after frightening events, and what helps you recover.",
        [
            "Nightmares, being jumpy or feeling numb are common after a traumatic event.",
            "Most people recover with time and support. Routines, sleep and connection help.",
            "If reactions do not ease after a month, ask for professional help.",
        ],
    ),
    (
        "Mental health support for people displaced from Ukraine",
        "fact-sheet",
        ["trauma", "wellbeing"],
        ["refugees-and-migrants"],
        "hromada",
        "Where to find support in your new country, in Ukrainian.",
        [
            "You have the right to health care, including mental health care, in most EU countries.",
            "Community groups offer peer support in Ukrainian.",
        ],
    ),
    (
        "Supporting children after displacement",
        "guide",
        ["trauma"],
        ["parents", "refugees-and-migrants"],
        "hromada",
        "How children show stress and how parents can help them feel safe.",
        [
            "Young children may become clingy or start bedwetting again. This is a normal reaction to stress.",
            "Keep routines, explain simply what is happening and make time to play.",
        ],
    ),
    (
        "Mental health in Roma communities: information for families",
        "fact-sheet",
        ["stigma", "wellbeing"],
        ["roma-communities", "parents"],
        "sante-mentale-ensemble",
        "Your right to care, how to find it and how health mediators can help.",
        [
            "Health mediators from Roma communities can go with you to appointments.",
            "Mental health problems are nobody's fault and can be treated.",
        ],
    ),
    (
        "Working with Roma communities: a guide for health professionals",
        "guide",
        ["stigma"],
        ["health-professionals", "roma-communities"],
        "sante-mentale-ensemble",
        "Building trust, working with mediators and avoiding discrimination in care.",
        [
            "Discrimination in services is a barrier to care. Name it and act on it.",
            "Co-design services with community members and mediators.",
        ],
    ),
    (
        "What is psychosis?",
        "article",
        ["psychosis"],
        ["general-public", "parents"],
        "stimme",
        "Hearing voices, unusual beliefs and how early help makes a difference.",
        [
            "Psychosis means losing some contact with reality, for example hearing voices others don't hear.",
            "Early help works: many people recover fully.",
        ],
    ),
    (
        "Easy read: what is psychosis?",
        "easy-read",
        ["psychosis"],
        ["general-public"],
        "stimme",
        "Psychosis explained in short sentences and simple words.",
        [
            "Psychosis can make you hear or see things other people do not.",
            "Doctors and nurses can help.",
        ],
    ),
    (
        "Self-harm: information for young people",
        "fact-sheet",
        ["self-harm"],
        ["young-people"],
        "sante-mentale-ensemble",
        "Why people self-harm, how to get support and what to do in an emergency.",
        [
            "Self-harm is a way some people cope with overwhelming feelings. You deserve support, not judgement.",
            "Talk to someone you trust, or contact a helpline. In an emergency, call 112.",
        ],
    ),
    (
        "Self-harm: a guide for parents",
        "guide",
        ["self-harm"],
        ["parents"],
        "sante-mentale-ensemble",
        "How to respond calmly and get the right support for your child.",
        [
            "Stay calm and listen. Your child needs to know you are on their side.",
            "Seek help from your doctor or school health services.",
        ],
    ),
    (
        "Eating disorders: signs and support",
        "fact-sheet",
        ["eating-disorders"],
        ["parents", "young-people"],
        "open-minds",
        "Early signs of eating disorders and where to turn.",
        [
            "Eating disorders are serious mental illnesses, not choices.",
            "Early treatment gives the best chance of recovery.",
        ],
    ),
    (
        "Alcohol, drugs and mental health",
        "article",
        ["substance-use"],
        ["general-public", "young-people"],
        "stimme",
        "How substance use and mental health affect each other, and where to find help without judgement.",
        [
            "Many people use alcohol or drugs to cope with difficult feelings. It can make things worse over time.",
            "Services can help with both at once.",
        ],
    ),
    (
        "Looking after your wellbeing: five everyday steps",
        "article",
        ["wellbeing"],
        ["general-public", "older-people"],
        "open-minds",
        "Connect, be active, keep learning, give and take notice.",
        ["Small steps repeated every day add up: a walk, a call to a friend, ten minutes outside."],
    ),
    (
        "Loneliness and mental health in later life",
        "article",
        ["wellbeing", "depression"],
        ["older-people"],
        "stimme",
        "Why loneliness matters and ways to reconnect.",
        [
            "Loneliness is not a normal part of ageing. It can be eased.",
            "Community groups and befriending services can help.",
        ],
    ),
    (
        "Stigma: what it is and how to challenge it",
        "article",
        ["stigma"],
        ["general-public"],
        "open-minds",
        "Words matter. How stigma hurts and what each of us can do.",
        [
            "Stigma stops people seeking help. Challenging it starts with how we talk.",
            'Say "a person living with schizophrenia", not "a schizophrenic".',
        ],
    ),
    (
        "Language guide: talking about mental health respectfully",
        "guide",
        ["stigma", "suicide-prevention"],
        ["health-professionals", "general-public"],
        "open-minds",
        "Words to use and words to avoid, with alternatives.",
        [
            'Avoid "committed suicide"; say "died by suicide".',
            "Avoid labels; put the person first.",
        ],
    ),
    (
        "LGBTQI+ mental health: finding affirming support",
        "fact-sheet",
        ["wellbeing", "stigma"],
        ["lgbtqi-people"],
        "sante-mentale-ensemble",
        "Discrimination affects mental health. Here is how to find services that respect you.",
        [
            "You deserve care that respects who you are.",
            "Peer groups and affirming services exist in every partner country.",
        ],
    ),
    (
        "Recovery: stories and strategies from people with lived experience",
        "article",
        ["stigma", "wellbeing"],
        ["people-with-lived-experience"],
        "stimme",
        "What recovery means to the people living it.",
        ["Recovery is personal: living a meaningful life, with or without symptoms."],
    ),
    (
        "Personal health budgets explained",
        "fact-sheet",
        ["wellbeing"],
        ["people-with-lived-experience", "health-professionals"],
        "stimme",
        "How a personal budget can put you in charge of your care and support.",
        [
            "A personal health budget is money you and your care team plan together to meet your needs."
        ],
    ),
    (
        "Video: how co-creation changed our local service",
        "video",
        ["stigma"],
        ["health-professionals", "people-with-lived-experience"],
        "open-minds",
        "People with lived experience and professionals on designing a service together.",
        ["Watch how a community mental health team redesigned its open day with service users."],
    ),
    (
        "Healthy technology use for families",
        "toolkit",
        ["wellbeing", "anxiety"],
        ["parents", "young-people"],
        "sante-mentale-ensemble",
        "Practical tips on screens, sleep and social media, made with young people.",
        [
            "Agree screen-free times together, such as meals and the hour before bed.",
            "Talk about what you see online, not only how long you spend there.",
        ],
    ),
    (
        "Mental health first aid: a quick guide",
        "fact-sheet",
        ["suicide-prevention", "wellbeing"],
        ["general-public", "employers"],
        "open-minds",
        "What to do if someone is in distress, step by step.",
        ["Approach, listen without judgement, give information and encourage help."],
    ),
    (
        "Community mental health care: what to expect",
        "article",
        ["wellbeing", "psychosis"],
        ["general-public"],
        "open-minds",
        "Care close to home rather than in hospital: how community services work.",
        ["Most care now happens in the community, close to people's homes, work and families."],
    ),
    (
        "Suicide prevention in your community: a local action guide",
        "toolkit",
        ["suicide-prevention"],
        ["health-professionals", "employers"],
        "open-minds",
        "Universal, selective and targeted prevention, built on what already exists locally.",
        [
            "Map local resources first, then bring partners together across sectors.",
            "Train gatekeepers: teachers, pharmacists, police and employers.",
        ],
    ),
]
# Resource titles whose easy-read version exists: (full resource, easy read).
EASY_READ_PAIRS = [
    ("Understanding depression", "Easy read: what is depression?"),
    ("Understanding anxiety", "Easy read: what is anxiety?"),
    ("What is psychosis?", "Easy read: what is psychosis?"),
]
OVERDUE = {"Eating disorders: signs and support", "Alcohol, drugs and mental health"}
WITH_IMAGE_EVERY = 3  # one resource in three has a picture

RESOURCE_TRANSLATIONS = {
    "fr": {
        "Understanding depression": "Comprendre la dépression",
        "What depression is, how it feels and what helps, in plain language.": "Ce qu'est la dépression, ce qu'on ressent et ce qui aide, en mots simples.",
        "Understanding anxiety": "Comprendre l'anxiété",
        "Why anxiety happens, what panic attacks are and how to cope day to day.": "Pourquoi l'anxiété apparaît, ce que sont les crises de panique et comment y faire face au quotidien.",
        "How to talk to a friend who is struggling": "Comment parler à un ami qui ne va pas bien",
        "You don't need the right words. Ask, listen, and help them find support.": "Pas besoin des mots parfaits. Demandez, écoutez, et aidez-le à trouver du soutien.",
        "A toolkit for teachers: mental health in the classroom": "Boîte à outils pour les enseignants : la santé mentale en classe",
        "Spotting early signs, starting a conversation and knowing when to refer.": "Repérer les premiers signes, engager la conversation et savoir quand orienter.",
    },
    "uk": {
        "Understanding depression": "Що таке депресія",
        "What depression is, how it feels and what helps, in plain language.": "Що таке депресія, як вона відчувається і що допомагає — простими словами.",
        "Coping after trauma": "Як впоратися після травми",
        "Common reactions after frightening events, and what helps you recover.": "Поширені реакції після страшних подій і що допомагає відновитися.",
        "Mental health support for people displaced from Ukraine": "Підтримка психічного здоров'я для людей, вимушено переміщених з України",
        "Where to find support in your new country, in Ukrainian.": "Де знайти підтримку в новій країні — українською мовою.",
        "Supporting children after displacement": "Підтримка дітей після переміщення",
        "How children show stress and how parents can help them feel safe.": "Як діти проявляють стрес і як батьки можуть допомогти їм почуватися в безпеці.",
    },
    "ar": {
        "Understanding depression": "فهم الاكتئاب",
        "What depression is, how it feels and what helps, in plain language.": "ما هو الاكتئاب، وكيف نشعر به، وما الذي يساعد، بلغة بسيطة.",
        "Coping after trauma": "التعامل مع ما بعد الصدمة",
        "Common reactions after frightening events, and what helps you recover.": "ردود الفعل الشائعة بعد الأحداث المخيفة، وما يساعدك على التعافي.",
        "How to talk to a friend who is struggling": "كيف تتحدث مع صديق يمر بوقت صعب",
        "You don't need the right words. Ask, listen, and help them find support.": "لا تحتاج إلى الكلمات المثالية. اسأل، واستمع، وساعده على إيجاد الدعم.",
    },
}

SIGNATURES = [
    ("individual", "Ana", "PT", ""),
    ("individual", "", "FR", ""),
    ("individual", "Olena", "UA", ""),
    ("individual", "Jonas", "DE", ""),
    ("individual", "", "DE", ""),
    (
        "organisation",
        "City of Leuven",
        "BE",
        "We adopt the prevention concordat: mental health in all our policies, with people with lived experience at the table.",
    ),
    (
        "organisation",
        "Lycée Jean Moulin",
        "FR",
        "Every teacher trained in mental health first aid by the end of the school year.",
    ),
]


def load(demo):
    """Create the campaign index, the resource library and their pages (idempotent)."""
    partners = {org.slug: org for org in PartnerOrganisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.filter(locale__language_code="en")}
    audiences = {a.slug: a for a in Audience.objects.filter(locale__language_code="en")}
    home = demo.home
    campaign_index = add_child(
        home,
        CampaignIndexPage(
            title="Campaigns",
            slug="campaigns",
            show_in_menus=True,
            intro="What the coalition campaigns for, together with people with lived experience.",
        ),
    )
    resource_index = add_child(
        home,
        ResourceIndexPage(
            title="Resources",
            slug="resources",
            show_in_menus=True,
            intro="Clear, checked information about mental health, for everyone.",
        ),
    )
    campaigns = _campaigns(demo, campaign_index, partners, topics, audiences)
    resources = _resources(demo, resource_index, partners, topics, audiences)
    _signatures(campaigns["mental-health-week-2026"])
    for code, strings in INDEX_TRANSLATIONS.items():
        translate_page(campaign_index, code, strings)
        translate_page(resource_index, code, strings)
        for slug in TRANSLATED_CAMPAIGNS[code]:
            translate_page(campaigns[slug], code, CAMPAIGN_TRANSLATIONS[code])
        for title in RESOURCE_TRANSLATIONS[code]:
            if title in resources:
                translate_page(resources[title], code, RESOURCE_TRANSLATIONS[code])
    demo.say("Translated campaigns and resources into fr, uk and ar")


def _campaigns(demo, index, partners, topics, audiences):
    made = {}
    for data in CAMPAIGNS:
        page = CampaignPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            start_date=data["start"],
            end_date=data["end"],
            organisation=partners.get(data["organisation"]),
            hero_image=demo_image(f"Campaign: {data['title']}", demo.rng),
            hero_image_alt="Abstract circles in calm colours, the campaign's visual identity",
            pledge_statement=data["pledge"],
            body=data["body"],
        )
        page.partners = [partners[slug] for slug in data["partners"] if slug in partners]
        page.topics = [topics[slug] for slug in data["topics"] if slug in topics]
        page.audiences = [audiences[slug] for slug in data["audiences"] if slug in audiences]
        made[data["slug"]] = add_child(index, page)
    demo.say(f"Campaigns: {len(made)}")
    return made


def _resources(demo, index, partners, topics, audiences):
    made = {}
    for number, (title, fmt, topic_slugs, audience_slugs, org, summary, paragraphs) in enumerate(
        RESOURCES
    ):
        slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
        slug = "-".join(part for part in slug.split("-") if part)[:80]
        with_image = number % WITH_IMAGE_EVERY == 0
        page = ResourcePage(
            title=title,
            slug=slug,
            summary=summary,
            format=fmt,
            organisation=partners.get(org),
            image=demo_image(f"Resource: {title}", demo.rng, size=(960, 540))
            if with_image
            else None,
            image_alt="Abstract shapes in soft colours" if with_image else "",
            body=[p(text) for text in paragraphs],
            references=[
                {
                    "type": "reference",
                    "value": {
                        "citation": "World Health Organization. World mental health report: "
                        "transforming mental health for all. Geneva, 2022.",
                        "url": "https://www.who.int/publications/i/item/9789240049338",
                    },
                }
            ],
            reviewed_by_name="Dr Ana Novak",
            reviewed_by_role="Clinical psychologist, Open Minds Coalition",
            review_due=date(2026, 1, 31) if title in OVERDUE else date(2027, 9, 30),
        )
        page.topics = [topics[s] for s in topic_slugs if s in topics]
        page.audiences = [audiences[s] for s in audience_slugs if s in audiences]
        made[title] = add_child(index, page)
    for full_title, easy_title in EASY_READ_PAIRS:
        full, easy = made[full_title], made[easy_title]
        if full.easy_read_version_id != easy.pk:
            full.easy_read_version = easy
            full.save_revision().publish()
    _documents(made)
    demo.say(f"Resources: {len(made)}")
    return made


def _documents(resources):
    document_model = get_document_model()
    for title in (
        "A toolkit for teachers: mental health in the classroom",
        "A toolkit for employers: supported return to work",
    ):
        resource = resources[title]
        if ResourceDocument.objects.filter(resource=resource).exists():
            continue
        document = document_model(title=f"{title} (printable)")
        text = f"{title}\n\nA printable summary of the toolkit.\n"
        document.file.save("toolkit.txt", ContentFile(text.encode()), save=False)
        document.save()
        ResourceDocument.objects.create(
            resource=resource, document=document, label="Printable summary (text)"
        )


def _signatures(campaign):
    if PledgeSignature.objects.filter(campaign=campaign).exists():
        return
    for kind, name, country, commitment in SIGNATURES:
        PledgeSignature.objects.create(
            campaign=campaign,
            kind=kind,
            name=name,
            country=country,
            commitment=commitment,
            status="approved",
            idempotency_key=uuid.uuid4(),
        )
    PledgeSignature.objects.create(
        campaign=campaign, name="Waiting for review", country="IT", idempotency_key=uuid.uuid4()
    )
