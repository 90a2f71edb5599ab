"""Demo content for events: the next Mental Health Week across ten countries, organised
by the demo partners, with online, hybrid, multi-session, cancelled and postponed events;
the two editions before it, with summary reports; follow-up events in every country in the
weeks after today; and translations into fr, uk and ar. Every date is reckoned from the day
the demo is loaded (home.demo.dates), so the site never shows a week that is over as next.

The content itself is in demo_content.toml beside this module."""

import datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model

from campaigns.models import CampaignPage
from events.models import (
    EventActionPoint,
    EventIndexPage,
    EventPage,
    EventSession,
    EventSpeaker,
)
from home.cocreation.models import PartnerOrganisation
from home.demo.building import (
    add_child,
    demo_image,
    give_logo,
    partner_pages,
    publish,
    translate_page,
)
from home.demo.loading import read_data
from home.models import Audience, Topic


def load(demo):
    """Build the events section, its events and their translations (idempotent)."""
    data = read_data(__file__)
    dates = demo.dates
    _partners(data)
    index = _index(demo, data)
    campaign = CampaignPage.objects.filter(
        locale__language_code="en", slug=dates.text("mental-health-week-{year}")
    ).first()
    context = {
        "data": data,
        "dates": dates,
        "partners": {p.slug: p for p in PartnerOrganisation.objects.all()},
        "topics": {t.slug: t for t in Topic.objects.filter(locale__language_code="en")},
        "audiences": {a.slug: a for a in Audience.objects.filter(locale__language_code="en")},
    }
    created = []
    for number in range(data["week_events"]):
        created.append(_week_event(demo, index, number, campaign, context))
    for edition, (year, start, _end) in enumerate(dates.past_editions(2)):
        for number, spec in enumerate(data["past_events"]["events"][edition::2]):
            day = start + datetime.timedelta(days=number % 7)
            created.append(_past_event(demo, index, (year, day), spec, campaign, context))
    for spec in data["follow_ups"]:
        created.append(_follow_up(demo, index, spec, context))
    for spec in data["workshops"]:
        _workshop(demo, index, spec, context)
    countries = len({place["country"] for place in data["places"]})
    demo.say(f"Events: {len(created)} events under /en/events/ in {countries} countries")
    _translate(demo, data, created)


def _partners(data):
    partners = data["extra_partners"]
    for fields in partners:
        organisation, _created = PartnerOrganisation.objects.get_or_create(
            slug=fields["slug"],
            defaults=dict(fields, website=f"https://{fields['slug']}.example.org"),
        )
        give_logo(organisation)
    partner_pages([fields["slug"] for fields in partners], data["partner_translations"])


def _index(demo, data):
    fields = data["index"]
    week_start, week_end = demo.dates.week
    index = add_child(
        demo.home,
        EventIndexPage(
            title=fields["title"],
            slug=fields["slug"],
            show_in_menus=True,
            summary=fields["summary"],
            intro=f"<p>{fields['intro']}</p>",
            week_start=week_start,
            week_end=week_end,
        ),
    )
    if index.mental_health_week != (week_start, week_end):
        # Loaded again after last year's week: the "this week" filter moves on.
        index.week_start, index.week_end = week_start, week_end
        publish(index)
    # Translate the index on its own first, so its children land under live parents.
    for code, strings in data["index_translations"].items():
        translate_page(index, code, strings)
    return index


def _aware(day, hour, minute, zone):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ZoneInfo(zone))


