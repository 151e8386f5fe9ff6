// citeproc-js (npm `citeproc`, the CSL engine Zotero uses), run once per build by csl_engine.py.
// stdin: {"locale": path, "jobs": [{"style": path, "items": [CSL-JSON], "bibliography": bool,
//          "citations": [[{"id", "locator", "label"}], ...]}]}
// stdout: [{"bibliography": {id: html}, "order": [ids in the style's order], "citations": [html, ...]}]
"use strict";
const fs = require("fs");
const CSL = require("citeproc");

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const locale = fs.readFileSync(request.locale, "utf8");
const styles = {};

const results = request.jobs.map((job) => {
  const items = {};
  for (const item of job.items) items[item.id] = item;
  const sys = { retrieveLocale: () => locale, retrieveItem: (id) => items[id] };
  styles[job.style] = styles[job.style] || fs.readFileSync(job.style, "utf8");
  // en-US forced: the paper is in English, and the locale decides quotes and punctuation placement.
  const engine = new CSL.Engine(sys, styles[job.style], "en-US", true);
  engine.setOutputFormat("html");
  engine.updateItems(job.items.map((item) => item.id));
  const out = { bibliography: {}, order: [], citations: [] };
  if (job.bibliography) {
    const [params, entries] = engine.makeBibliography();
    params.entry_ids.forEach((ids, i) => {
      out.order.push(ids[0]);
      out.bibliography[ids[0]] = entries[i];
    });
  }
  for (const cite of job.citations || []) out.citations.push(engine.makeCitationCluster(cite));
  return out;
});
process.stdout.write(JSON.stringify(results));
