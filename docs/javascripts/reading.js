// The "As printed" switch: remembers the reader's choice from page to page (localStorage). The switch itself
// works without this script: it is a checkbox, and docs/stylesheets/reading.css shows the reading it selects.
(function () {
  var KEY = "edition.reading";
  function setUp() {
    var box = document.getElementById("__reading");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var root = document.documentElement;
    function remembered() {
      try {
        return localStorage.getItem(KEY);
      } catch (e) {
        return null;
      }
    }
    function show() {
      if (box.checked) root.setAttribute("data-reading", "printed");
      else root.removeAttribute("data-reading");
    }
    if (remembered() === "printed") box.checked = true;
    show();
    box.addEventListener("change", function () {
      try {
        localStorage.setItem(KEY, box.checked ? "printed" : "corrected");
      } catch (e) {
        // Storage may be off (private windows): the switch still works on this page.
      }
      show();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
