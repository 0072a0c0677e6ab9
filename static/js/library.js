// Reader: find an anchor that lives on another page, keep in-page links in the page, and
// remember the article the member is reading, so the next visit offers "Đọc tiếp".
(function () {
  "use strict";
  var reader = document.querySelector(".reader[data-reader-url]");
  if (!reader) return;

  // Links elsewhere in the app say /library/<slug>#<anchor>; the reader shows one page at a
  // time, so an anchor not on this page is asked of the server (?muc=), which knows its page.
  function findAnchor() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    if (new URLSearchParams(location.search).get("muc") === id) return; // unknown to the server too
    location.replace(reader.getAttribute("data-reader-url") + "?muc=" + encodeURIComponent(id) + "#" +
                     encodeURIComponent(id));
  }
  findAnchor();
  window.addEventListener("hashchange", findAnchor);

  // "?trang=N#a" links (contents, previous/next article) stay in the page once page N is appended.
  reader.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='?trang='][href*='#']");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var id = decodeURIComponent(link.getAttribute("href").split("#")[1]);
    if (!document.getElementById(id)) return;
    event.preventDefault();
    location.hash = id;
  });

  if (!("IntersectionObserver" in window)) return;
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
  function watch(root) {
    if (root.matches && root.matches("[data-anchor]")) observer.observe(root);
    if (root.querySelectorAll) root.querySelectorAll("[data-anchor]").forEach(function (el) { observer.observe(el); });
  }
  watch(reader);
  // Pages appended by htmx as the member scrolls on.
  document.body.addEventListener("htmx:load", function (event) { watch(event.detail.elt); });
})();
