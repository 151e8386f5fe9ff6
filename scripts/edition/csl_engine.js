// citeproc-js (npm `citeproc`, the CSL engine Zotero uses), run once per build by csl_engine.py.
// stdin: {"locale": path, "jobs": [{"style": path, "items": [CSL-JSON], "bibliography": bool,
//          "citations": [[{"id", "locator", "label"}], ...]}]}
// stdout: [{"bibliography": {id: html}, "order": [ids in the style's order], "citations": [html, ...]}]
"use strict";
const fs = require("fs");
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");
const CSL = require("citeproc");

// citeproc-js finds a macro by walking the whole style tree each time the macro is used, which takes
// seconds with Chicago's 4,000-line style. The set of macro nodes does not change while an engine is
// built, so each lookup is remembered per style tree. The output is the same (tests/test_csl_engines.py
// formats everything with and without this).
if (!process.env.CSL_ENGINE_NO_MEMO) {
  const lookup = CSL.XmlJSON.prototype.getNodesByName;
  const memo = new WeakMap();
  CSL.XmlJSON.prototype.getNodesByName = function (tree, name, nameattrval, ret) {
    if (ret || name !== "macro" || !tree || typeof tree !== "object") return lookup.call(this, tree, name, nameattrval, ret);
    let found = memo.get(tree);
    if (!found) memo.set(tree, (found = new Map()));
    const key = nameattrval || "";
    if (!found.has(key)) found.set(key, lookup.call(this, tree, name, nameattrval));
    return found.get(key).slice();
  };
}

function format(job, locale, styleXml) {
  const items = {};
  for (const item of job.items) items[item.id] = item;
  const sys = { retrieveLocale: () => locale, retrieveItem: (id) => items[id] };
  // en-US forced: the paper is in English, and the locale decides quotes and punctuation placement.
  const engine = new CSL.Engine(sys, styleXml, "en-US", true);
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
}

// Building an engine is the cost (about a second for Chicago's style), so each job after the first runs
// in a worker thread of this one process: the build waits for the slowest style, not for all of them.
if (!isMainThread) {
  const { job, locale } = workerData;
  parentPort.postMessage(format(job, locale, fs.readFileSync(job.style, "utf8")));
} else {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const locale = fs.readFileSync(request.locale, "utf8");
  const [first, ...rest] = request.jobs;
  const others = rest.map(
    (job) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: { job, locale } });
        worker.once("message", resolve);
        worker.once("error", reject);
      })
  );
  const results = first ? [format(first, locale, fs.readFileSync(first.style, "utf8"))] : [];
  Promise.all(others).then(
    (done) => process.stdout.write(JSON.stringify(results.concat(done))),
    (error) => {
      process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
      process.exit(1);
    }
  );
}
