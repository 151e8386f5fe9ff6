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
const FIRST = 5;
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

// The page says on this channel when the reader opens the search box (partials/search-preload.js): Pagefind is
// loaded then, while the reader starts typing, not on the first query. A page that is only read loads none of it.
const OPENED = "edition-search-opened";
// A query of fewer characters than this is a word being typed more often than a query, and its prefix matches
// thousands of entries at scale (a one-letter query takes Pagefind 0.2-0.4 s at 50x, the worker's whole budget):
// it is searched only when no other key follows for SHORT_WAIT ms.
const SHORT = 3;
const SHORT_WAIT = 250;

let separator = /[\s\-–—/¶§]+/;
let engine = null;
// The newest query and how many have come: a query is stale once another has come, even the same words again.
let latest = null;
let received = 0;
// Settled when the next query comes: what a query waits for ends then.
let arrived = () => {};
let nextQuery = new Promise(resolve => { arrived = resolve; });

// Pagefind, loaded when the reader opens the search box (see OPENED) or on the first query: its script, WebAssembly,
// page list and the "boost" filter's values (loaded now, a search reports how many entries of each boost it found),
// then a first use of the text segmenter that Pagefind runs on every query (its first use costs tens of
// milliseconds), so that the first query finds all of it ready.
function load() {
  if (!engine) {
    engine = import(PAGEFIND).then(async pagefind => {
      await pagefind.options({ baseUrl: "/", ranking: RANKING });
      await pagefind.init(LANGUAGE);
      await pagefind.filters();
      if (typeof Intl.Segmenter === "function")
        [...new Intl.Segmenter(LANGUAGE, { granularity: "grapheme" }).segment("warm")];
      return pagefind;
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

// The best SHOWN entries for a query, each with its score times its boost. Pagefind returns every entry that
// matches with its score but not its filter values, so which entry has which boost is learnt from searches filtered
// by boost; each costs about as much as the whole search (5-30 ms at 50x, more for a common word). One search without
// a filter gives every score and how many entries of each boost match; then the boosts that match are searched from
// the highest down, and only until no entry still unplaced could reach the SHOWN best even at the next boost (the
// last boost left holds all the rest, unsearched). The list is the one that searching every boost would give: for
// "hydrogen" at 50x, three searches instead of seven.
async function ranked(query) {
  const pagefind = await load();
  const words = withoutStopWords(query);
  const all = await pagefind.search(words);
  const results = (all && all.results) || [];  // best score first
  const counts = (all && all.filters && all.filters.boost) || {};
  const boosts = Object.keys(counts).filter(value => counts[value] > 0).sort((a, b) => Number(b) - Number(a));
  if (!boosts.length) return results.slice(0, SHOWN).map(result => ({ result, score: result.score }));
  const unplaced = new Map(results.map(result => [result.id, result]));
  const hits = [];
  for (const [n, value] of boosts.entries()) {
    const boost = Number(value);
    const best = unplaced.values().next().value;
    if (!best || hits.length >= SHOWN && hits[SHOWN - 1].score >= best.score * boost) break;
    const placed = n === boosts.length - 1 ? [...unplaced.values()]
      : ((await pagefind.search(words, { filters: { boost: value } })) || {}).results || [];
    for (const { id } of placed) {
      const result = unplaced.get(id);
      if (result && unplaced.delete(id)) hits.push({ result, score: result.score * boost });
    }
    hits.sort((a, b) => b.score - a.score);
  }
  return hits.slice(0, SHOWN);
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
// request each), then up to SHOWN, unless a newer query has come meanwhile. The message with a query's last list
// says so (`last`, with the query it answers), so that a client can tell a first list from a whole one; Material
// reads only `items`.
function finished(query, items) {
  return { type: RESULT, data: { items, query, last: true } };
}

async function answer(query, seq) {
  if (!query.trim()) return postMessage(finished(query, []));
  const replaced = nextQuery.then(() => null);
  if (query.trim().length < SHORT) {
    // Meanwhile the index chunks of its words are fetched, which the longer query typed next needs too.
    load().then(pagefind => pagefind.preload(withoutStopWords(query))).catch(() => {});
    await Promise.race([replaced, new Promise(resolve => setTimeout(resolve, SHORT_WAIT))]);
  }
  if (seq !== received) return;
  const hits = await ranked(query);
  // No entry holds every word: the list empties ("No matching documents"), not the last query's left standing.
  if (!hits.length) return postMessage(finished(query, []));
  const words = terms(query);
  const data = [];
  for (const end of [FIRST, SHOWN]) {
    if (data.length >= hits.length || (data.length && seq !== received)) return;
    const batch = Promise.all(hits.slice(data.length, end).map(hit => hit.result.data()));
    // The best are shown even if a newer query has come (what was typed so far, while typing on); the rest of the
    // list is given up for the newer query, whose fragments are often the same (kept by Pagefind once loaded).
    const loaded = await (data.length ? Promise.race([batch, replaced]) : batch);
    if (!loaded) return;
    data.push(...loaded);
    const items = grouped(data.map((found, n) => ({ data: found, score: hits[n].score })), words);
    const whole = data.length >= hits.length || end === SHOWN;
    postMessage(whole ? finished(query, items) : { type: RESULT, data: { items } });
  }
}

// Typing sends a query per key. One query is answered at a time, and then the newest of those that came meanwhile:
// the reader sees the results of what was typed so far while typing on, and a query typed over before its turn is
// never searched. A failed fetch (a network hiccup) is tried once more.
let answering = false;
async function answerLatest() {
  answering = true;
  for (let done = 0; done !== received;) {
    done = received;
    for (let attempt = 1; ; attempt++) {
      try {
        await answer(latest, done);
        break;
      } catch (error) {
        if (attempt < 2 && done === received) continue;
        console.warn(`Search failed: ${error}`);
        if (done === received) postMessage(finished(latest, []));
        break;
      }
    }
  }
  answering = false;
}

addEventListener("message", event => {
  const message = event.data;
  if (message.type === SETUP) {
    if (message.data.config && message.data.config.separator)
      separator = new RegExp(message.data.config.separator);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    latest = message.data;
    received += 1;
    arrived();
    nextQuery = new Promise(resolve => { arrived = resolve; });
    if (!answering) answerLatest();
  }
});

if (typeof BroadcastChannel === "function")
  new BroadcastChannel(OPENED).onmessage = () => load().catch(() => {});
