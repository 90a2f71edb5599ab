// Adds "Submit translation for review" to wagtail-localize's translation editor, whose
// header has no button hook. The server says whether the button applies (home.translation_review).
(function () {
  "use strict";
  var editor = document.querySelector(".js-translation-editor");
  var header = document.querySelector(".header-meta--locales");
  var path = window.location.pathname;
  if (!editor || !header || !/\/pages\/\d+\/edit\//.test(path)) {
    return;
  }
  var url = path.replace(/pages\/(\d+)\/edit\/.*$/, "translations/$1/submit-for-review/");
  fetch(url + "?format=json", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : { show: false };
    })
    .then(function (data) {
      if (!data.show) {
        return;
      }
      var link = document.createElement("a");
      link.href = url;
      link.className = "button button-small button-secondary";
      link.style.marginInlineStart = "auto";
      link.textContent = data.label;
      link.setAttribute("data-openly-submit-translation", "");
      header.appendChild(link);
    })
    .catch(function () {
      // The page listing's "More" menu offers the same action.
    });
})();
