// Openly's bar in wagtail-localize's translation editor (home.cocreation.translation_editor):
// moved under the language header, and its "Submit translation for review" made the footer's
// main action once wagtail-localize's script has drawn the footer (it has no hook for it).
(function () {
  "use strict";
  var bar = document.querySelector("[data-openly-translation-bar]");
  var editor = document.querySelector(".js-translation-editor");
  if (!bar || !editor) {
    return;
  }
  var header = document.querySelector(".header-meta--locales");
  var headerRow = header && header.closest("header");
  if (headerRow) {
    headerRow.after(bar);
  }
  var submit = bar.querySelector("[data-openly-submit-translation]");
  if (!submit) {
    return;
  }
  function placeInFooter() {
    var actions = editor.querySelector(".footer__container");
    if (!actions) {
      return false;
    }
    actions.prepend(submit);
    editor.classList.add("openly-review-first");
    return true;
  }
  if (!placeInFooter()) {
    var observer = new MutationObserver(function () {
      if (placeInFooter()) {
        observer.disconnect();
      }
    });
    observer.observe(editor, { childList: true, subtree: true });
  }
})();
