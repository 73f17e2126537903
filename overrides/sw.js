/**
 * Hinge Guide service worker: the whole guide stays on the phone, so a client
 * can read and search it in a gym basement with no signal.
 *
 * MkDocs copies this file to site/sw.js; hinge/offline.py then writes in the
 * build's version and each file to keep with a hash of its contents, pages
 * first. Each build gets its own cache, named after that version.
 *
 * Install: copies every file into the new cache, a few at a time. A file the
 * previous copy holds with the same hash is taken from there; any other is
 * downloaded, with retries. A file that still fails costs only that file: it is
 * fetched and kept the first time a page asks for it online. A cache is marked
 * complete last, so a copy cut short (the browser closed mid-install) is found
 * and deleted next time instead of being trusted.
 *
 * Activate: takes over at once and deletes older copies. The page hears of it
 * (hinge.js, "controllerchange"): it says once that the guide is ready offline,
 * or that it has been updated. A deploy reaches a returning reader this way:
 * their first page view opens at once from the old copy while the browser finds
 * the new sw.js, which copies only what changed; their next view is the new one.
 *
 * Fetch: pages and files come from the cache first, so a page opens at once on
 * one bar of signal; anything not kept goes to the network.
 */

const VERSION = "unbuilt";
const FILES = {};

const PREFIX = "hinge-guide-";
const CACHE = PREFIX + VERSION;
// Written into a cache once every file has been tried: the files and hashes it holds.
const COMPLETE = "hinge-guide-complete.json";
const NOT_FOUND = "404.html";
const ATTEMPTS = 3;
const AT_ONCE = 4;

const absolute = (url) => new URL(url, self.location).href;
const KEPT = new Set(Object.keys(FILES).map(absolute));

self.addEventListener("install", (event) => {
  event.waitUntil(copyTheGuide().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request, event));
});

async function copyTheGuide() {
  const previous = await completeCopies();
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && !previous.some((copy) => copy.name === name)) await caches.delete(name); // half-built
  }
  const cache = await caches.open(CACHE);
  const queue = Object.entries(FILES);
  const missed = [];
  const copyNext = async () => {
    for (let next; (next = queue.shift()); ) {
      const [url, hash] = next;
      if (!((await reuse(cache, previous, url, hash)) || (await download(cache, url)))) missed.push(url);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, copyNext));
  await cache.put(COMPLETE, new Response(JSON.stringify({ files: FILES, missed })));
}

/** The finished copies of earlier builds, each with the hashes of the files it holds. */
async function completeCopies() {
  const copies = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const cache = await caches.open(name);
    const record = await cache.match(COMPLETE);
    if (record) copies.push({ name, cache, ...(await record.json()) });
  }
  return copies;
}

async function reuse(cache, previous, url, hash) {
  for (const copy of previous) {
    if (copy.files[url] !== hash || copy.missed.includes(url)) continue;
    const kept = await copy.cache.match(url);
    if (kept) {
      await cache.put(url, kept);
      return true;
    }
  }
  return false;
}

async function download(cache, url) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      // "reload" skips the HTTP cache, which may still hold the previous build.
      const response = await fetch(new Request(url, { cache: "reload" }));
      if (response.ok) {
        await cache.put(url, response);
        return true;
      }
    } catch {
      // offline for a moment, or the connection dropped: try again
    }
    if (attempt < ATTEMPTS) await new Promise((wait) => setTimeout(wait, 500 * attempt));
  }
  return false;
}

async function answer(request, event) {
  const cache = await caches.open(CACHE);
  // Search results link to pages with ?h=<term> to highlight it: same page.
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  // A folder asked for without its slash: redirect, as GitHub Pages does, so the
  // page's relative links resolve.
  const url = new URL(request.url);
  if (!url.pathname.endsWith("/") && !/\.\w+$/.test(url.pathname)) {
    const folder = new URL(url);
    folder.pathname += "/";
    if (await cache.match(folder.href, { ignoreSearch: true })) return Response.redirect(folder.href, 301);
  }
  try {
    const response = await fetch(request);
    const page = url.origin + url.pathname;
    if (response.ok && KEPT.has(page)) event.waitUntil(cache.put(page, response.clone())); // one the install missed
    return response;
  } catch (offline) {
    const notFound = request.mode === "navigate" && (await cache.match(NOT_FOUND));
    if (!notFound) throw offline;
    return new Response(notFound.body, { status: 404, statusText: "Not Found", headers: notFound.headers });
  }
}
