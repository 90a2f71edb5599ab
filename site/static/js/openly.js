/* Openly: progressive enhancements only; every feature works without this file. */
(function () {
    "use strict";

    var ESCAPE_WINDOW_MS = 1500;

    function quickExit(url) {
        // Replace the current history entry so the Back button does not return here.
        // (A class, not an inline style: the site's Content-Security-Policy allows none.)
        document.title = "";
        document.documentElement.classList.add("is-leaving");
        window.location.replace(url);
    }

    function setUpQuickExit() {
        var button = document.querySelector("[data-quick-exit]");
        if (!button) { return; }
        var url = button.getAttribute("href");
        // The Esc shortcut exists only while this script runs, so only now is it offered.
        var hint = button.querySelector("[data-quick-exit-hint]");
        if (hint) { hint.hidden = false; }
        button.addEventListener("click", function (event) {
            event.preventDefault();
            quickExit(url);
        });
        var lastEscape = 0;
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape") { return; }
            var now = Date.now();
            if (now - lastEscape < ESCAPE_WINDOW_MS) {
                quickExit(url);
            }
            lastEscape = now;
        });
    }

    /* The reader's country for the crisis helplines. Pages are the same for every reader
       (so caches can share them); the country a reader picks on the get-help page is kept
       in this browser only and never sent to the server. */
    var COUNTRY_KEY = "openly_country";
    var COUNTRY_CODE = /^[A-Z]{2}$/;

    function storedCountry() {
        try {
            var value = window.localStorage.getItem(COUNTRY_KEY) || "";
            return COUNTRY_CODE.test(value) ? value : "";
        } catch (e) {
            return "";  // storage switched off: the language's helplines stay
        }
    }

    function storeCountry(value) {
        try {
            if (value) {
                window.localStorage.setItem(COUNTRY_KEY, value);
            } else {
                window.localStorage.removeItem(COUNTRY_KEY);
            }
        } catch (e) { /* storage switched off: nothing is remembered */ }
    }

    function rememberCountryChoice() {
        // On the get-help page, ?country=XX picks a country; the server selects it in the
        // picker only when it lists helplines for it. "All countries" forgets the choice.
        var picker = document.querySelector("[data-country-picker]");
        if (!picker || !new URLSearchParams(window.location.search).has("country")) { return; }
        storeCountry(COUNTRY_CODE.test(picker.value) ? picker.value : "");
    }

    function showChosenCountry() {
        // Each list of helplines carries the other countries' entries in <template>
        // elements; put the chosen country's in place of the language's. This runs as the
        // page loads and leaves focus where it is: a list the reader is already in is kept.
        var chosen = storedCountry();
        if (!chosen) { return; }
        document.querySelectorAll("[data-country-helplines]").forEach(function (box) {
            if (box.getAttribute("data-country") === chosen) { return; }
            var template = box.querySelector('template[data-country="' + chosen + '"]');
            var emergency = box.querySelector("[data-emergency]");
            if (!template || !emergency || box.contains(document.activeElement)) { return; }
            // (A template's entries are not in the page, so this finds only the shown ones.)
            box.querySelectorAll("[data-helpline]").forEach(function (item) { item.remove(); });
            emergency.after(template.content.cloneNode(true));
            box.setAttribute("data-country", chosen);
        });
    }

    function focusErrorSummary() {
        // A form sent back with errors: take the reader to the list of what to fix (its
        // links lead to each field), unless they are already somewhere on the page.
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) { return; }
        function focus() {
            var active = document.activeElement;
            if (!active || active === document.body || active === document.documentElement) {
                summary.focus();
            }
        }
        focus();
        // A form's address may end in a #fragment (the pledge's #pledge): the browser goes
        // there once the page has loaded, and takes focus away as it does; give it back.
        window.addEventListener("load", function () { window.setTimeout(focus, 0); });
    }

    function unfoldFiltersBesideResults() {
        // The event filters fold on a phone (a <details>, closed); where they sit beside
        // the results there is room, so they are shown unfolded, as the layout changes too.
        var panels = document.querySelectorAll("[data-filters-panel]");
        if (!panels.length || !window.matchMedia) { return; }
        var wide = window.matchMedia("(min-width: 56rem)");
        function apply() {
            panels.forEach(function (panel) {
                if (wide.matches) { panel.open = true; }
            });
        }
        apply();
        if (wide.addEventListener) { wide.addEventListener("change", apply); }
    }

    function setUp() {
        setUpQuickExit();
        unfoldFiltersBesideResults();
        focusErrorSummary();
        rememberCountryChoice();
        showChosenCountry();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
}());
