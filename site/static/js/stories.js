// Live character counter for story text. Progressive enhancement: without JavaScript the
// limit is stated in the field's help text and checked by the server.
(function () {
  "use strict";
  function format(template, name, value) {
    return template.replace("%(" + name + ")s", String(value));
  }
  function setUp(wrapper) {
    var field = wrapper.querySelector("textarea[data-story-counter]");
    var output = wrapper.querySelector("[data-story-counter-output]");
    if (!field || !output) { return; }
    var max = parseInt(output.getAttribute("data-max"), 10);
    var timer = null;
    function update() {
      // Count line breaks once, as the server does.
      var length = field.value.replace(/\r\n/g, "\n").length;
      var left = max - length;
      output.hidden = false;
      output.classList.toggle("story-form__counter--over", left < 0);
      output.textContent = left >= 0
        ? format(output.getAttribute("data-template"), "left", left)
        : format(output.getAttribute("data-over"), "over", -left);
    }
    // Announce after a pause in typing, not on every key press.
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 400);
    });
    update();
  }
  document.querySelectorAll(".story-form__counted").forEach(setUp);
})();
