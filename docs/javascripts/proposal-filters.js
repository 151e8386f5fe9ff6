// Filters the proposals table. Without JavaScript the form stays hidden and every row shows.
(function () {
  function setUp() {
    var form = document.getElementById("proposal-filters");
    var table = document.getElementById("proposals-table");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "1";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.getElementById("proposals-count");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          if (!select.value) return true;
          var values = (row.getAttribute("data-" + select.dataset.filter) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " proposals shown.";
    }

    selects.forEach(function (select) {
      select.addEventListener("change", apply);
    });
    form.addEventListener("reset", function () {
      setTimeout(apply, 0);
    });
    form.hidden = false;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
