// Live language & safe-messaging check in the page editor: a moment after the editor stops
// typing, the form as it is now (unsaved) is checked on the server and the panel updated.
(function () {
  "use strict";
  const DELAY_MS = 1500;

  function start(panel) {
    const form = panel.closest("form");
    const url = panel.dataset.languageCheckUrl;
    if (!form || !url) return;
    let timer = null;
    let running = null;

    function check() {
      if (running) running.abort();
      running = new AbortController();
      const data = new FormData(form);
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" },
        signal: running.signal,
      })
        .then((response) => (response.ok ? response.json() : null))
        .then((result) => {
          if (result && typeof result.html === "string") {
            panel.innerHTML = result.html;
          }
        })
        .catch(() => {});
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY_MS);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
  }

  function init() {
    document.querySelectorAll("[data-language-check-url]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
