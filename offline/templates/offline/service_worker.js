{% autoescape off %}/* Safe Migration Hub's service worker (offline/views.py renders it; docs/decisions.md, "Offline").
 *
 * - Pages: from the network first, the last copy kept when offline, else the offline page.
 * - Static files with a hashed name, and fonts: from the cache first (a new file has a new name).
 * - What the server marks `no-store`, and every address that may hold personal data or a login
 *   (the admin, the club leaders' and focal points' pages, the accounts pages), is never kept.
 * - What the server marks `private` (pages and files of a logged-in facilitator) is kept apart
 *   and forgotten when they log out.
 * - Items saved for offline ("Save for offline") are kept until deleted, and fetched again when
 *   their manifest's version changes (the page was republished).
 */
"use strict";

const VERSION = "{{ version }}";
const STATIC_URL = {{ static_url }};
const PRECACHED_STATIC = {{ precached_static }};
const OFFLINE_PAGES = {{ offline_pages }};
const AGENCY_CHECK_PATHS = {{ agency_check_paths }};
const PRIVATE_PATH = new RegExp("{{ private_path_pattern|escapejs }}");
const LOGOUT = new RegExp("{{ logout_pattern|escapejs }}");
const SAVED_ITEM = new RegExp("{{ saved_item_pattern|escapejs }}");
const HASHED_NAME = /\.[0-9a-f]{12}\.[a-z0-9]+$/;
// Pages and files read (not saved) kept at most, the oldest dropped first: a cheap phone's
// space is for what the reader chose to save.
const MOST_PAGES_KEPT = 60;

const STATIC_CACHE = `smh-static-${VERSION}`;
const PAGES_CACHE = "smh-pages";
const PRIVATE_PAGES_CACHE = "smh-private-pages";
const SAVED_CACHE = "smh-saved";
const SAVED_PRIVATE_CACHE = "smh-saved-private";
// Looked in for a copy, in this order: a logged-in facilitator's fuller copy first.
const COPIES = [SAVED_PRIVATE_CACHE, PRIVATE_PAGES_CACHE, SAVED_CACHE, PAGES_CACHE];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC_CACHE);
      await cache.addAll(PRECACHED_STATIC);
      // The offline pages as an anonymous reader gets them: no login, no log-out form.
      await Promise.all(
        Object.values(OFFLINE_PAGES).map(async (url) => {
          const response = await fetch(url, { credentials: "omit" });
          if (response.ok) await cache.put(url, response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith("smh-static-") && name !== STATIC_CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && LOGOUT.test(url.pathname)) {
    // Another person may use the phone next: the logged-in person's copies go first.
    event.respondWith(forgetPrivateCopies().then(() => fetch(request)));
    return;
  }
  if (request.method !== "GET" || request.headers.has("range")) return;
  if (PRIVATE_PATH.test(url.pathname)) {
    // Never kept; offline, the offline page (it shows nobody's data) rather than an error.
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(() => offlinePage(request)));
    }
    return;
  }
  if (SAVED_ITEM.test(url.pathname)) return;
  if (url.pathname.startsWith(STATIC_URL)) {
    event.respondWith(
      HASHED_NAME.test(url.pathname) || url.pathname.endsWith(".woff2")
        ? staticFromCacheFirst(request)
        : fromNetworkFirst(request, event, { cacheName: STATIC_CACHE }),
    );
    return;
  }
  event.respondWith(fromNetworkFirst(request, event, {}));
});

/* Which cache may keep this response: none, the shared ones, or the private ones. */
function keptIn(response, { saved }) {
  if (!response || !response.ok || response.status !== 200 || response.type !== "basic") {
    return null;
  }
  const cacheControl = (response.headers.get("Cache-Control") || "").toLowerCase();
  if (/(^|[\s,])no-store\b/.test(cacheControl)) return null;
  const isPrivate = /(^|[\s,])private\b/.test(cacheControl);
  if (saved) return isPrivate ? SAVED_PRIVATE_CACHE : SAVED_CACHE;
  return isPrivate ? PRIVATE_PAGES_CACHE : PAGES_CACHE;
}

