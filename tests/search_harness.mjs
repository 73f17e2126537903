// Rank search results offline, exactly as the site does.
//
// The site's search runs in a web worker: Material's own bundle (with lunr
// inside) gets the built search index in a "setup" message, then one "query"
// message per keystroke, and answers each with the ranked result groups. This
// script loads that same worker file from the built site into a Node sandbox,
// sends it the same messages the page sends, and prints its answers. Nothing
// about ranking is re-implemented here, so the order it prints is the order a
// person sees in the search box.
//
// Usage: node tests/search_harness.mjs SITE_DIR < queries.json
//   queries.json: a JSON array of query strings, as typed.
//   Prints a JSON object mapping each query to
//   { pages: [{ page, title, score, sections }], suggest }
//   where pages are the result groups best first, page is the URL path below
//   the site root ("" for the home page) and sections are the matching
//   "page#heading" locations inside that group, best first.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import vm from "node:vm";

// Message types of Material's search worker protocol.
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

function fail(message) {
  process.stderr.write(`search_harness: ${message}\n`);
  process.exit(1);
}

// The page's own settings (features, worker path), as the site's JavaScript reads them.
function pageConfig(site) {
  const html = readFileSync(join(site, "index.html"), "utf8");
  const match = html.match(/<script id="__config" type="application\/json">(.*?)<\/script>/s);
  if (!match) fail(`${site}/index.html has no __config script: is this a Material site?`);
  return JSON.parse(match[1]);
}

// Load the worker file into a sandbox that looks like a worker's global scope.
// The site's worker loads Material's with importScripts, which the sandbox
// gives it as a browser would: a script beside it, run in the same scope.
function startWorker(file) {
  const replies = [];
  let onMessage;
  const scope = {
    console,
    addEventListener: (type, listener) => {
      if (type === "message") onMessage = listener;
    },
    postMessage: (message) => replies.push(message),
    importScripts: (...scripts) => {
      for (const script of scripts) {
        const imported = join(dirname(file), script);
        vm.runInContext(readFileSync(imported, "utf8"), scope, { filename: imported });
      }
    },
  };
  scope.self = scope;
  vm.createContext(scope);
  vm.runInContext(readFileSync(file, "utf8"), scope, { filename: file });
  if (!onMessage) fail(`${file} registered no message listener: Material's worker has changed`);

  // Each message is answered once, after its handler has run.
  return async (message) => {
    await onMessage({ data: message });
    return replies.shift();
  };
}

// One result group as a person sees it: the page first, then its sections.
function describe(group) {
  const article = group.find((item) => !item.location.includes("#"));
  return {
    page: article.location,
    title: article.title.replace(/<\/?mark>/g, ""),
    score: group[0].score,
    sections: group.filter((item) => item !== article).map((item) => item.location),
  };
}

async function main() {
  const [site] = process.argv.slice(2);
  if (!site) fail("usage: node tests/search_harness.mjs SITE_DIR < queries.json");
  const queries = JSON.parse(readFileSync(0, "utf8"));

  const config = pageConfig(site);
  const send = startWorker(join(site, config.search));
  const { config: searchConfig, docs } = JSON.parse(
    readFileSync(join(site, "search", "search_index.json"), "utf8"),
  );

  // The same setup message the page sends (see Material's setupSearchWorker).
  const ready = await send({
    type: SETUP,
    data: {
      config: searchConfig,
      docs,
      options: { suggest: config.features.includes("search.suggest") },
    },
  });
  if (ready?.type !== READY) fail("the search worker did not report ready");

  const answers = {};
  for (const query of queries) {
    const reply = await send({ type: QUERY, data: query });
    if (reply?.type !== RESULT) fail(`no result for ${JSON.stringify(query)}`);
    answers[query] = {
      pages: reply.data.items.map(describe),
      suggest: reply.data.suggest ?? [],
    };
  }
  process.stdout.write(JSON.stringify(answers, null, 1));
}

main();
