"""The listing toolkit's pure pieces: query strings, options and facets."""

from django.test import RequestFactory

from home.listing import (
    clean_choices,
    clean_query,
    facet,
    option,
    options,
    paginate,
    querystring,
    querystring_prefix,
    removal_links,
    request_params,
)


def test_querystring_replaces_in_place_and_drops_empty_values():
    params = {"q": "", "topic": ["stigma", "anxiety"], "sort": "newest"}
    assert querystring(params) == "topic=stigma&topic=anxiety&sort=newest"
    assert querystring(params, topic=["anxiety"], page=2) == "topic=anxiety&sort=newest&page=2"
    assert querystring(params, sort=None) == "topic=stigma&topic=anxiety"
    assert querystring_prefix(params) == "topic=stigma&topic=anxiety&sort=newest&"
    assert querystring_prefix({"q": ""}) == ""


def test_request_params_leave_the_page_number_out():
    request = RequestFactory().get("/?country=FR&page=3&access=a&access=b")
    assert request_params(request) == {"country": ["FR"], "access": ["a", "b"]}


def test_options_hide_empty_values_unless_chosen():
    choices = [("stigma", "Stigma"), ("anxiety", "Anxiety"), ("grief", "Grief")]
    found = options(choices, {"stigma": 2}, ["grief"])
    assert found == [option("stigma", "Stigma", 2, False), option("grief", "Grief", 0, True)]
    assert len(options(choices, {}, [], keep_empty=True)) == 3
    assert facet("topic", "Topic", found)["chosen"] == 1


def test_removal_links_remove_one_value_each():
    params = {"topic": ["stigma", "grief"], "sort": "title"}
    facets = [
        facet(
            "topic",
            "Topic",
            [option("stigma", "Stigma", 1, True), option("grief", "Grief", 1, True)],
        )
    ]
    assert removal_links(params, facets) == [
        {"label": "Stigma", "url": "?topic=grief&sort=title"},
        {"label": "Grief", "url": "?topic=stigma&sort=title"},
    ]


def test_input_is_cleaned():
    assert clean_query(" a\x00b " + "x" * 300) == ("ab " + "x" * 300)[:200]
    assert clean_choices(["b", "zzz", "a", ""], ["a", "b", "c"]) == ["a", "b"]


def test_paginate_never_fails_on_bad_page_numbers():
    items = list(range(30))
    for number, expected in [("abc", 1), ("-1", 3), ("99", 3), ("2", 2)]:
        request = RequestFactory().get("/", {"page": number})
        assert paginate(request, items, 12).number == expected