async function staticFromCacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (keptIn(response, { saved: false })) {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function fromNetworkFirst(request, event, { cacheName }) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const copy = await copyOf(request, cacheName ? [cacheName] : COPIES);
    if (copy) return copy;
    if (request.mode === "navigate") return offlinePage(request);
    throw error;
  }
  // A copy not kept (a full phone) is no error for the reader: the page is shown all the same.
  event.waitUntil(keepCopy(request, response.clone(), { cacheName }).catch(() => undefined));
  return response;
}

async function keepCopy(request, response, { cacheName }) {
  const kept = keptIn(response, { saved: false });
  if (!kept) return;
  if (cacheName) {
    await (await caches.open(cacheName)).put(request, response);
    return;
  }
  const cache = await caches.open(kept);
  await cache.put(request, response.clone());
  const keys = await cache.keys();
  // Keys come in the order they were last put: the least recently read first.
  for (const old of keys.slice(0, Math.max(0, keys.length - MOST_PAGES_KEPT))) {
    await cache.delete(old);
  }
  // A saved item's page read online: its saved copy becomes this newer one, if it may be
  // kept as privately as before (a facilitator's copy of a reader's saved page is not).
  for (const name of [SAVED_CACHE, SAVED_PRIVATE_CACHE]) {
    const cache = await caches.open(name);
    if ((await cache.match(request, { ignoreVary: true })) && keptIn(response, { saved: true }) === name) {
      await cache.put(request, response);
    }
  }
}

async function copyOf(request, cacheNames) {
  for (const name of cacheNames) {
    if (!(await caches.has(name))) continue;
    const cache = await caches.open(name);
    const found = await cache.match(request, { ignoreVary: true, ignoreSearch: false });
    if (found) return found;
  }
  return null;
}

async function offlinePage(request) {
  const path = new URL(request.url).pathname;
  const language = Object.keys(OFFLINE_PAGES).find((code) => path.startsWith(`/${code}/`));
  const page = await caches.match(OFFLINE_PAGES[language || Object.keys(OFFLINE_PAGES)[0]]);
  return page || Response.error();
}

async function forgetPrivateCopies() {
  await caches.delete(PRIVATE_PAGES_CACHE);
  await caches.delete(SAVED_PRIVATE_CACHE);
  await forgetUnsavedFiles();
}

/* ---- Items saved for offline ---------------------------------------------------------- */

self.addEventListener("message", (event) => {
  const port = event.ports && event.ports[0];
  const message = event.data || {};
  const tasks = {
    save: () => saveItem(message.itemUrl),
    delete: () => deleteItem(message.itemUrl),
    list: () => listItems(),
    refresh: () => refreshItems(),
  };
  if (!port || !tasks[message.type]) return;
  event.waitUntil(
    tasks[message.type]().then(
      (result) => port.postMessage({ ok: true, ...result }),
      (error) => port.postMessage({ ok: false, error: problemName(error) }),
    ),
  );
});

function problemName(error) {
  if (error && error.name === "QuotaExceededError") return "quota";
  if (error instanceof TypeError) return "network";
  return "failed";
}

async function putSaved(url, response) {
  const target = keptIn(response, { saved: true });
  if (!target) throw new Error(`${url} may not be kept`);
  // The same address is in one saved cache only, the one its last answer allowed.
  const other = target === SAVED_CACHE ? SAVED_PRIVATE_CACHE : SAVED_CACHE;
  await (await caches.open(other)).delete(url);
  await (await caches.open(target)).put(url, response);
}

async function savedManifests() {
  const manifests = [];
  for (const name of [SAVED_CACHE, SAVED_PRIVATE_CACHE]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (!SAVED_ITEM.test(new URL(request.url).pathname)) continue;
      const response = await cache.match(request);
      manifests.push({ itemUrl: request.url, manifest: await response.json() });
    }
  }
  return manifests;
}

function addressesOf(manifest) {
  return [...manifest.pages.map((page) => page.url), ...manifest.files.map((file) => file.url)].map(
    (url) => new URL(url, self.location.origin).href,
  );
}

