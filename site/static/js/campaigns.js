/* Click-to-load videos: nothing is requested from the video site until the reader asks.
   Without this script the placeholder's plain link to the video still works. */
(function () {
    "use strict";
    document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
        var url = figure.getAttribute("data-embed-url");
        var button = figure.querySelector("[data-video-load]");
        if (!url || !button) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            var frame = document.createElement("iframe");
            frame.src = url;
            frame.title = figure.getAttribute("data-embed-title") || "";
            frame.allow = "autoplay; fullscreen; picture-in-picture";
            frame.setAttribute("allowfullscreen", "");
            var placeholder = figure.querySelector(".video-embed__placeholder");
            placeholder.replaceWith(frame);
            frame.focus();
        });
    });
})();

/* Pledge form: after the first submit, the button waits, so an impatient second click does
   nothing. The server refuses duplicates anyway (each form carries a one-time token). */
(function () {
    "use strict";
    document.querySelectorAll(".pledge__form").forEach(function (form) {
        form.addEventListener("submit", function () {
            var button = form.querySelector("button[type=submit]");
            if (button) {
                window.setTimeout(function () { button.disabled = true; }, 0);
            }
        });
    });
})();
