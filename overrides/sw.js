/**
 * Hinge Guide service worker: the whole guide stays on the phone, so a client
 * can read and search it in a gym basement with no signal.
 *
 * MkDocs copies this file to site/sw.js; hinge/offline.py then writes in the
 * build's version and the list of files to keep. Each build gets its own cache,
 * named after that version: installing a new build copies every file afresh,
 * and activating it deletes the caches of older builds.
 *
 * Pages and files come from the cache first, so a page opens at once on one bar
 * of signal; anything not cached goes to the network. An update is picked up on
 * the next visit, when the browser sees a new sw.js.
 */

const VERSION = "unbuilt";
const FILES = [];

const PREFIX = "hinge-guide-";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // "reload" skips the HTTP cache, which may still hold the previous build.
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => names.filter((name) => name.startsWith(PREFIX) && name !== CACHE))
      .then((old) => Promise.all(old.map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(CACHE);
  // Search results link to pages with ?h=<term> to highlight it: same page.
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (offline) {
    if (request.mode === "navigate") return cache.match("404.html");
    throw offline;
  }
}
