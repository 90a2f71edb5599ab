// Adds "Submit translation for review" to wagtail-localize's translation editor, whose
// header has no button hook. The server says whether the button applies (home.cocreation.translation_review).
(function () {
  "use strict";
  var editor = document.querySelector(".js-translation-editor");
  var header = document.querySelector(".header-meta--locales");
  var path = window.location.pathname;
  var url = null;
  if (/\/pages\/\d+\/edit\//.test(path)) {
    url = path.replace(/pages\/(\d+)\/edit\/.*$/, "translations/$1/submit-for-review/");
  } else if (/\/snippets\/[\w-]+\/[\w-]+\/edit\/[^/]+\//.test(path)) {
    url = path.replace(
      /snippets\/([\w-]+)\/([\w-]+)\/edit\/([^/]+)\/.*$/,
      "translations/snippet/$1/$2/$3/submit-for-review/"
    );
  }
  if (!editor || !header || !url) {
    return;
  }
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