async function saveItem(itemUrl) {
  const itemHref = new URL(itemUrl, self.location.origin).href;
  const manifestResponse = await fetch(itemHref, { cache: "no-store" });
  if (!manifestResponse.ok) throw new Error(`${itemHref}: ${manifestResponse.status}`);
  const manifest = await manifestResponse.clone().json();
  const savedBefore = await copyOf(new Request(itemHref), [SAVED_CACHE, SAVED_PRIVATE_CACHE]);
  try {
    for (const url of addressesOf(manifest)) {
      const response = await fetchWhenPrepared(url);
      await putSaved(url, response);
    }
    await putSaved(itemHref, manifestResponse);
  } catch (error) {
    // Nothing half-saved: what this attempt kept goes, unless another item needs it. An
    // update that fails leaves the item as it was saved (its old version: tried again later).
    if (!savedBefore) await deleteManifestEntry(itemHref);
    await forgetUnsavedFiles();
    throw error;
  }
  await forgetUnsavedFiles();
  return { item: await describeItem(itemHref, manifest) };
}

/* A printed file not made yet answers 503 "being prepared" with Retry-After while the worker
   builds it: wait as asked (a few times, about a minute at most) instead of failing the save. */
async function fetchWhenPrepared(url, attempts = 12) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url);
    const wait = Number(response.headers.get("Retry-After"));
    if (response.status !== 503 || !wait || attempt >= attempts) return response;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 10) * 1000));
  }
}

async function deleteManifestEntry(itemHref) {
  for (const name of [SAVED_CACHE, SAVED_PRIVATE_CACHE]) {
    await (await caches.open(name)).delete(itemHref);
  }
}

async function deleteItem(itemUrl) {
  await deleteManifestEntry(new URL(itemUrl, self.location.origin).href);
  await forgetUnsavedFiles();
  return {};
}

/* Saved pages and files that no saved item lists any more (deleted, or dropped from a lesson). */
async function forgetUnsavedFiles() {
  const needed = new Set();
  for (const { itemUrl, manifest } of await savedManifests()) {
    needed.add(itemUrl);
    addressesOf(manifest).forEach((url) => needed.add(url));
  }
  for (const name of [SAVED_CACHE, SAVED_PRIVATE_CACHE]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (!needed.has(request.url)) await cache.delete(request);
    }
  }
}

async function sizeOf(url) {
  const copy = await copyOf(new Request(url), [SAVED_CACHE, SAVED_PRIVATE_CACHE]);
  return copy ? (await copy.blob()).size : 0;
}

async function describeItem(itemHref, manifest) {
  let size = 0;
  for (const url of addressesOf(manifest)) size += await sizeOf(url);
  return {
    itemUrl: itemHref,
    kind: manifest.kind,
    title: manifest.title,
    url: manifest.url,
    version: manifest.version,
    lastPublishedAt: manifest.last_published_at,
    pages: manifest.pages.length,
    files: manifest.files.length,
    size,
  };
}

async function listItems() {
  const items = [];
  for (const { itemUrl, manifest } of await savedManifests()) {
    items.push(await describeItem(itemUrl, manifest));
  }
  return { items, agencyChecks: await agencyChecks() };
}

/* The agency check's answers read before (kept like any page): the addresses asked. */
async function agencyChecks() {
  const checks = new Map();
  for (const name of [PRIVATE_PAGES_CACHE, PAGES_CACHE]) {
    if (!(await caches.has(name))) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const url = new URL(request.url);
      const query = url.searchParams.get("q");
      if (AGENCY_CHECK_PATHS.includes(url.pathname) && query) checks.set(url.href, query);
    }
  }
  return [...checks].map(([url, query]) => ({ url, query }));
}

/* Saved items whose page was republished since they were saved are saved again. */
async function refreshItems() {
  const updated = [];
  for (const { itemUrl, manifest } of await savedManifests()) {
    let current;
    try {
      const response = await fetch(itemUrl, { cache: "no-store" });
      if (response.status === 404) continue; // unpublished: what was saved stays readable
      if (!response.ok) continue;
      current = await response.json();
    } catch (error) {
      return { updated, offline: true };
    }
    if (current.version !== manifest.version) {
      await saveItem(itemUrl);
      updated.push(current.title);
    }
  }
  return { updated };
}
{% endautoescape %}
