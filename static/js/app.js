// Small behaviours shared by every page. htmx does the requests; this file only adds
// what HTML attributes cannot say.
//
// Offline use, the page's side: registers the service worker (static/js/sw.js, served at
// /sw.js), asks it to keep the member's pack, says when a page comes from the phone's copy,
// sends notes' drafts left on the device, forgets this account's copies at logout, offers
// installation, and lists on the offline page what the phone holds.
// Drafts are "sotay:<user>:<note>" in localStorage: {body, version, url, saved}. notes.js
// writes them; a draft is unsent until the server confirms it, then kept as "saved" so a
// stored page never shows an older text than the device has.
(function () {
  "use strict";
  var root = document.documentElement;
  var account = root.getAttribute("data-offline-account");
  var user = root.getAttribute("data-offline-user");
  var worker = "serviceWorker" in navigator ? navigator.serviceWorker : null;

  // ---- drafts ------------------------------------------------------------------------

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
  function openNoteKey() {
    var form = document.getElementById("note-form");
    return form ? form.getAttribute("data-draft-key") : null; // notes.js sends that one itself
  }

  function unsentDrafts() {
    if (!user) return [];
    return keys("sotay:" + user + ":").filter(function (key) {
      var draft = read(key);
      return key !== openNoteKey() && draft && !draft.saved && draft.url && typeof draft.body === "string";
    });
  }

  function sendDraft(key) {
    var draft = read(key), token = csrfToken();
    var body = new URLSearchParams({ body: draft.body, version: String(draft.version || 0), csrf_token: token });
    return fetch(draft.url, { method: "POST", body: body, credentials: "same-origin",
                              headers: { "HX-Request": "true", "X-CSRFToken": token } })
      .then(function (response) {
        if (response.headers.get("X-Note-Saved") !== "1") return false;
        var now = read(key);
        if (now && now.body === draft.body) {
          if (response.headers.get("X-Note-Status") === "conflict") {
            storage().removeItem(key); // the server keeps both texts; the note's history shows them
          } else {
            storage().setItem(key, JSON.stringify({ body: draft.body, version: response.headers.get("X-Note-Version"),
                                                    url: draft.url, saved: true, at: Date.now() }));
          }
        }
        return true;
      }, function () { return false; });
  }

  // Resolves to the number of drafts still unsent.
  function sendDrafts() {
    var pending = unsentDrafts();
    if (!pending.length) return Promise.resolve(0);
    return Promise.all(pending.map(sendDraft)).then(function (results) {
      var left = results.filter(function (sent) { return !sent; }).length;
      if (left) requestBackgroundSync();
      return left;
    });
  }

  function requestBackgroundSync() {
    if (!worker) return;
    worker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register("sotay-notes");
      return null;
    }).catch(function () { /* no Background Sync here: sent on reconnect or next open */ });
  }

  // Another account's device copies never stay beside this one's.
  function dropOtherAccounts() {
    if (!user) return;
    keys("sotay:").forEach(function (key) {
      if (key.indexOf("sotay:" + user + ":") !== 0) storage().removeItem(key);
    });
  }

  // ---- the worker and the pack -------------------------------------------------------

  function ask(message) {
    return worker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function cannotKeep() {
    root.setAttribute("data-offline-pack", "failed");
    var notice = document.getElementById("offline-notice");
    if (notice) notice.hidden = false;
  }

  // The worker answers "ready", "none" (nobody logged in), or "failed" with the error's name:
  // storage refused (full, private browsing) is said once on the page; a network that is
  // only just back is tried again a little later.
  var STORAGE_ERRORS = ["QuotaExceededError", "SecurityError", "InvalidStateError"];
  function syncPack(force, attempt) {
    if (!account) return;
    if (!worker || !window.caches) { cannotKeep(); return; }
    attempt = attempt || 1;
    root.setAttribute("data-offline-pack", "syncing");
    ask({ type: "sync", force: !!force }).then(function (answer) {
      answer = answer || { state: "none" };
      if (answer.state === "ready" && answer.account === account) {
        root.setAttribute("data-offline-pack-at", String(answer.storedAt));
        root.setAttribute("data-offline-pack", "ready");
      } else if (answer.state === "failed" && STORAGE_ERRORS.indexOf(answer.reason) >= 0) {
        cannotKeep();
      } else if (answer.state === "failed" && attempt < 4) {
        setTimeout(function () { syncPack(true, attempt + 1); }, 1500 * attempt);
      } else {
        root.setAttribute("data-offline-pack", answer.state);
      }
    });
  }

  function forgetDevice() {
    keys("sotay:").forEach(function (key) { storage().removeItem(key); });
    try {
      // htmx keeps snapshots of visited pages for Back; they hold this member's pages.
      localStorage.removeItem("htmx-history-cache");
      sessionStorage.removeItem("htmx-history-cache");
    } catch (e) { /* storage disabled: nothing to clear */ }
    var jobs = [];
    if (window.caches) {
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name.indexOf("sotay-pages-") === 0; })
          .map(function (name) { return caches.delete(name); }));
      }));
    }
    if (worker && worker.controller) jobs.push(ask({ type: "forget" }));
    return Promise.all(jobs).catch(function () { /* nothing stored */ });
  }

  // ---- logout: send what is unsent, or ask before it is lost -------------------------

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-logout]")) return;
    event.preventDefault();
    sendDrafts().then(function (left) {
      if (left && !window.confirm("Còn " + left + " ghi chép chưa gửi được lên máy chủ (có thể do mất mạng). " +
                                  "Nếu đăng xuất bây giờ, phần chưa gửi sẽ bị xóa khỏi máy này và mất hẳn. " +
                                  "Vẫn đăng xuất?")) return;
      forgetDevice().then(function () { form.submit(); });
    });
  });

  // ---- what the page says --------------------------------------------------------------

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function storedAtText(ms) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit",
                                       day: "2-digit", month: "2-digit", hour12: false })
      .formatToParts(new Date(ms)).forEach(function (part) { parts[part.type] = part.value; });
    return parts.hour + ":" + parts.minute + ", " + parts.day + "/" + parts.month;
  }

  function showStoredBanner() {
    var at = Number(root.getAttribute("data-stored-at"));
    var banner = document.getElementById("offline-banner");
    if (!at || !banner) return;
    banner.textContent = "Đang dùng bản lưu trên máy lúc " + storedAtText(at) + " — có thể chưa phải bản mới nhất";
    banner.hidden = false;
  }

  var KIND_LABELS = { home: "Trang chủ", account: "Tài khoản", meeting: "Buổi họp", note: "Ghi chép",
                      document: "Văn bản" };

  function listStoredPack() {
    var list = document.getElementById("offline-pack-list");
    if (!list || !window.caches) return;
    caches.keys().then(function (names) {
      var name = names.filter(function (n) { return n.indexOf("sotay-pages-") === 0; })[0];
      if (!name) return null;
      return caches.open(name).then(function (cache) { return cache.match(list.getAttribute("data-pack-url")); });
    }).then(function (hit) { return hit ? hit.json() : null; }).then(function (pack) {
      if (!pack) return;
      pack.entries.forEach(function (entry) {
        if (!KIND_LABELS[entry.kind]) return; // further pages of a document open from its first
        var item = document.createElement("li"), link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.title;
        item.appendChild(document.createTextNode(KIND_LABELS[entry.kind] + ": "));
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = false;
      document.getElementById("offline-pack-empty").hidden = true;
    }).catch(function () { /* nothing readable: the empty message stays */ });
  }

  // "Cài đặt ứng dụng" only where the browser offers it, only on pages that hold the hint.
  var installPrompt = null;
  window.addEventListener("beforeinstallprompt", function (event) {
    var hint = document.getElementById("install-hint");
    if (!hint) return;
    event.preventDefault();
    installPrompt = event;
    hint.hidden = false;
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("#install-button") || !installPrompt) return;
    installPrompt.prompt();
    installPrompt = null;
    document.getElementById("install-hint").hidden = true;
  });
  window.addEventListener("appinstalled", function () {
    var hint = document.getElementById("install-hint");
    if (hint) hint.hidden = true;
  });

  // ---- start -------------------------------------------------------------------------

  showStoredBanner();
  listStoredPack();
  dropOtherAccounts();
  if (worker) {
    worker.register("/sw.js", { scope: "/" }).catch(function () { if (account) cannotKeep(); });
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "send-drafts") {
        sendDrafts();
        document.dispatchEvent(new Event("sotay:send-drafts"));
      }
    });
  }
  if (account && !root.getAttribute("data-stored-at")) {
    syncPack(false);
    sendDrafts();
  }
  window.addEventListener("online", function () { sendDrafts(); syncPack(true); });
  document.addEventListener("sotay:draft-pending", requestBackgroundSync);
  document.body.addEventListener("sotay:pack-changed", function () { syncPack(true); });
})();

// "Sao chép" buttons ([data-copy] names the field to copy): shown only where the phone can copy.
(function () {
  "use strict";
  function init() {
    if (!navigator.clipboard) return;
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var field = document.querySelector(button.getAttribute("data-copy"));
        var status = button.closest("section").querySelector(".copy-status");
        navigator.clipboard.writeText(field.value).then(function () {
          status.textContent = "Đã sao chép địa chỉ.";
        }, function () {
          field.select();
          status.textContent = "Chưa sao chép được: địa chỉ đã được chọn sẵn, xin giữ ngón tay lên đó và chọn Sao chép.";
        });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
