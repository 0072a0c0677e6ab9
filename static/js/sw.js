// The handbook's service worker, served at /sw.js (scope "/") with its settings in
// self.SOTAY: the build, the app shell's content-hashed URLs, the offline page, the pack list.
//
// - The app shell is kept per build ("sotay-shell-<build>"); older builds are removed on update.
// - A member's pages are kept in one cache per login ("sotay-pages-<account>"), and only pages
//   the server marked with X-Offline-Pack naming that login AND listed in the member's pack
//   (GET /offline/pack). Another login's caches are deleted as soon as a new one is seen.
// - Pages: network first; the stored copy when the network fails or is slower than the timeout;
//   the offline page (which lists what is stored) when there is none: the member's own copy
//   (with the app's bars) if the pack holds it, else the shell's. A form sent as a page (a plain
//   POST) that cannot reach the server gets that page too, saying nothing was sent: no tap ever
//   lands on the browser's own error page.
// Each event has one listener that calls a named function, so later features (Web Push:
// "push", "notificationclick") add their own listeners beside these without touching them.
"use strict";

var CONFIG = self.SOTAY;
var SHELL = "sotay-shell-" + CONFIG.build;
var PAGES = "sotay-pages-";
var META = "sotay-meta"; // not an account's: only a pending logout's token, until it is sent
var PENDING_LOGOUT = "/__sotay/pending-logout";
var SYNC_EVERY_MS = 30000;

var lastSync = 0;
var syncing = null;

self.addEventListener("install", function (event) { event.waitUntil(installShell()); });
self.addEventListener("activate", function (event) { event.waitUntil(activate()); });
self.addEventListener("fetch", onFetch);
self.addEventListener("message", onMessage);
self.addEventListener("sync", onSync);
self.addEventListener("push", onPush);
self.addEventListener("notificationclick", onNotificationClick);
self.addEventListener("message", onPushMessage);

// ---- shell ---------------------------------------------------------------------------

function installShell() {
  return caches.open(SHELL).then(function (cache) {
    // Without cookies: the shell (the offline page included) is the same for everyone.
    return cache.addAll(CONFIG.shell.map(function (url) { return new Request(url, { credentials: "omit" }); }));
  }).then(function () { return self.skipWaiting(); });
}

function activate() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("sotay-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); });
}

function fromShell(request) {
  return caches.open(SHELL).then(function (cache) {
    return cache.match(request).then(function (hit) { return hit || fetch(request); });
  });
}

function offlinePage() {
  return caches.open(SHELL).then(function (cache) { return cache.match(CONFIG.offline); }).then(function (hit) {
    return hit || new Response("Không có mạng.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  });
}

// The offline page for a page asked for (`path`) or a form not sent (`post`), marked for its script.
function offlineFor(name, path, post) {
  var own = name ? caches.open(name).then(function (cache) { return cache.match(CONFIG.offline); })
                 : Promise.resolve(null);
  return own.then(function (hit) { return hit || offlinePage(); }).then(function (page) {
    if (page.status !== 200) return page;
    var marks = { "offline-path": path };
    if (post) marks["offline-post"] = "1";
    return served(page, marks);
  });
}

// ---- accounts ------------------------------------------------------------------------

function accountCacheName() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PAGES) === 0; })[0] || null;
  });
}

function forgetAccounts(except) {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PAGES) === 0 && name !== except;
    }).map(function (name) { return caches.delete(name); }));
  });
}

function storedPack(cache) {
  return cache.match(CONFIG.pack).then(function (hit) { return hit ? hit.json() : null; });
}

function packUrls(pack) {
  var urls = {};
  pack.entries.forEach(function (entry) {
    urls[entry.url] = entry;
    entry.aliases.forEach(function (alias) { urls[alias] = entry; });
  });
  return urls;
}

