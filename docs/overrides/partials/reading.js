// The header's reading switches, remembered from page to page (localStorage): "As printed" (the text exactly as
// printed) and "Reading mode" (no links under the paragraphs). Each switch works without this script: it is a
// checkbox, and docs/stylesheets/reading.css shows what it selects; the script only remembers the choice.
(function () {
  var SWITCHES = [
    { box: "__reading", key: "edition.reading", attribute: "data-reading", on: "printed", off: "corrected" },
    { box: "__mode", key: "edition.mode", attribute: "data-mode", on: "reading", off: "full" },
  ];
  var root = document.documentElement;
  function remembered(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }
  function setUp(option) {
    var box = document.getElementById(option.box);
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    function show() {
      if (box.checked) root.setAttribute(option.attribute, option.on);
      else root.removeAttribute(option.attribute);
    }
    if (remembered(option.key) === option.on) box.checked = true;
    show();
    box.addEventListener("change", function () {
      try {
        localStorage.setItem(option.key, box.checked ? option.on : option.off);
      } catch (e) {
        // Storage may be off (private windows): the switch still works on this page.
      }
      show();
    });
  }
  function setUpAll() {
    SWITCHES.forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
