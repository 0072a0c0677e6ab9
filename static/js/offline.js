// The offline page (templates/offline/offline.html): lists what this phone holds for the member
// logged in on it, grouped as meetings, notes, documents and other pages, from the pack the
// worker stored. Shown for a bottom tab (Lịch họp, Ghi chép, Thư viện) it is that tab's list
// on the phone; shown for a form the worker could not send, it says nothing was sent.
(function () {
  "use strict";
  var root = document.documentElement;
  var list = document.getElementById("offline-pack-list");
  if (!list) return;
  var path = root.getAttribute("data-offline-path") || "";
  var kinds = JSON.parse(document.getElementById("offline-pack").getAttribute("data-tab-kinds"));
  var tab = kinds[path.split("?")[0]] || null;
  var GROUP = { home: "other", account: "other", meeting: "meeting", note: "note", document: "document" };
  var TABS = { meeting: ["Lịch họp trên máy", "Không có mạng: đây là các buổi họp đã lưu trên máy này.",
                         "Chưa có buổi họp nào được lưu trên máy này."],
               note: ["Ghi chép trên máy", "Không có mạng: đây là các ghi chép đã lưu trên máy này; " +
                      "chữ gõ thêm được giữ trên máy và gửi khi có sóng.", "Chưa có ghi chép nào được lưu trên máy này."],
               document: ["Văn bản trên máy", "Không có mạng: đây là các văn bản đã lưu trên máy này.",
                          "Chưa có văn bản nào được lưu trên máy này."] };

  function text(id, words) { document.getElementById(id).textContent = words; }

  if (root.getAttribute("data-offline-post")) {
    document.getElementById("offline-post").hidden = false;
    text("offline-title", "Chưa gửi được");
    document.getElementById("offline-why").hidden = true;
  } else if (tab) {
    text("offline-title", TABS[tab][0]);
    text("offline-why", TABS[tab][1]);
    text("offline-pack-empty", TABS[tab][2]);
    document.getElementById("offline-pack-title").hidden = true;
    var current = document.querySelector('.mainnav a[href="' + path.split("?")[0] + '"]');
    if (current) current.setAttribute("aria-current", "page");
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-go-back]")) history.back();
  });

  if (!window.caches) return;
  caches.keys().then(function (names) {
    var name = names.filter(function (n) { return n.indexOf("sotay-pages-") === 0; })[0];
    if (!name) return null;
    return caches.open(name).then(function (cache) { return cache.match(list.getAttribute("data-pack-url")); });
  }).then(function (hit) { return hit ? hit.json() : null; }).then(function (pack) {
    if (!pack) return;
    var shown = 0;
    pack.entries.forEach(function (entry) {
      var group = GROUP[entry.kind]; // further pages of a document open from its first
      if (!group || (tab && group !== tab)) return;
      var section = list.querySelector('[data-kind="' + group + '"]');
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = entry.url;
      link.className = "tap";
      link.textContent = entry.title;
      item.appendChild(link);
      section.querySelector("ul").appendChild(item);
      section.querySelector("h3").hidden = !!tab; // the page's title already names the tab's kind
      section.hidden = false;
      shown += 1;
    });
    if (!shown) return;
    list.hidden = false;
    document.getElementById("offline-pack-empty").hidden = true;
  }).catch(function () { /* nothing readable: the empty message stays */ });
})();