def _description(kind, event_format, page_defaults):
    """The page's description: what to expect at this kind of event, and how taking part
    works in its format."""
    paragraphs = [kind.get("description", ""), page_defaults["taking_part"][event_format]]
    return [
        {"type": "heading", "value": {"text": page_defaults["heading"], "level": "h2"}},
        *({"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs if text),
    ]


def _event(demo, index, *, slug, title, kind, place, sessions, context, **fields):
    """Build and publish one event unless its slug exists already."""
    existing = index.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    partner = place["partner"]
    event_format = fields.pop("format", kind["format"])
    page_defaults = context["data"]["event_page"]
    page = EventPage(
        title=title,
        slug=slug,
        summary=kind["summary"],
        organisation=context["partners"].get(partner),
        time_zone=place["zone"],
        format=event_format,
        all_day=kind.get("all_day", False),
        languages=fields.pop(
            "languages", kind.get("languages") or sorted({place["language"], "en"})
        ),
        accessibility=kind.get("access", []),
        is_free="price" not in kind,
        price=kind.get("price", ""),
        registration=kind.get("registration", "none"),
        capacity=kind.get("capacity"),
        description=_description(kind, event_format, page_defaults),
        **fields,
    )
    if event_format != "online":
        page.venue_name = kind.get("venue", page_defaults["venue"])
        page.address = f"{10 + len(title) % 80} Main Street"
        page.city = place["city"]
        page.country = place["country"]
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
    topics, audiences = context["topics"], context["audiences"]
    page.topics = [topics[s] for s in kind.get("topics", []) if s in topics]
    page.audiences = [audiences[s] for s in kind.get("audiences", []) if s in audiences]
    if kind.get("speakers"):
        speakers = context["data"]["speakers"][: 3 + len(title) % 3]
        page.speakers = [EventSpeaker(**speaker, locale=locale) for speaker in speakers]
    if kind.get("image"):
        page.image = demo_image(f"Event: {title}", demo.rng)
        page.image_alt = kind["image"]
    return add_child(index, page)


def _programme(kind, start_hour, context):
    if not kind.get("programme"):
        return []
    items = []
    for item in context["data"]["programme"]:
        minutes = start_hour * 60 + item["offset"]
        items.append(
            {
                "type": "item",
                "value": {
                    "time": datetime.time(minutes // 60, minutes % 60),
                    "title": item["title"],
                    "description": item["description"],
                    "led_by": "",
                },
            }
        )
    return items


def _week_sessions(kind, number, day, zone, context):
    # Events of one kind start at different quarter hours, as real ones do.
    """The week event's sessions: (label, start, end, programme) each."""
    if kind.get("all_day"):
        return [
            ("", _aware(day, 0, 0, zone), _aware(day + datetime.timedelta(days=1), 0, 0, zone), [])
        ]
    sessions = []
    hour, length = kind["time"]
    minute = 15 * (number % 3)
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
        start = _aware(session_day, hour, minute, zone)
        sessions.append(
            (
                label,
                start,
                start + datetime.timedelta(hours=length),
                _programme(kind, hour, context),
            )
        )
    return sessions


def _week_event(demo, index, number, campaign, context):
    data = context["data"]
    places, kinds = data["places"], data["kinds"]
    place = places[number % len(places)]
    kind = dict(kinds[(number * 7) % len(kinds)])
    day = context["dates"].week[0] + datetime.timedelta(days=number % 7)
    if number % 3 == 0:
        kind["image"] = data["week_image_alt"]
    sessions = _week_sessions(kind, number, day, place["zone"], context)
    fields = {}
    for status in data["week_statuses"]:
        if status["number"] == number:
            fields.update(status=status["status"], status_note=status["status_note"])
    if campaign is not None:
        fields["campaign"] = campaign
    online = kind["format"] == "online"
    return _event(
        demo,
        index,
        slug=f"mhw-{context['dates'].year}-{number + 1:02}-{slugify(kind['title'])}"[:80].rstrip(
            "-"
        ),
        title=f"{kind['title']} ({place['country']})"
        if online
        else f"{kind['title']} — {place['city']}",
        kind=kind,
        place=place,
        sessions=sessions,
        context=context,
        **fields,
    )


def _past_event(demo, index, when, spec, campaign, context):
    """A policy dialogue of the edition of ``when`` = (year, day), with its report."""
    dates, data = context["dates"], context["data"]
    past = data["past_events"]
    year, day = when
    title = dates.text(spec["title"], year=year)
    kind = dict(data["kinds"][1], summary=dates.text(past["summary"], year=year))
    hour, length = spec["time"]
    start = _aware(day, hour, 0, spec["zone"])
    fields = {
        "report_key_insights": past["report_key_insights"],
        "report_outcomes": past["report_outcomes"],
        "report_documents": _report_documents(past, title),
    }
    if campaign is not None:
        fields["campaign"] = campaign
    page = _event(
        demo,
        index,
        slug=f"mhw-{year}-{slugify(title)}"[:80].rstrip("-"),
        title=title,
        kind=kind,
        place=dict(spec, language="en"),
        sessions=[
            ("", start, start + datetime.timedelta(hours=length), _programme(kind, hour, context))
        ],
        context=context,
        format="in_person",
        **fields,
    )
    if not page.action_points.exists():
        owners = list(context["partners"].values())
        for order, action in enumerate(past["actions"]):
            EventActionPoint.objects.create(
                page=page,
                locale=page.locale,
                sort_order=order,
                **action,
                owner=owners[(len(title) + order) % len(owners)],
                due=dates.resolve(past["action_due"]),
            )
    return page


def _workshop(demo, index, spec, context):
    """A stakeholder workshop with its summary report, published as agreed on the day and
    again with the follow-up statuses, so the action tracker shows each action's history."""
    if index.get_children().filter(slug=spec["slug"]).exists():
        return
    today, kind = context["dates"].today, context["data"]["kinds"][1]
    start = _aware(today - datetime.timedelta(days=spec["days_ago"]), 9, 30, spec["zone"])
    page = _event(
        demo,
        index,
        slug=spec["slug"],
        title=spec["title"],
        kind=dict(kind, summary=spec["summary"], topics=spec["topics"]),
        place=dict(spec, language="en"),
        sessions=[("", start, start + datetime.timedelta(hours=7), [])],
        context=context,
        format="in_person",
        report_key_insights=spec["report_key_insights"],
        report_outcomes=spec["report_outcomes"],
    )
    partners = context["partners"]
    for order, item in enumerate(spec["actions"]):
        EventActionPoint.objects.create(
            page=page,
            locale=page.locale,
            sort_order=order,
            action=item["action"],
            owner=partners.get(item["partner"]),
            lead=item.get("lead", ""),
            status=item["first"],
            due=today + datetime.timedelta(days=item["due"]) if "due" in item else None,
        )
    publish(page)
    # The follow-up: the coordinator updates the statuses and evidence, and publishes.
    for point, item in zip(page.action_points.order_by("sort_order"), spec["actions"], strict=True):
        point.status = item["status"]
        point.evidence_url = item.get("evidence_url", "")
        point.save()
    publish(EventPage.objects.get(pk=page.pk))


def _report_documents(past, title):
    document_model = get_document_model()
    doc_title = past["report_document_title"].format(title=title)
    document = document_model.objects.filter(title=doc_title).first()
    if document is None:
        document = document_model(title=doc_title)
        text = f"{doc_title}\n\n{past['report_document_text']}\n"
        document.file.save(f"{slugify(title)[:50]}-report.txt", ContentFile(text.encode()))
        document.save()
    return [{"type": "document", "value": {"document": document.pk, "title": ""}}]


def _follow_up(demo, index, spec, context):
    """An event in the weeks after the day the demo is loaded, so the upcoming list is
    full whenever the demo runs."""
    data = context["data"]
    place = next(p for p in data["places"] if p["city"] == spec["place"])
    kind = dict(
        data["kinds"][spec["kind"]],
        format=spec["format"],
        summary=spec["summary"],
        description=spec["description"],
    )
    day = context["dates"].today + datetime.timedelta(days=spec["days_ahead"])
    hour, minute = (int(part) for part in spec["start"].split(":"))
    start = _aware(day, hour, minute, place["zone"])
    return _event(
        demo,
        index,
        # Dated, so a demo loaded again months later adds the coming weeks' events.
        slug=f"{slugify(spec['title'])[:70]}-{day:%Y-%m}",
        title=spec["title"],
        kind=kind,
        place=place,
        sessions=[("", start, start + datetime.timedelta(minutes=spec["minutes"]), [])],
        context=context,
    )


def _translate(demo, data, events):
    count = 0
    for page in events:
        base = page.title.split(" — ")[0].split(" (")[0]
        translations = data["translated_kinds"].get(base)
        if not translations:
            continue
        for code, translated in translations.items():
            translated_title = page.title.replace(base, translated["title"])
            strings = {page.title: translated_title, page.summary: translated["summary"]}
            strings.update(data["index_translations"][code])
            translate_page(page, code, strings)
        count += 1
        if count >= 8:
            break
    demo.say(f"Events: {count} events translated into fr, uk and ar")
