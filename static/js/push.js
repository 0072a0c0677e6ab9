// The account page's push switch: subscribes this browser through our service worker and tells
// the server (POST, CSRF token as a header); turning it off unsubscribes both sides.
"use strict";
(function () {
  var card = document.querySelector("[data-push]");
  if (!card) return;
  var state = card.querySelector("[data-push-state]");
  var on = card.querySelector("[data-push-on]");
  var off = card.querySelector("[data-push-off]");
  var TEXT = {
    on: "Thiết bị này đang nhận thông báo.",
    off: "Thiết bị này chưa nhận thông báo.",
    denied: "Đồng chí đã chặn thông báo cho sổ tay trong cài đặt của trình duyệt; mở lại ở đó rồi thử lần nữa.",
    failed: "Chưa làm được. Vui lòng kiểm tra kết nối và thử lại."
  };

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return;

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (error) { return ""; }
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() }
    }).then(function (response) { if (!response.ok) throw new Error(String(response.status)); });
  }

  function keyBytes(base64url) {
    var text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  function show(subscribed, message) {
    state.textContent = message || (subscribed ? TEXT.on : TEXT.off);
    on.hidden = subscribed;
    off.hidden = !subscribed;
  }

  function current() {
    return navigator.serviceWorker.ready.then(function (registration) {
      return registration.pushManager.getSubscription().then(function (subscription) {
        return { registration: registration, subscription: subscription };
      });
    });
  }

  on.addEventListener("click", function () {
    on.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") throw new Error("denied");
      return current();
    }).then(function (found) {
      return found.subscription || found.registration.pushManager.subscribe({
        userVisibleOnly: true, applicationServerKey: keyBytes(card.getAttribute("data-key"))
      });
    }).then(function (subscription) {
      return post(card.getAttribute("data-subscribe"), subscription.toJSON());
    }).then(function () { show(true); }, function (error) {
      show(false, error && error.message === "denied" ? TEXT.denied : TEXT.failed);
    }).then(function () { on.disabled = false; });
  });

  off.addEventListener("click", function () {
    off.disabled = true;
    current().then(function (found) {
      if (!found.subscription) return null;
      var endpoint = found.subscription.endpoint;
      return found.subscription.unsubscribe().then(function () {
        return post(card.getAttribute("data-unsubscribe"), { endpoint: endpoint });
      });
    }).then(function () { show(false); }, function () { show(true, TEXT.failed); })
      .then(function () { off.disabled = false; });
  });

  if (Notification.permission === "denied") { show(false, TEXT.denied); return; }
  current().then(function (found) { show(!!found.subscription); }, function () { show(false); });
})();
