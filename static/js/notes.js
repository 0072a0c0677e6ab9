// The note editor: keeps a copy of unsent text on the device, autosaves through htmx,
// says whether the text is saved, and sends the copy again when the connection returns.
// The device copy ("sotay:<user>:<note>") stays unsent until the server confirms it holds that
// text; it is then kept marked "saved" with the new version, so a page the service worker
// stored earlier never shows an older text than the device has. outbox.js sends other notes'
// unsent copies, and removes every "sotay:" key on logout.
(function () {
  "use strict";
  var form, box, version, key, sending = null, inFlight = false, retryTimer = null;

  function readDraft() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function writeDraft() {
    try {
      localStorage.setItem(key, JSON.stringify({ body: box.value, version: version().value, url: form.action,
                                                 title: form.getAttribute("data-draft-title"), at: Date.now() }));
    } catch (e) { /* storage full or disabled: the server copy still works */ }
  }
  function unsent() { var draft = readDraft(); return !!draft && !draft.saved; }
  function dropDraft() { try { localStorage.removeItem(key); } catch (e) { /* nothing to drop */ } }
  function keepSaved(body, savedVersion) {
    try {
      localStorage.setItem(key, JSON.stringify({ body: body, version: savedVersion, url: form.action, saved: true,
                                                 title: form.getAttribute("data-draft-title"), at: Date.now() }));
    } catch (e) { /* storage full or disabled: the server holds it */ }
  }

  function say(text, state) {
    var status = document.getElementById("note-status");
    status.textContent = text;
    status.setAttribute("data-state", state);
  }
  function save() { window.htmx.trigger(form, "notes:save"); }

  function retryLater() {
    say("Chưa lưu — mất kết nối, sẽ thử lại", "offline");
    document.dispatchEvent(new Event("sotay:draft-pending")); // Background Sync, where there is one
    if (!retryTimer) {
      retryTimer = setInterval(function () { if (navigator.onLine !== false) save(); }, 10000);
    }
  }
  function stopRetry() { if (retryTimer) { clearInterval(retryTimer); retryTimer = null; } }

  function insertHeading(text) {
    var start = box.selectionStart, end = box.selectionEnd, before = box.value.slice(0, start);
    var lead = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    var piece = lead + text + "\n";
    box.value = before + piece + box.value.slice(end);
    box.focus();
    box.selectionStart = box.selectionEnd = start + piece.length;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function init() {
    form = document.getElementById("note-form");
    if (!form || !window.htmx) return;
    key = form.getAttribute("data-draft-key");
    box = document.getElementById("note-body");
    version = function () { return document.getElementById("note-version"); };

    // A copy left from an earlier visit (offline, closed tab) goes back in the box and is sent,
    // based on the version it was typed on, so the server can tell if both must be kept.
    var draft = readDraft();
    if (draft && draft.saved) {
      // A text the server confirmed after this page was stored: the newer one is shown.
      if (Number(draft.version) > Number(version().value)) {
        box.value = draft.body;
        version().value = draft.version;
      } else if (Number(draft.version) < Number(version().value)) { dropDraft(); }
    } else if (draft && typeof draft.body === "string") {
      if (draft.body !== box.value) {
        box.value = draft.body;
        version().value = draft.version;
        say("Chưa lưu — đang gửi bản còn trên máy", "pending");
        setTimeout(save, 0);
      } else { dropDraft(); }
    }

    document.querySelectorAll("[data-note-heading]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { insertHeading(button.getAttribute("data-note-heading")); });
    });

    form.addEventListener("input", function (event) {
      if (event.target.id === "note-body") { writeDraft(); say("Chưa lưu — đang gõ…", "pending"); }
    });
    form.addEventListener("htmx:beforeRequest", function () {
      sending = box.value;
      inFlight = true;
      say("Đang lưu…", "saving");
    });
    form.addEventListener("htmx:afterRequest", function (event) {
      var xhr = event.detail.xhr;
      inFlight = false;
      if (!xhr || xhr.status === 0 || xhr.status >= 500) { retryLater(); return; }
      stopRetry();
      if (!event.detail.successful) {
        say("Chưa lưu — máy chủ không nhận (mã " + xhr.status + "). Chữ vẫn giữ trên máy; xin tải lại trang.", "error");
        return;
      }
      box = document.getElementById("note-body"); // replaced on a conflict
      var state = document.getElementById("note-status").getAttribute("data-state");
      if (xhr.getResponseHeader("X-Note-Saved") !== "1" && state === "saving") {
        // Answered by something else, e.g. the login page after the session ended.
        say("Chưa lưu — phiên đăng nhập đã hết. Chữ vẫn giữ trên máy; xin đăng nhập lại.", "error");
        return;
      }
      if (xhr.getResponseHeader("X-Note-Saved") === "1") {
        var draft = readDraft();
        if (draft && !draft.saved && draft.body === sending) {
          if (xhr.getResponseHeader("X-Note-Status") === "conflict") dropDraft(); // both texts are in the box
          else keepSaved(sending, xhr.getResponseHeader("X-Note-Version"));
        } else if (draft && !draft.saved) { writeDraft(); } // more was typed meanwhile: keep it, on the new version
      }
      if (xhr.getResponseHeader("X-Note-Saved") === "1" && box.value !== sending &&
          document.getElementById("note-status").getAttribute("data-state") === "saved") {
        say("Chưa lưu — đang gõ…", "pending");
      }
    });
    form.addEventListener("htmx:sendError", retryLater);
    window.addEventListener("online", save);
    document.addEventListener("sotay:send-drafts", function () { if (unsent()) save(); });
    window.addEventListener("offline", function () { if (unsent()) retryLater(); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && unsent()) save();
    });
    window.addEventListener("pagehide", function () {
      // The tab may be gone before an answer arrives; the device copy stays until confirmed.
      if (!inFlight && unsent() && navigator.sendBeacon) navigator.sendBeacon(form.action, new FormData(form));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
