// Small behaviours shared by every page. htmx does the requests; this file only adds
// what HTML attributes cannot say.
//
// Offline use, the page's side: registers the service worker (static/js/sw.js, served at
// /sw.js) and asks it to keep the member's pack; says when there is no signal or the page is
// the phone's copy; draws the text size the device keeps (A−/A+ work without the server); says
// plainly when a tap needs a connection; offers installation. outbox.js holds what waits to be
// sent (drafts, queued answers), logout.js logging out, offline.js the offline page's lists.
(function () {
  "use strict";
  var root = document.documentElement;
  var account = root.getAttribute("data-offline-account");
  var worker = "serviceWorker" in navigator ? navigator.serviceWorker : null;

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

  // ---- the banner: no signal, or a copy from the phone -------------------------------

  function storedAtText(ms) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit",
                                       day: "2-digit", month: "2-digit", hour12: false })
      .formatToParts(new Date(ms)).forEach(function (part) { parts[part.type] = part.value; });
    return parts.hour + ":" + parts.minute + ", " + parts.day + "/" + parts.month;
  }

  // Said while there is no signal, and gone when it returns; a copy the phone showed because the
  // network was slow says so while it is on screen. The offline page says it itself.
  var storedAt = Number(root.getAttribute("data-stored-at"));
  var slowCopy = storedAt && navigator.onLine !== false;
  function showBanner() {
    var banner = document.getElementById("offline-banner");
    if (!banner || root.hasAttribute("data-offline-path")) return;
    var offline = navigator.onLine === false, copy = storedAt ? "bản lưu trên máy lúc " + storedAtText(storedAt) : "";
    if (offline) banner.textContent = "Không có mạng" + (copy ? " — đang xem " + copy : "") + ".";
    else if (slowCopy) banner.textContent = "Mạng chậm — đang xem " + copy + ", có thể chưa phải bản mới nhất.";
    banner.hidden = !(offline || slowCopy);
  }

  // ---- text size: a setting of this device -----------------------------------------

  // A−/A+ draw the new size at once and keep it on the device (the cookie the server reads),
  // with or without signal; the account is told when there is signal, to remember it for a
  // device with no size of its own. Until then it waits as "sotay:<user>:text".
  var user = root.getAttribute("data-offline-user");
  var TEXT_KEY = "sotay:" + user + ":text";
  function textStep() { var found = /(?:^|\s)fs-(-?\d)/.exec(root.className); return found ? Number(found[1]) : 0; }
  function drawStep(step) { root.className = root.className.replace(/(^|\s)fs--?\d/, "$1fs-" + step); }
  function deviceStep() { var found = /(?:^|;\s*)sotay_text=(-?\d)/.exec(document.cookie); return found && Number(found[1]); }
  // One at a time, the latest last: three quick taps on A+ must leave the account at the third
  // size, whatever order the server would have taken three requests in.
  var sendingStep = false;
  function sendStep() {
    var form = document.querySelector("form.fontsize"), step = null;
    try { step = localStorage.getItem(TEXT_KEY); } catch (e) { return; }
    if (sendingStep || !user || step === null || !form || navigator.onLine === false) return;
    var token = form.elements.csrf_token.value;
    sendingStep = true;
    fetch(form.action, { method: "POST", credentials: "same-origin", body: new URLSearchParams({ step: step, csrf_token: token }),
                         headers: { "HX-Request": "true", "X-CSRFToken": token } })
      .then(function (response) {
        sendingStep = false;
        if (!response.ok) return;
        if (localStorage.getItem(TEXT_KEY) === step) localStorage.removeItem(TEXT_KEY);
        else sendStep(); // chosen again while this one was on its way
      }, function () { sendingStep = false; /* sent when the signal returns */ });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("form.fontsize button[name=change]");
    if (!button) return;
    event.preventDefault();
    var step = Math.min(3, Math.max(-1, textStep() + (button.value === "up" ? 1 : -1)));
    drawStep(step);
    document.cookie = "sotay_text=" + step + "; path=/; max-age=31536000; samesite=lax" +
                      (location.protocol === "https:" ? "; secure" : "");
    try { if (user) localStorage.setItem(TEXT_KEY, String(step)); } catch (e) { /* the cookie keeps it */ }
    sendStep();
  });

  // ---- what a tap says without signal ----------------------------------------------

  var NEEDS_SIGNAL = "Chưa gửi được — việc này cần có mạng. Những gì đồng chí đã chọn, đã nhập vẫn còn trên trang; " +
                     "khi có sóng, xin bấm lại.";
  var NEEDS_SIGNAL_TO_OPEN = "Chưa mở được — cần có mạng. Khi có sóng, xin thử lại.";
  // Beside the form or link (or where data-offline-status says), until it next succeeds.
  function sayNeedsSignal(element, text) {
    var named = element.getAttribute("data-offline-status"), where = named && document.querySelector(named);
    if (!where) {
      where = element.nextElementSibling;
      if (!where || !where.classList.contains("needs-signal")) {
        where = document.createElement("p");
        where.className = "needs-signal";
        where.setAttribute("role", "alert");
        element.insertAdjacentElement("afterend", where);
      }
    }
    where.textContent = element.getAttribute("data-offline-needs") || text;
  }
  // htmx: a form that queues its answer (outbox.js), every autosaved text (editor.js) and the quiz's answers say
  // it themselves; a request repeated on a timer says nothing.
  document.addEventListener("htmx:sendError", function (event) {
    var element = event.detail.elt, config = event.detail.requestConfig || {};
    if (!element.closest || element.closest('[data-offline="queue"], [data-editor], [data-device-copy]')) return;
    if (/\bevery\b/.test(element.getAttribute("hx-trigger") || "")) return;
    sayNeedsSignal(element, config.verb === "get" ? NEEDS_SIGNAL_TO_OPEN : NEEDS_SIGNAL);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var next = event.detail.successful && event.detail.elt.nextElementSibling;
    if (next && next.classList.contains("needs-signal")) next.remove();
  });
  // A plain form without signal stays on its page and says so (the worker answers one that
  // still fails with the app's own page).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || navigator.onLine !== false || form.matches('[data-logout], [method="dialog"]')) return;
    event.preventDefault();
    sayNeedsSignal(form, (form.method || "get").toLowerCase() === "get" ? NEEDS_SIGNAL_TO_OPEN : NEEDS_SIGNAL);
  });

  // ---- start -------------------------------------------------------------------------

  showBanner();
  if (deviceStep() !== null && deviceStep() !== textStep()) drawStep(deviceStep()); // a copy drawn at another size
  if (worker) worker.register("/sw.js", { scope: "/" }).catch(function () { if (account) cannotKeep(); });
  if (account && !root.getAttribute("data-stored-at")) { syncPack(false); sendStep(); }
  window.addEventListener("online", function () { showBanner(); syncPack(true); sendStep(); });
  window.addEventListener("offline", showBanner);
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
