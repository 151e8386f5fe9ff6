// Search on the online site is Pagefind, run by the search worker (edition/search_pagefind.py). When the reader opens
// the search box, the worker is told on a broadcast channel, and loads Pagefind's script, WebAssembly, page list and
// filter values while the reader types, so that the first result does not wait for them; a page that is only read
// fetches none of it. The worker cannot be reached otherwise: Material starts it and keeps it to itself. Other open
// pages of the site hear the broadcast too and load from the browser's cache. Only where the worker is the edition's
// (not in the offline edition or under another engine).
(function () {
  var input = document.querySelector(".md-search__input");
  var config = document.getElementById("__config");
  if (!input || !config || typeof BroadcastChannel !== "function") return;
  var worker = new URL(JSON.parse(config.textContent).search, location.href);
  if (!/\/search\/worker\.js$/.test(worker.pathname)) return;
  function opened() {
    input.removeEventListener("focus", opened);
    var channel = new BroadcastChannel("edition-search-opened");
    channel.postMessage("opened");
    channel.close();
  }
  input.addEventListener("focus", opened);
})();
