// Reader: remember the article the member is reading, so the next visit offers "Đọc tiếp".
(function () {
  "use strict";
  var reader = document.querySelector(".reader[data-position-url]");
  if (!reader || !("IntersectionObserver" in window)) return;
  var url = reader.getAttribute("data-position-url");
  var token = (JSON.parse(document.body.getAttribute("hx-headers") || "{}") || {})["X-CSRFToken"] || "";
  var current = null, sent = null, timer = null;
  function send() {
    if (!current || current === sent) return;
    sent = current;
    var body = new URLSearchParams({ anchor: current, csrf_token: token });
    fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRFToken": token } })
      .catch(function () { sent = null; });
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) current = entry.target.id;
    });
    clearTimeout(timer);
    timer = setTimeout(send, 1500);
  }, { rootMargin: "0px 0px -70% 0px" });
  reader.querySelectorAll("[data-anchor]").forEach(function (el) { observer.observe(el); });
})();