function pathOf(url) {
  var parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

function bareTag(tag) { return (tag || "").replace(/^W\//, "").replace(/"/g, ""); }

// A copy to keep: the time it was stored rides along, so the page can say how old it is.
function storable(response) {
  var headers = new Headers(response.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  headers.set("X-Stored-At", String(Date.now()));
  return response.blob().then(function (body) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

function keep(cache, entry, response) {
  return storable(response).then(function (copy) {
    var puts = [cache.put(entry.url, copy.clone())];
    entry.aliases.forEach(function (alias) { puts.push(cache.put(alias, copy.clone())); });
    return Promise.all(puts);
  });
}

// ---- navigation ----------------------------------------------------------------------

function onFetch(event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && request.method === "POST" && url.pathname === CONFIG.logout) {
    event.respondWith(logout(request));
    return;
  }
  if (request.mode === "navigate" && request.method === "POST") {
    event.respondWith(fetch(request).catch(function () {
      return accountCacheName().then(function (name) { return offlineFor(name, pathOf(request.url), true); });
    }));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate" && url.pathname === CONFIG.login) {
    // Someone is about to log in on this phone: nothing of an earlier login may stay, even
    // as a fallback copy for a slow network.
    event.respondWith(forgetAccounts(null).then(function () { return fetch(request); }).catch(function () {
      return offlineFor(null, pathOf(request.url), false);
    }));
  } else if (request.mode === "navigate") {
    event.respondWith(navigate(event));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(fromShell(request));
  }
}

function withTimeout(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, ms);
    promise.then(function (value) { clearTimeout(timer); resolve(value); },
                 function (error) { clearTimeout(timer); reject(error); });
  });
}

function navigate(event) {
  var request = event.request;
  var path = pathOf(request.url);
  return sendPendingLogout().then(accountCacheName).then(function (name) {
    var stored = name ? caches.open(name).then(function (cache) { return cache.match(path, { ignoreVary: true }); })
                      : Promise.resolve(null);
    var network = fetch(request).then(function (response) {
      event.waitUntil(afterNavigation(name, path, response.clone()));
      return response;
    });
    return stored.then(function (copy) {
      if (!copy) return network.catch(function () { return offlineFor(name, path, false); });
      // With a stored copy, a network slower than the timeout is not waited for; its answer
      // still refreshes the copy (afterNavigation) for next time.
      return withTimeout(network, CONFIG.timeout).catch(function () {
        return served(copy, { "stored-at": copy.headers.get("X-Stored-At") || "" });
      });
    });
  });
}

// A page from the phone, marked for the page's script (`marks`: data-* attributes on <html>):
// when it was stored (the banner), the address asked for, a form not sent.
function served(copy, marks) {
  var attributes = Object.keys(marks).map(function (key) {
    var value = String(marks[key]).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return "data-" + key + '="' + value + '" ';
  }).join("");
  return copy.text().then(function (html) {
    return new Response(html.replace("<html ", "<html " + attributes), { status: copy.status, headers: copy.headers });
  });
}

function afterNavigation(name, path, response) {
  var account = response.headers.get("X-Offline-Pack");
  if (response.redirected && new URL(response.url).pathname === CONFIG.login) {
    return forgetAccounts(null); // the login ended (logout elsewhere, expiry, deactivation)
  }
  if (!name) return Promise.resolve();
  return caches.open(name).then(function (cache) {
    if (account && PAGES + account !== name) return forgetAccounts(PAGES + account);
    return storedPack(cache).then(function (pack) {
      var entry = pack && packUrls(pack)[path];
      if (!entry) return null;
      if (response.ok && account && !response.redirected) return keep(cache, entry, response);
      if (response.status === 404 || response.status === 403) {
        // No longer the member's to see: never shown from this phone again.
        return Promise.all([entry.url].concat(entry.aliases).map(function (url) { return cache.delete(url); }));
      }
      return null;
    });
  });
}

// ---- the pack ------------------------------------------------------------------------

function syncPack(force) {
  if (syncing) return syncing;
  if (!force && Date.now() - lastSync < SYNC_EVERY_MS) {
    return accountCacheName().then(function (name) {
      if (!name) return { state: "none" };
      return caches.open(name).then(storedPack).then(function (pack) { return status(pack); });
    });
  }
  syncing = refreshPack().then(function (result) { lastSync = Date.now(); syncing = null; return result; },
                               function (error) { syncing = null; throw error; });
  return syncing;
}

function status(pack) {
  return pack ? { state: "ready", account: pack.account, count: pack.entries.length, storedAt: pack.storedAt }
              : { state: "none" };
}

function refreshPack() {
  return fetch(CONFIG.pack, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
    if (response.status === 401) return forgetAccounts(null).then(function () { return { state: "none" }; });
    if (!response.ok) throw new Error("pack list: " + response.status);
    return response.json().then(storePack);
  });
}

function storePack(pack) {
  var name = PAGES + pack.account;
  var wanted = packUrls(pack);
  return forgetAccounts(name).then(function () { return caches.open(name); }).then(function (cache) {
    return cache.keys().then(function (requests) {
      // What the member may no longer see (or no longer needs) leaves the phone first.
      return Promise.all(requests.map(function (request) {
        var path = pathOf(request.url);
        return wanted[path] || path === CONFIG.pack ? null : cache.delete(request);
      }));
    }).then(function () {
      return pack.entries.reduce(function (previous, entry) {
        return previous.then(function () { return refreshEntry(cache, pack.account, entry); });
      }, Promise.resolve());
    }).then(function () {
      pack.storedAt = Date.now();
      return cache.put(CONFIG.pack, new Response(JSON.stringify(pack), {
        headers: { "Content-Type": "application/json" } }));
    }).then(function () { return status(pack); });
  });
}

function refreshEntry(cache, account, entry) {
  return cache.match(entry.url, { ignoreVary: true }).then(function (have) {
    var tag = have && have.headers.get("ETag");
    if (have && entry.etag && bareTag(tag) === entry.etag) return fillAliases(cache, entry, have);
    // Marked as the worker's: keeping an agenda on the phone is not the member reading it.
    var headers = { "X-Offline-Prefetch": "1" };
    if (tag) headers["If-None-Match"] = tag;
    return fetch(entry.url, { credentials: "same-origin", headers: headers }).then(function (response) {
      if (response.status === 304 && have) return fillAliases(cache, entry, have);
      if (response.ok && !response.redirected && response.headers.get("X-Offline-Pack") === account) {
        return keep(cache, entry, response);
      }
      return Promise.all([entry.url].concat(entry.aliases).map(function (url) { return cache.delete(url); }));
    });
  });
}

function fillAliases(cache, entry, have) {
  return Promise.all(entry.aliases.map(function (alias) {
    return cache.match(alias).then(function (hit) { return hit ? null : cache.put(alias, have.clone()); });
  }));
}

// ---- messages from pages -------------------------------------------------------------

function onMessage(event) {
  var data = event.data || {};
  var reply = event.ports && event.ports[0];
  var answer = function (value) { if (reply) reply.postMessage(value); };
  if (data.type === "sync") {
    event.waitUntil(syncPack(!!data.force).then(answer, function (error) {
      answer({ state: "failed", reason: String(error && error.name || error) });
    }));
  } else if (data.type === "forget") {
    event.waitUntil(forgetAccounts(null).then(function () { lastSync = 0; answer({ state: "none" }); }));
  }
}

// Background Sync: the pages hold the unsent drafts (per account, on the device); the worker
// wakes them to send when the connection returns.
function onSync(event) {
  if (event.tag !== "sotay-notes") return;
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage({ type: "send-drafts" }); });
  }));
}

