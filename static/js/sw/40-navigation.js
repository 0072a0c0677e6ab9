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
