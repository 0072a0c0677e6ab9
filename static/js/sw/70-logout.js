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
