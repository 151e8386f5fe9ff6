// The online site's search worker (edition/search_pagefind.py puts it at search/worker.js and names it in
// Material's configuration instead of Material's lunr worker). It speaks Material's worker protocol (SETUP,
// READY, QUERY, RESULT) and answers queries from Pagefind, whose index is fetched in fragments on demand: the
// search dialog, its result list, keyboard and highlighting stay Material's.
"use strict";

// Material's message types (integrations/search/worker/message).
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// Pagefind's bundle, beside this worker's folder.
const PAGEFIND = new URL("../pagefind/pagefind.js", self.location.href).href;
// The bundle's language: one with no stemmer (edition/search_pagefind.py says why).
const LANGUAGE = "unknown";
// Results whose fragments are loaded for a query: each is a request, and the list shows ten groups first. The
// best few are shown as soon as theirs are in, then the list is completed.
const FIRST = 8;
const SHOWN = 24;
// Material multiplies a page's own entry by up to 2.5 over an entry inside a page (its post-query boost when
// every word matched, which Pagefind requires): kept, so that boosts tuned for it (search_ranking.py) still hold.
const PAGE_FACTOR = 2.5;

// lunr's English stop words (its stopWordFilter, in mkdocs.yml's pipeline): Material's search skipped them, and
// Pagefind, which wants every word of a query, would miss "interdependence’s weaponization" asked as
// "weaponization of interdependence". Words inside quotes are a phrase and kept.
const STOP_WORDS = new Set(("a able about across after all almost also am among an and any are as at be because " +
  "been but by can cannot could dear did do does either else ever every for from get got had has have he her hers " +
  "him his how however i if in into is it its just least let like likely may me might most must my neither no nor " +
  "not of off often on only or other our own rather said say says she should since so some than that the their " +
  "them then there these they this tis to too twas us wants was we were what when where which while who whom why " +
  "will with would yet you your").split(" "));
// Pagefind's ranking: no penalty for length, as Material's lunr index had none (b = 0), so a long paragraph
// holding a word is not pushed below a short one; lunr's term saturation (k1 = 1.2).
const RANKING = { pageLength: 0, termSaturation: 1.2 };

let separator = /[\s\-–—/¶§]+/;
let engine = null;
let latest = null;

// Pagefind and the boosts it was given (the values of the "boost" filter), loaded on the first query.
function load() {
  if (!engine) {
    engine = import(PAGEFIND).then(async pagefind => {
      await pagefind.options({ baseUrl: "/", ranking: RANKING });
      await pagefind.init(LANGUAGE);
      const filters = await pagefind.filters();
      return { pagefind, boosts: Object.keys(filters.boost || {}) };
    }).catch(error => {
      engine = null;  // a failed load is not kept: the next query loads again
      throw error;
    });
  }
  return engine;
}

// The query's words as Material's `h` parameter wants them (it highlights them on the page opened).
function terms(query) {
  const words = query.toLowerCase().replace(/["*+~^:]/g, " ").split(separator);
  const found = {};
  for (const word of words) {
    const trimmed = word.replace(/^\W+|\W+$/gu, "");
    if (trimmed) found[trimmed] = true;
  }
  return found;
}

// The query without stop words outside quotes (or as it is, if nothing else is left).
function withoutStopWords(query) {
  const parts = query.split(/("[^"]*")/);
  const kept = parts.map((part, n) => n % 2 ? part :
    part.split(/\s+/).filter(word => !STOP_WORDS.has(word.toLowerCase().replace(/^\W+|\W+$/gu, ""))).join(" "));
  const result = kept.join(" ").trim();
  return result || query;
}

// The best SHOWN entries for a query, each with its score times its boost; null once a newer query has come
// (searched one boost after another, so that a query typed over stops between them).
async function ranked(query) {
  const { pagefind, boosts } = await load();
  const words = withoutStopWords(query);
  const hits = [];
  for (const boost of boosts) {
    if (query !== latest) return null;
    const search = await pagefind.search(words, { filters: { boost } });
    for (const result of (search && search.results) || [])
      hits.push({ result, score: result.score * Number(boost) });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, SHOWN);
}

// An entry's text as Pagefind gives it starts with its title (indexed with it, search_pagefind.record_html); the
// result shows the title above it, so an excerpt that starts with the title starts after it. Both are compared as
// Pagefind writes text: "<" and ">" escaped, nothing else.
function withoutTitle(excerpt, title) {
  const text = title.replace(/<[^>]*>/g, "").replace(/&quot;/g, '"').replace(/&#x?0*27;/g, "'")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")
    .replace(/</g, "&lt;").replace(/>/g, "&gt;") + ".";
  if (text.length < 2 || !excerpt.replace(/<\/?mark>/g, "").startsWith(text)) return excerpt;
  // The same characters in the excerpt, with Pagefind's <mark> tags around the words found skipped over.
  let at = 0;
  for (let seen = 0; seen < text.length;) {
    const tag = /^<\/?mark>/.exec(excerpt.slice(at));
    if (tag) at += tag[0].length; else { at += 1; seen += 1; }
  }
  const rest = excerpt.slice(at).replace(/^<\/mark>/, "").trimStart();
  return excerpt.slice(0, at).includes("<mark>") && !excerpt.slice(0, at).includes("</mark>") ? excerpt : rest;
}

// Material's result shape: groups by page, each sorted by score, a group's page entry first or added (score 0).
function grouped(hits, words) {
  const groups = new Map();
  for (const { data, score } of hits) {
    const location = data.url.replace(/^\//, "");
    const page = location.split("#")[0];
    const isPage = !location.includes("#");
    const item = {
      location,
      title: data.meta.title || "",
      text: withoutTitle(data.excerpt, data.meta.title || ""),
      score: isPage ? score * PAGE_FACTOR : score,
      terms: words,
    };
    if (!groups.has(page)) groups.set(page, { title: data.meta.page || "", items: [] });
    groups.get(page).items.push(item);
  }
  const items = [];
  for (const [page, group] of groups) {
    group.items.sort((a, b) => b.score - a.score);
    if (!group.items.some(item => item.location === page))
      group.items.push({ location: page, title: group.title, text: "", score: 0, terms: {} });
    items.push(group.items);
  }
  items.sort((a, b) => b[0].score - a[0].score);
  return items;
}

// A query's results, posted in Material's RESULT messages: the best FIRST as soon as their fragments are in (a
// request each), then up to SHOWN. Typing sends a query per key: a query that a newer one has replaced loads no
// more fragments and posts nothing.
async function answer(query) {
  if (!query.trim()) return postMessage({ type: RESULT, data: { items: [] } });
  const hits = await ranked(query);
  const words = terms(query);
  const data = [];
  for (const end of [FIRST, SHOWN]) {
    if (!hits || query !== latest || data.length >= hits.length) return;
    data.push(...await Promise.all(hits.slice(data.length, end).map(hit => hit.result.data())));
    if (query !== latest) return;
    const items = grouped(data.map((found, n) => ({ data: found, score: hits[n].score })), words);
    postMessage({ type: RESULT, data: { items } });
  }
}

addEventListener("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {
    if (message.data.config && message.data.config.separator)
      separator = new RegExp(message.data.config.separator);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    latest = message.data;
    // A failed fetch (a network hiccup) is tried once more.
    for (let attempt = 1; ; attempt++) {
      try {
        await answer(message.data);
        return;
      } catch (error) {
        if (attempt < 2 && message.data === latest) continue;
        console.warn(`Search failed: ${error}`);
        if (message.data === latest) postMessage({ type: RESULT, data: { items: [] } });
        return;
      }
    }
  }
});
