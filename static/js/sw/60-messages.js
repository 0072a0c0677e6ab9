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
