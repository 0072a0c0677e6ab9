// Every autosaved text (notes, the commitment, the self-review, the minutes …): one module keeps
// what is typed on the device until the server holds it, and says in words what happened.
//
// The protocol (handbook/editing): a form marked data-editor="<name>" posts itself through htmx
// (hx-swap="none"); each answer is 200 with the status line #<name>-status swapped out of band
// and an HX-Trigger event {"text-saved": {"version": n, "status": "saved" | "unchanged" |
// "conflict" | "error"}}. "saved"/"unchanged": the server holds the text on version n (the
// form's #<name>-version is swapped to n). "conflict": another device had saved first; the
// server keeps this text beside the stored one for the writer to choose, and the form stays
// on the version it was typed on. "error": not saved, the status says why; the text stays.
// An answer without the event (a login page after the session ended) is not a save.
//
// The device copy is "sotay:<user>:<key>" in localStorage: {fields, version, url, title, saved}.
// It is unsent until the server confirms it holds that text; it is then kept marked "saved"
// with the new version, so a page the service worker stored earlier never shows an older text
// than the device has. outbox.js sends the copies of texts not open on the page, and removes
// every "sotay:" key on logout.
(function () {
  "use strict";

  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  function read(key) { try { return JSON.parse(storage().getItem(key) || "null"); } catch (e) { return null; } }
  function put(key, value) {
    try { storage().setItem(key, JSON.stringify(value)); } catch (e) { /* full or disabled: the server copy still works */ }
  }
  function drop(key) { try { storage().removeItem(key); } catch (e) { /* nothing to drop */ } }
  // A copy written before every text had fields held only a note's body.
  function fieldsOf(draft) { return draft.fields || { body: draft.body }; }

  // What the writer typed: every named box of the form (boxes outside it with form="…" too),
  // but not the token, the version, or buttons.
  function typed(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name, type = (element.type || "").toLowerCase();
      if (!name || name === "csrf_token" || name === "version" || element.disabled) return;
      if (type === "submit" || type === "button" || type === "hidden" || type === "file") return;
      if ((type === "checkbox" || type === "radio") && !element.checked) return;
      fields[name] = element.value;
    });
    return fields;
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function fill(form, fields) {
    Object.keys(fields).forEach(function (name) {
      var element = form.elements[name]; // a radio group's RadioNodeList takes a value too
      if (element) element.value = fields[name];
    });
  }

  function setUp(form) {
    var name = form.getAttribute("data-editor"), key = form.getAttribute("data-draft-key");
    var sending = null, inFlight = false, retryTimer = null, answered = null;
    function version() { return document.getElementById(name + "-version"); }
    function say(text, state) {
      var status = document.getElementById(name + "-status");
      if (!status) return;
      status.textContent = text;
      status.setAttribute("data-state", state);
    }
    function draft(fields, saved, at) {
      return { fields: fields, version: at, url: form.action, saved: saved,
               title: form.getAttribute("data-draft-title"), at: Date.now() };
    }
    function keepTyping() { put(key, draft(typed(form), false, version().value)); }
    function unsent() { var copy = read(key); return !!copy && !copy.saved; }
    function save() { window.htmx.trigger(form, "editor:save"); }
    function retryLater() {
      say("Chưa lưu — mất kết nối, sẽ thử lại", "offline");
      document.dispatchEvent(new Event("sotay:draft-pending")); // Background Sync, where there is one
      if (!retryTimer) retryTimer = setInterval(function () { if (navigator.onLine !== false) save(); }, 10000);
    }
    function stopRetry() { if (retryTimer) { clearInterval(retryTimer); retryTimer = null; } }

    // A copy left from an earlier visit (offline, closed tab) goes back in the boxes and is sent,
    // on the version it was typed on, so the server can tell if both texts must be kept.
    var copy = read(key);
    if (copy && copy.saved) {
      // A text the server confirmed after this page was stored: the newer one is shown.
      if (Number(copy.version) > Number(version().value)) { fill(form, fieldsOf(copy)); version().value = copy.version; }
      else if (Number(copy.version) < Number(version().value)) drop(key);
    } else if (copy && (copy.fields || typeof copy.body === "string")) {
      var now = typed(form), left = fieldsOf(copy);
      if (Object.keys(left).some(function (field) { return field in now && now[field] !== left[field]; })) {
        fill(form, left);
        version().value = copy.version;
        say("Chưa lưu — đang gửi bản còn trên máy", "pending");
        setTimeout(save, 0);
      } else drop(key);
    }

    function typing(event) {
      if (!event.target.name || event.target.name === "csrf_token") return;
      keepTyping();
      say("Chưa lưu — đang gõ…", "pending");
    }
    // Boxes outside the form (form="…") send their events to their own parents, not the form.
    document.addEventListener("input", function (event) { if (event.target.form === form) typing(event); });
    document.addEventListener("change", function (event) { if (event.target.form === form) typing(event); });

    form.addEventListener("htmx:beforeRequest", function (event) {
      if (event.detail.elt !== form) return;
      sending = typed(form);
      answered = null;
      inFlight = true;
      say("Đang lưu…", "saving");
    });
    form.addEventListener("text-saved", function (event) {
      answered = event.detail || {};
      var held = read(key);
      if (!held || held.saved) return;
      if (same(fieldsOf(held), sending)) {
        // The server holds this text: as the current one, or kept beside another device's.
        if (answered.status === "conflict") drop(key);
        else if (answered.status !== "error") put(key, draft(sending, true, String(answered.version)));
      } else if (answered.status === "saved" || answered.status === "unchanged") {
        put(key, draft(fieldsOf(held), false, String(answered.version))); // typed meanwhile: on the new version
      }
    });
    // A form that hands the text on (data-after-save="<name>": "Nộp" on the year's papers) goes
    // only once the server holds the text as typed. Pressing it takes the focus from the last
    // field, whose save is then on its way: handed on first, the paper would lack the last
    // words, and their copy on the device could never be sent (the paper no longer changes).
    var handing = null;
    document.addEventListener("submit", function (event) {
      if (event.defaultPrevented || event.target.getAttribute("data-after-save") !== name) return;
      if (!inFlight && !unsent()) return;
      event.preventDefault();
      handing = event.target;
      say("Đang lưu trước khi nộp…", "saving");
      if (!inFlight) save();
    });
    function handOn(saved) {
      if (!handing) return;
      if (!saved) { handing = null; return; } // the status line says why; the writer presses again
      if (unsent()) { save(); return; } // typed while it was on its way: that too, first
      var form = handing;
      handing = null;
      form.submit(); // no submit event: this listener has had its say
    }

    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.elt !== form) return;
      var xhr = event.detail.xhr;
      inFlight = false;
      if (!xhr || xhr.status === 0 || xhr.status >= 500) { handOn(false); retryLater(); return; }
      stopRetry();
      if (!event.detail.successful) {
        say("Chưa lưu — máy chủ không nhận (mã " + xhr.status + "). Chữ vẫn giữ trên máy; xin tải lại trang.", "error");
      } else if (!answered) {
        say("Chưa lưu — phiên đăng nhập đã hết. Chữ vẫn giữ trên máy; xin đăng nhập lại.", "error");
      } else if (answered.status === "saved" || answered.status === "unchanged") {
        if (!same(typed(form), sending)) say("Chưa lưu — đang gõ…", "pending");
        handOn(true);
        return;
      }
      handOn(false);
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

  // The note's "insert heading" buttons: a heading on a line of its own where the cursor is.
  function headings() {
    document.querySelectorAll("[data-note-heading]").forEach(function (button) {
      var box = document.getElementById("note-body");
      if (!box) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var start = box.selectionStart, end = box.selectionEnd, before = box.value.slice(0, start);
        var lead = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
        var piece = lead + button.getAttribute("data-note-heading") + "\n";
        box.value = before + piece + box.value.slice(end);
        box.focus();
        box.selectionStart = box.selectionEnd = start + piece.length;
        box.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  }

  function init() {
    if (!window.htmx) return;
    document.querySelectorAll("form[data-editor]").forEach(setUp);
    headings();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
