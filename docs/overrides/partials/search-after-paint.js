// The theme's request for the search's set-up (search/search_index.json, sent while the theme's script is run)
// waits for the page's first contentful paint. Reading does not need it, and whether the theme's script runs before
// or after the first paint is a race: when it runs before, Lighthouse's simulated phone counts the request, and the
// round trip it takes, as one the paint waited for (README, Performance). So this script runs before the theme's
// (edition/site_script.py puts it first in the file). The page's other requests, and the offline edition's
// file:// search (a script, not a request), are untouched. A page that is never painted (a tab opened in the
// background) sends it after SEARCH_FALLBACK ms.
(function () {
  var SEARCH_FALLBACK = 5000;
  var types = typeof PerformanceObserver === "function" ? PerformanceObserver.supportedEntryTypes || [] : [];
  if (location.protocol === "file:" || types.indexOf("paint") < 0) return;
  if (performance.getEntriesByName("first-contentful-paint").length) return;
  var held = [];
  var index = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var observer = new PerformanceObserver(function (list) {
    if (list.getEntriesByName("first-contentful-paint").length) release();
  });
  function release() {
    observer.disconnect();
    XMLHttpRequest.prototype.open = open;
    XMLHttpRequest.prototype.send = send;
    held.splice(0).forEach(function (request) { send.apply(request.xhr, request.args); });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    if (/\/search\/search_index\.json$/.test(new URL(url, location.href).pathname)) index.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!index.has(this)) return send.apply(this, arguments);
    held.push({ xhr: this, args: arguments });
  };
  observer.observe({ type: "paint", buffered: true });
  setTimeout(release, SEARCH_FALLBACK);
})();
