// The colour scheme toggle in the header (partials/palette.html: Material's radio inputs and their labels), in place
// of Material's palette component. Material's component, as a page loads, marks <body> as "switching" (no
// transitions), sets the scheme's attributes on <body> again and reads the header's computed style for the
// browser's theme-color: each of these makes the browser style the whole page again, on a section page about 30 ms
// of a phone's main thread before the text is first painted (README, Performance). This does the same with no
// such work at load: the scheme is already on <body> (Material's inline script in base.html restores a remembered
// choice before the page paints), so only the toggle's label is shown; the rest happens when a reader switches.
// The choice is remembered under Material's own key and in its own shape, so its inline script keeps reading it.
// mkdocs.yml gives one palette entry per scheme, each for a media query; Material's automatic entry, media
// "(prefers-color-scheme)", is not handled here (tests/test_render_blocking.py keeps mkdocs.yml so).
(function () {
  var form = document.querySelector("form[data-edition-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input.md-option"));
  var KEYS = ["media", "scheme", "primary", "accent"];
  var current = 0;
  function palette(index) {
    var color = {};
    KEYS.forEach(function (key) {
      color[key] = inputs[index].getAttribute("data-md-color-" + key);
    });
    return { index: index, color: color };
  }
  function remembered() {
    try {
      return __md_get("__palette");
    } catch (e) {
      return null;
    }
  }
  function show(index) {
    current = index;
    inputs[index].checked = true;
    var body = document.body;
    var chosen = palette(index);
    KEYS.forEach(function (key) {
      // An attribute set again to its own value still makes the browser restyle what depends on it.
      if (body.getAttribute("data-md-color-" + key) !== chosen.color[key]) {
        body.setAttribute("data-md-color-" + key, chosen.color[key]);
      }
    });
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement && label.hidden !== (i !== index)) label.hidden = i !== index;
    });
  }
  function remember() {
    try {
      __md_set("__palette", palette(current));
    } catch (e) {
      // Storage may be off (private windows), or a theme without Material's helpers: the toggle still works here.
    }
  }
  function themeColor() {
    // The browser's own colours (address bar, form controls) follow the header, as with Material's component.
    var style = getComputedStyle(document.querySelector("[data-md-component=header]"));
    var rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    meta("theme-color").content = "#" + rgb.map(function (c) { return (+c).toString(16).padStart(2, "0"); }).join("");
    meta("color-scheme").content = style.colorScheme;
  }
  function meta(name) {
    var element = document.head.querySelector("meta[name=" + name + "]");
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      document.head.appendChild(element);
    }
    return element;
  }
  var saved = remembered();
  var first = saved ? saved.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  show(Math.max(0, Math.min(first, inputs.length - 1)));
  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () {
      // No transitions while the colours change, as Material does it.
      document.body.setAttribute("data-md-color-switching", "");
      show(i);
      remember();
      themeColor();
      requestAnimationFrame(function () {
        document.body.removeAttribute("data-md-color-switching");
      });
    });
  });
  // Enter on the toggle moves to the next scheme, as with Material's component.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = (current + 1) % inputs.length;
    inputs[next].click();
    inputs[next].focus();
  });
  // After the first paint, when reading the header's style costs no extra styling of the page; the scheme shown is
  // remembered then too, as Material's component remembers it on every page: writing to localStorage took 0.5-1.4 ms
  // of the script's run before the first paint on this machine (README, Performance).
  addEventListener("load", function () {
    setTimeout(function () {
      themeColor();
      remember();
    }, 0);
  });
})();
