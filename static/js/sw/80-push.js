// ---- Web Push ------------------------------------------------------------------------
// The server sends {title, body, url, tag}: a meeting's title and time, never a note. One
// notification per meeting and kind (tag), so a corrected time replaces the old one.

function onPush(event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (error) { data = {}; }
  var title = data.title || "Sổ tay đảng viên";
  event.waitUntil(self.registration.showNotification(title, {
    body: data.body || "",
    tag: data.tag || undefined,
    icon: CONFIG.icon,
    lang: "vi",
    data: { url: typeof data.url === "string" && data.url.charAt(0) === "/" ? data.url : "/" }
  }));
}

function onNotificationClick(event) {
  event.notification.close();
  var url = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === url && "focus" in windows[i]) return windows[i].focus();
    }
    return self.clients.openWindow(url);
  }));
}

// Logging out forgets the account on this phone: its pushes stop too (the server forgets the
// endpoint when the push service next answers that it is gone).
function onPushMessage(event) {
  var data = event.data || {};
  if (data.type !== "forget") return;
  event.waitUntil(self.registration.pushManager.getSubscription().then(function (subscription) {
    return subscription ? subscription.unsubscribe() : null;
  }).catch(function () { return null; }));
}
