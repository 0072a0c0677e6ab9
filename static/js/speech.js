// Read aloud ("Nghe đọc"): the phone's own Vietnamese voice through the browser's speech
// synthesis — nothing leaves the phone. Each [data-speak] block names what it reads
// (a CSS selector); the reader's own tools inside that element are left out. Pause, resume,
// slower and faster; a plain message when the phone has no Vietnamese voice.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var RATES = [0.6, 0.75, 0.9, 1, 1.15, 1.3];
  var rateIndex = 2; // a little slower than the voice's default: easier to follow
  var current = null; // the [data-speak] block now reading

  function say(block, text) { block.querySelector(".speak-status").textContent = text; }

  function vietnameseVoice() {
    var voices = synth ? synth.getVoices() : [];
    for (var i = 0; i < voices.length; i++) {
      if (/^vi([-_]|$)/i.test(voices[i].lang)) return voices[i];
    }
    return null;
  }

  // Voices arrive late on some phones: wait for them a moment before saying there is none.
  function withVoice(callback) {
    var voice = vietnameseVoice();
    if (voice || !synth) { callback(voice); return; }
    var done = false;
    function finish() { if (!done) { done = true; callback(vietnameseVoice()); } }
    synth.addEventListener("voiceschanged", finish, { once: true });
    setTimeout(finish, 1500);
  }

  function textOf(block) {
    var source = document.querySelector(block.getAttribute("data-speak"));
    if (!source) return "";
    if ("value" in source && source.tagName === "TEXTAREA") return source.value;
    var copy = source.cloneNode(true);
    copy.querySelectorAll(".speak, .sec-tools, [data-speak-skip], button, script").forEach(function (el) {
      el.remove();
    });
    return copy.innerText || copy.textContent || "";
  }

  // Long texts are read sentence by sentence: some engines stop a long utterance midway.
  function pieces(text) {
    return (text.match(/[^.!?;:…\n]+[.!?;:…]*/g) || []).map(function (p) { return p.trim(); })
      .filter(function (p) { return p.length > 0; });
  }

  function show(block, reading) {
    block.querySelector(".speak-controls").hidden = !reading;
    block.querySelector("[data-speak-action=start]").hidden = reading;
  }

  function stop() {
    if (synth) synth.cancel();
    if (current) { show(current, false); current = null; }
  }

  function start(block) {
    stop();
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
      say(block, "Trình duyệt trên máy này không đọc được văn bản thành tiếng.");
      return;
    }
    var text = textOf(block);
    if (!text.trim()) { say(block, "Chưa có chữ nào để đọc."); return; }
    say(block, "Đang tìm giọng đọc tiếng Việt…");
    withVoice(function (voice) {
      if (!voice) {
        say(block, "Điện thoại này chưa có giọng đọc tiếng Việt. Có thể cài thêm trong phần Cài đặt của máy " +
            "(Ngôn ngữ → Chuyển văn bản thành giọng nói), rồi bấm Nghe đọc lần nữa.");
        return;
      }
      current = block;
      show(block, true);
      var list = pieces(text);
      list.forEach(function (piece, index) {
        var utterance = new SpeechSynthesisUtterance(piece);
        utterance.lang = "vi-VN";
        utterance.voice = voice;
        utterance.rate = RATES[rateIndex];
        if (index === list.length - 1) {
          utterance.onend = function () { if (current === block) { say(block, "Đã đọc xong."); show(block, false); current = null; } };
        }
        synth.speak(utterance);
      });
      say(block, "Đang đọc.");
    });
  }

  function changeRate(block, step) {
    var next = Math.min(RATES.length - 1, Math.max(0, rateIndex + step));
    if (next === rateIndex) { say(block, step < 0 ? "Đã chậm nhất." : "Đã nhanh nhất."); return; }
    rateIndex = next;
    // A new speed takes effect on what is still to be read: start again from the top.
    say(block, step < 0 ? "Đọc chậm hơn." : "Đọc nhanh hơn.");
    start(block);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-speak-action]");
    if (!button) return;
    var block = button.closest("[data-speak]");
    var action = button.getAttribute("data-speak-action");
    if (action === "start") start(block);
    else if (action === "pause" && synth) { synth.pause(); say(block, "Đã tạm dừng."); }
    else if (action === "resume" && synth) { synth.resume(); say(block, "Đang đọc."); }
    else if (action === "slower") changeRate(block, -1);
    else if (action === "faster") changeRate(block, 1);
    else if (action === "stop") { stop(); say(block, "Đã dừng."); }
  });

  function reveal(root) {
    (root || document).querySelectorAll("[data-speak][hidden]").forEach(function (block) { block.hidden = false; });
  }
  window.addEventListener("pagehide", stop);
  document.addEventListener("htmx:afterSwap", function (event) { reveal(event.target); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { reveal(); });
  else reveal();
})();
