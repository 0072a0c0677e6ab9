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
