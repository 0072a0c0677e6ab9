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
