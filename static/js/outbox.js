// What this device holds unsent: the drafts of every autosaved text (editor.js writes them, and
// documents their protocol) and answers given without signal to a form marked
// data-offline="queue" (the RSVP), each sent when the signal returns; logout.js sends them first
// at logout and names what still cannot go.
// Drafts are "sotay:<user>:<key>" in localStorage: {fields, version, url, title, saved}; a draft
// is unsent until the server confirms it (the `text-saved` event in HX-Trigger), then kept as
// "saved" so a stored page never shows an older text than the device has. Queued answers are "sotay:<user>:out:<url>": {url, body,
// target, says, label}; a later answer to the same form replaces the earlier one.
(function () {
  "use strict";
  var root = document.documentElement;
  var user = root.getAttribute("data-offline-user");
  var worker = "serviceWorker" in navigator ? navigator.serviceWorker : null;
  var QUEUED = "Chưa gửi — sẽ gửi khi có mạng";

  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  function read(key) { try { return JSON.parse(storage().getItem(key) || "null"); } catch (e) { return null; } }
  function keys(prefix) {
    var store = storage(), found = [];
    if (!store) return found;
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(prefix) === 0) found.push(key);
    }
    return found;
  }
  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (e) { return ""; }
  }
  function post(url, body) {
    var token = csrfToken();
    if (token) body.set("csrf_token", token);
    return fetch(url, { method: "POST", body: body, credentials: "same-origin",
                        headers: { "HX-Request": "true", "X-CSRFToken": token } });
  }
  function requestBackgroundSync() {
    if (!worker) return;
    worker.ready.then(function (registration) {
      return registration.sync ? registration.sync.register("sotay-notes") : null;
    }).catch(function () { /* no Background Sync here: sent on reconnect or next open */ });
  }

  // ---- drafts of autosaved texts -------------------------------------------------------

  var OUT = "out:";
  function openKeys() { // the texts open on this page: editor.js sends those itself
    return Array.prototype.map.call(document.querySelectorAll("form[data-editor]"), function (form) {
      return form.getAttribute("data-draft-key");
    });
  }
  function fieldsOf(draft) { return draft.fields || { body: draft.body }; } // older copies: a note's body
  function textSaved(response) {
    try { return JSON.parse(response.headers.get("HX-Trigger") || "{}")["text-saved"] || null; }
    catch (e) { return null; }
  }
  function unsentDrafts() {
    if (!user) return [];
    var prefix = "sotay:" + user + ":";
    return keys(prefix).filter(function (key) {
      var draft = read(key);
      return key.indexOf(prefix + OUT) !== 0 && openKeys().indexOf(key) < 0 && draft && !draft.saved && draft.url &&
             (draft.fields || typeof draft.body === "string");
    });
  }
  function sendDraft(key) {
    var draft = read(key);
    var fields = fieldsOf(draft), body = new URLSearchParams(fields);
    body.set("version", String(draft.version || 0));
    return post(draft.url, body).then(function (response) {
      var saved = textSaved(response);
      if (!saved || saved.status === "error") return false;
      var now = read(key);
      if (now && JSON.stringify(fieldsOf(now)) === JSON.stringify(fields)) {
        if (saved.status === "conflict") {
          storage().removeItem(key); // the server keeps both texts, for the writer to choose
        } else {
          storage().setItem(key, JSON.stringify({ fields: fields, version: String(saved.version), url: draft.url,
                                                  title: draft.title, saved: true, at: Date.now() }));
        }
      }
      return true;
    }, function () { return false; });
  }

  // ---- answers queued without signal ---------------------------------------------------

  function queuedKeys() { return user ? keys("sotay:" + user + ":" + OUT) : []; }
  function queuedForm(url) {
    var forms = document.querySelectorAll('form[data-offline="queue"]');
    for (var i = 0; i < forms.length; i++) if (forms[i].getAttribute("hx-post") === url) return forms[i];
    return null;
  }
  // What the member chose, in the words of the button that sends it (data-offline-says, where
  // {field} stands for a field's value): "Vắng — lý do: đi công tác".
  function chosen(form, data) {
    var buttons = form.querySelectorAll("[data-offline-says]");
    for (var i = 0; i < buttons.length; i++) {
      if (data.get(buttons[i].name) === buttons[i].value) {
        return buttons[i].getAttribute("data-offline-says").replace(/\{(\w+)\}/g, function (all, name) {
          return data.get(name) || "";
        });
      }
    }
    return "";
  }
  function say(form, text, state) {
    var where = form && document.querySelector(form.getAttribute("data-offline-status"));
    if (!where) return;
    where.textContent = text;
    where.setAttribute("data-state", state);
  }
  function showQueued(form, item) { say(form, QUEUED + (item.says ? ": " + item.says : "") + ".", "queued"); }

  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt, config = event.detail.requestConfig;
    if (!user || !storage() || !form.matches || !form.matches('form[data-offline="queue"]') || !config) return;
    var data = new URLSearchParams(config.formData);
    data.delete("csrf_token"); // the page's own token is used when it is sent
    var item = { url: config.path, body: data.toString(), target: form.getAttribute("hx-target"),
                 says: chosen(form, data), label: form.getAttribute("data-offline-label") || "", at: Date.now() };
    storage().setItem("sotay:" + user + ":" + OUT + item.url, JSON.stringify(item));
    showQueued(form, item);
    requestBackgroundSync();
  });

  function sendQueued(key) {
    var item = read(key);
    return post(item.url, new URLSearchParams(item.body)).then(function (response) {
      var form = queuedForm(item.url);
      if (response.redirected || response.status === 401) {
        say(form, "Chưa gửi — phiên đăng nhập đã hết; xin đăng nhập lại, câu trả lời vẫn giữ trên máy.", "error");
        return false;
      }
      storage().removeItem(key);
      if (!response.ok) {
        say(form, "Chưa gửi được: máy chủ không nhận (mã " + response.status + "). Xin chọn lại.", "error");
        return true;
      }
      return response.text().then(function (html) {
        var target = item.target && document.querySelector(item.target);
        if (target && form && window.htmx) window.htmx.swap(target, html, { swapStyle: "outerHTML" });
        return true;
      });
    }, function () { return false; });
  }

  // Resolves to the number of things still unsent. The signal's return starts it twice (the
  // page's "online" and the worker's sync): a second call while one is under way joins it
  // instead of sending the same answers again beside it.
  var sending = null;
  function sendAll() {
    if (sending) return sending;
    var jobs = unsentDrafts().map(sendDraft).concat(queuedKeys().map(sendQueued));
    if (!jobs.length) return Promise.resolve(0);
    sending = Promise.all(jobs).then(function (results) {
      sending = null;
      var left = results.filter(function (sent) { return !sent; }).length;
      if (left) requestBackgroundSync();
      return left;
    }, function (error) { sending = null; throw error; });
    return sending;
  }

  // What logout.js asks before the device forgets this account.
  function unsentNames() {
    return unsentDrafts().map(function (key) { return read(key).title || "Một văn bản đang soạn"; })
      .concat(queuedKeys().map(function (key) { var item = read(key); return item.label || item.says; }));
  }
  window.sotayOutbox = { send: sendAll, unsent: unsentNames };

  // ---- start -------------------------------------------------------------------------

  // Another account's device copies never stay beside this one's.
  if (user && storage()) {
    keys("sotay:").forEach(function (key) {
      if (key.indexOf("sotay:" + user + ":") !== 0) storage().removeItem(key);
    });
  }
  queuedKeys().forEach(function (key) {
    var item = read(key);
    if (item) showQueued(queuedForm(item.url), item);
  });
  if (user && !root.getAttribute("data-stored-at")) sendAll();
  window.addEventListener("online", sendAll);
  document.addEventListener("sotay:draft-pending", requestBackgroundSync);
  if (worker) {
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "send-drafts") {
        sendAll();
        document.dispatchEvent(new Event("sotay:send-drafts"));
      }
    });
  }
})();
