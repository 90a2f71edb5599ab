/* Openly: progressive enhancements only; every feature works without this file. */
(function () {
    "use strict";

    var ESCAPE_WINDOW_MS = 1500;

    function quickExit(url) {
        // Replace the current history entry so the Back button does not return here.
        try {
            document.title = "";
            document.body.style.visibility = "hidden";
        } catch (e) { /* nothing to hide */ }
        window.location.replace(url);
    }

    function setUpQuickExit() {
        var button = document.querySelector("[data-quick-exit]");
        if (!button) { return; }
        var url = button.getAttribute("href");
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

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpQuickExit);
    } else {
        setUpQuickExit();
    }
}());
