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
