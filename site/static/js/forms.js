/* Forms on pages every reader shares (the pledge, the share-your-story form) carry no
   security token and no one-time value, so that caches can keep the page for everyone.
   When the reader first reaches such a form, this fetches them from the site (an answer for
   this reader only, never cached) and fills in the form's empty hidden fields before it is
   sent. Without JavaScript, or if the fetch fails, the site shows the form again with the
   reader's answers and asks them to send it once more (home/public_forms.py). */
(function () {
    "use strict";

    function setUp(form) {
        var loading = null;
        var ready = false;

        function fill(values) {
            Object.keys(values).forEach(function (name) {
                var field = form.elements.namedItem(name);
                if (field && field.type === "hidden" && !field.value) {
                    field.value = String(values[name]);
                }
            });
        }

        function load() {
            if (!loading) {
                loading = window.fetch(form.getAttribute("data-form-tokens"), {
                    credentials: "same-origin",
                    cache: "no-store",
                    headers: {"Accept": "application/json"}
                })
                    .then(function (response) { return response.ok ? response.json() : {}; })
                    .then(fill)
                    .catch(function () { /* the site asks the reader to send the form again */ })
                    .then(function () { ready = true; });
            }
            return loading;
        }

        form.addEventListener("focusin", load);
        form.addEventListener("submit", function (event) {
            if (ready) { return; }
            // Wait for the values, then send the form as the reader asked.
            event.preventDefault();
            load().then(function () {
                if (form.requestSubmit) {
                    form.requestSubmit();
                } else {
                    form.submit();
                }
            });
        });
    }

    if (!window.fetch) { return; }
    document.querySelectorAll("form[data-form-tokens]").forEach(setUp);
}());
