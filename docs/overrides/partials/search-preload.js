// Search on the online site is Pagefind, loaded by the search worker on the first query (edition/search_pagefind.py).
// When the reader opens the search box, its script, WebAssembly and page list are fetched into the browser's cache,
// so that the first result does not wait for them; a page that is only read fetches none of it. Only where the
// worker is the edition's (not in the offline edition or under another engine).
(function () {
  var input = document.querySelector(".md-search__input");
  var config = document.getElementById("__config");
  if (!input || !config) return;
  var worker = new URL(JSON.parse(config.textContent).search, location.href);
  if (!/\/search\/worker\.js$/.test(worker.pathname)) return;
  function preload() {
    input.removeEventListener("focus", preload);
    var base = new URL("../pagefind/", worker);
    fetch(new URL("pagefind-entry.json", base)).then(function (response) { return response.json(); })
      .then(function (entry) {
        var language = entry.languages[Object.keys(entry.languages)[0]];
        ["pagefind.js", "wasm." + Object.keys(entry.languages)[0] + ".pagefind", "pagefind." + language.hash + ".pf_meta"]
          .forEach(function (name) { fetch(new URL(name, base)); });
      }).catch(function () {});
  }
  input.addEventListener("focus", preload);
})();
