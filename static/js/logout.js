// Logging out (the account page's form marked data-logout): what this device holds unsent is
// sent first (js/outbox.js); what still cannot go is named in the app's own dialog, and the
// member chooses to stay or to lose it. Then the device forgets this account: its drafts and
// queued answers, htmx's page snapshots, the worker's copies of its pages (the server's answer
// also clears the site's storage).
(function () {
  "use strict";
  var worker = "serviceWorker" in navigator ? navigator.serviceWorker : null;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  // Resolves true when the member still chooses to log out.
  function confirmLoss(names) {
    var dialog = element("dialog", { "class": "confirm", "aria-labelledby": "unsent-title" });
    dialog.appendChild(element("h2", { id: "unsent-title" }, "Còn " + names.length + " phần chưa gửi được"));
    dialog.appendChild(element("p", {}, "Máy chưa gửi được những phần này lên máy chủ (có thể do mất mạng):"));
    var list = dialog.appendChild(element("ul", {}));
    names.forEach(function (name) { list.appendChild(element("li", {}, name)); });
    dialog.appendChild(element("p", {}, "Nếu đăng xuất bây giờ, chúng sẽ bị xóa khỏi máy này và mất hẳn."));
    var choices = dialog.appendChild(element("form", { method: "dialog", "class": "actions" }));
    choices.appendChild(element("button", { "class": "button primary", value: "stay", autofocus: "" },
                                "Ở lại, chờ có mạng để gửi"));
    choices.appendChild(element("button", { "class": "button danger", value: "leave" },
                                "Vẫn đăng xuất, bỏ phần chưa gửi"));
    document.body.appendChild(dialog);
    return new Promise(function (resolve) {
      dialog.addEventListener("close", function () {
        dialog.remove();
        resolve(dialog.returnValue === "leave");
      });
      dialog.showModal();
    });
  }

  function ask(message) {
    return worker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function forgetDevice() {
    try {
      Object.keys(localStorage).forEach(function (key) { if (key.indexOf("sotay:") === 0) localStorage.removeItem(key); });
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

  document.addEventListener("submit", function (event) {
    var form = event.target, outbox = window.sotayOutbox;
    if (!form.matches || !form.matches("[data-logout]")) return;
    event.preventDefault();
    (outbox ? outbox.send() : Promise.resolve(0)).then(function () {
      var names = outbox ? outbox.unsent() : [];
      return names.length ? confirmLoss(names) : true;
    }).then(function (leave) {
      if (leave) forgetDevice().then(function () { form.submit(); });
    });
  });
})();