// ---- logout --------------------------------------------------------------------------

// The page has already sent (or, with the member's consent, given up) the drafts and cleared
// what it stored. Offline, the server's session is ended on the next navigation with signal.
function logout(request) {
  var copy = request.clone();
  return forgetAccounts(null).then(function () {
    lastSync = 0;
    return fetch(request);
  }).catch(function () {
    return copy.formData().then(function (form) {
      return caches.open(META).then(function (cache) {
        return cache.put(PENDING_LOGOUT, new Response(form.get("csrf_token") || ""));
      });
    }).then(offlinePage);
  });
}

function sendPendingLogout() {
  return caches.open(META).then(function (cache) {
    return cache.match(PENDING_LOGOUT).then(function (hit) {
      if (!hit) return null;
      return hit.text().then(function (token) {
        var body = new URLSearchParams({ csrf_token: token });
        return fetch(CONFIG.logout, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" });
      }).then(function () { return cache.delete(PENDING_LOGOUT); }, function () { return null; });
    });
  });
}

// ---- Web Push ------------------------------------------------------------------------
// The server sends {title, body, url, tag}: a meeting's title and time, never a note. One
// notification per meeting and kind (tag), so a corrected time replaces the old one.

function onPush(event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (error) { data = {}; }
  var title = data.title || "Sổ tay đảng viên";
  event.waitUntil(self.registration.showNotification(title, {
    body: data.body || "",
    tag: data.tag || undefined,
    icon: CONFIG.icon,
    lang: "vi",
    data: { url: typeof data.url === "string" && data.url.charAt(0) === "/" ? data.url : "/" }
  }));
}

function onNotificationClick(event) {
  event.notification.close();
  var url = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === url && "focus" in windows[i]) return windows[i].focus();
    }
    return self.clients.openWindow(url);
  }));
}

// Logging out forgets the account on this phone: its pushes stop too (the server forgets the
// endpoint when the push service next answers that it is gone).
function onPushMessage(event) {
  var data = event.data || {};
  if (data.type !== "forget") return;
  event.waitUntil(self.registration.pushManager.getSubscription().then(function (subscription) {
    return subscription ? subscription.unsubscribe() : null;
  }).catch(function () { return null; }));
}
