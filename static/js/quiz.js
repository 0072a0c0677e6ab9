// The quiz page: counts down from the seconds the server says are left (a reload asks the
// server again, so it never gives more time), hands the attempt in when they run out, and keeps
// an answer that could not be sent on the device, sending it again when the connection returns.
// Pending answers are "sotay:<user>:quiz-<attempt>" in localStorage ({position: [letters]}),
// removed once the server confirms them; app.js removes every "sotay:" key at logout.
(function () {
  "use strict";
  var clock = document.getElementById("quiz-clock");
  var form = document.getElementById("quiz-form");
  if (!clock || !form) return;
  var key = form.getAttribute("data-device-copy");
  var endsAt = performance.now() + Number(clock.getAttribute("data-remaining")) * 1000;
  var handedIn = false, retryTimer = null;

  function say(text) {
    var status = document.getElementById("quiz-status");
    status.textContent = text;
    status.hidden = !text;
  }

  // ---- the clock -------------------------------------------------------------------

  function show(seconds) {
    var minutes = Math.floor(seconds / 60), rest = seconds % 60;
    clock.textContent = minutes + ":" + (rest < 10 ? "0" : "") + rest;
    clock.classList.toggle("urgent", seconds <= 60);
  }
  function tick() {
    var left = Math.max(0, Math.round((endsAt - performance.now()) / 1000));
    show(left);
    if (left === 0 && !handedIn) {
      handedIn = true;
      say("Hết giờ làm bài: đang nộp bài với các câu đã chọn…");
      form.submit();
    }
  }
  // Every saved answer brings the server's own count, so a phone that slept catches up.
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var left = event.detail.xhr && event.detail.xhr.getResponseHeader("X-Quiz-Remaining");
    if (left !== null && left !== undefined && left !== "") endsAt = performance.now() + Number(left) * 1000;
  });

  // ---- answers not yet on the server ----------------------------------------------------

  function pending() {
    try { return JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { return {}; }
  }
  function keep(list) {
    try {
      if (Object.keys(list).length) localStorage.setItem(key, JSON.stringify(list));
      else localStorage.removeItem(key);
    } catch (e) { /* storage full or disabled: the page still holds the choice */ }
  }
  function letters(fieldset) {
    return Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (input) {
      return input.value;
    });
  }
  function fieldsetOf(event) {
    var element = event.detail.elt;
    return element && element.matches && element.matches("fieldset.question") ? element : null;
  }
  function resend() {
    var list = pending();
    Object.keys(list).forEach(function (position) {
      var fieldset = document.getElementById("cau-" + position);
      if (fieldset && window.htmx) window.htmx.trigger(fieldset, "change");
    });
    if (!Object.keys(list).length && retryTimer) { clearInterval(retryTimer); retryTimer = null; }
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (!fieldset) return;
    var list = pending();
    list[fieldset.getAttribute("data-position")] = letters(fieldset);
    keep(list);
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var fieldset = fieldsetOf(event);
    if (!fieldset) return;
    var position = fieldset.getAttribute("data-position");
    if (event.detail.successful) {
      var list = pending();
      if (JSON.stringify(list[position]) === JSON.stringify(letters(fieldset))) delete list[position];
      keep(list);
    } else if (!event.detail.xhr || !event.detail.xhr.status || event.detail.xhr.status >= 500) {
      document.getElementById("luu-" + position).textContent = "Chưa lưu được (mất kết nối?): sẽ tự gửi lại.";
      if (!retryTimer) retryTimer = setInterval(function () { if (navigator.onLine !== false) resend(); }, 10000);
    }
  });
  // A refusal (a choice the page should not have sent) is said where the answer was made.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    if (fieldsetOf(event) && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  window.addEventListener("online", resend);

  // Answers chosen while the connection was down, then the page reloaded: put them back and send.
  function restore() {
    var list = pending();
    Object.keys(list).forEach(function (position) {
      var fieldset = document.getElementById("cau-" + position);
      if (!fieldset) { delete list[position]; return; }
      fieldset.querySelectorAll("input").forEach(function (input) {
        input.checked = list[position].indexOf(input.value) >= 0;
      });
    });
    keep(list);
    resend();
  }

  show(Math.max(0, Math.round((endsAt - performance.now()) / 1000)));
  setInterval(tick, 1000);
  window.addEventListener("load", restore); // once htmx has taken up the page's attributes
})();
