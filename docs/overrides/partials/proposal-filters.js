// The proposal filters (loaded by the proposals index only). Several values per facet: a proposal shows when it has
// ANY ticked value of a facet, and matches EVERY facet with a ticked value. Each value's count is how many proposals
// it would show together with the other facets' choices. The choice lives in the URL query
// (?challenge=low-growth,demographic-shrinking&class=recommended), so a filtered view can be shared and reloaded.
// Without JavaScript the form stays hidden and the links to one static page per facet value show instead; with it,
// an inline line after the form swaps them before the first paint (scripts/edition/render/facets.py).
(function () {
  function setUp() {
    var form = document.getElementById("proposal-filters");
    var table = document.getElementById("proposals-table");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "1";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.getElementById("proposals-count");
    var chosenNote = form.querySelector("[data-chosen]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var facets = [];
    boxes.forEach(function (box) {
      if (facets.indexOf(box.name) === -1) facets.push(box.name);
    });

    function valuesOf(row, facet) {
      return (row.getAttribute("data-" + facet) || "").split(" ").filter(Boolean);
    }

    function chosen() {
      var found = {};
      facets.forEach(function (facet) {
        found[facet] = boxes
          .filter(function (box) {
            return box.name === facet && box.checked;
          })
          .map(function (box) {
            return box.value;
          });
      });
      return found;
    }

    // Does the row pass every facet's choice, leaving one facet out (for that facet's counts)?
    function passes(row, choice, except) {
      return facets.every(function (facet) {
        if (facet === except || choice[facet].length === 0) return true;
        var values = valuesOf(row, facet);
        return choice[facet].some(function (value) {
          return values.indexOf(value) !== -1;
        });
      });
    }

    function query(choice) {
      var parts = [];
      facets.forEach(function (facet) {
        if (choice[facet].length) parts.push(facet + "=" + choice[facet].map(encodeURIComponent).join(","));
      });
      return parts.length ? "?" + parts.join("&") : "";
    }

    function apply() {
      var choice = chosen();
      var shown = 0;
      rows.forEach(function (row) {
        var visible = passes(row, choice, null);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      boxes.forEach(function (box) {
        var n = rows.filter(function (row) {
          return passes(row, choice, box.name) && valuesOf(row, box.name).indexOf(box.value) !== -1;
        }).length;
        var label = box.closest(".facet__value");
        label.querySelector("[data-count]").textContent = n;
        label.classList.toggle("facet__value--empty", n === 0 && !box.checked);
      });
      count.textContent = shown + " of " + rows.length + " proposals shown.";
      var ticked = boxes.filter(function (box) {
        return box.checked;
      }).length;
      if (chosenNote) chosenNote.textContent = ticked ? "(" + ticked + " ticked)" : "";
      var address = location.pathname + query(choice) + location.hash;
      if (address !== location.pathname + location.search + location.hash) history.replaceState(null, "", address);
    }

    // The query's choice, as far as it names values the form offers; anything else is ignored.
    function restore() {
      var params = new URLSearchParams(location.search);
      boxes.forEach(function (box) {
        var wanted = (params.get(box.name) || "").split(",");
        box.checked = wanted.indexOf(box.value) !== -1;
      });
    }

    restore();
    boxes.forEach(function (box) {
      box.addEventListener("change", apply);
    });
    form.addEventListener("reset", function () {
      setTimeout(apply, 0);
    });
    window.addEventListener("popstate", function () {
      restore();
      apply();
    });
    // With no query the page as built is already the unfiltered view (every row, each value's full count, "N of N
    // proposals shown."), which apply() would only write again: about 7 ms of the page's start-up on this machine
    // (41 values by 29 rows), before the first paint can come (README, Performance). A query, even one naming
    // nothing the form offers, is applied and cleaned from the address as before.
    if (location.search) apply();
    // Shown already by the line after the form (so that nothing moves); shown here too, should that line not run.
    form.hidden = false;
    var links = document.getElementById("facet-links");
    if (links) links.hidden = true;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
