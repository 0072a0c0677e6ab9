// The handbook's service worker, served at /sw.js (scope "/") as these files in order, its settings in
// self.SOTAY: the build, the app shell's content-hashed URLs, the offline page, the pack list.
//
// - The app shell is kept per build ("sotay-shell-<build>"); older builds are removed on update.
// - A member's pages are kept in one cache per login ("sotay-pages-<account>"), and only pages
//   the server marked with X-Offline-Pack naming that login AND listed in the member's pack
//   (GET /offline/pack). Another login's caches are deleted as soon as a new one is seen.
// - Pages: network first; the stored copy when the network fails or is slower than the timeout;
//   the offline page (which lists what is stored) when there is none: the member's own copy
//   (with the app's bars) if the pack holds it, else the shell's. A form sent as a page (a plain
//   POST) that cannot reach the server gets that page too, saying nothing was sent: no tap ever
//   lands on the browser's own error page.
// Each event has one listener that calls a named function, so later features (Web Push:
// "push", "notificationclick") add their own listeners beside these without touching them.
"use strict";

var CONFIG = self.SOTAY;
var SHELL = "sotay-shell-" + CONFIG.build;
var PAGES = "sotay-pages-";
var META = "sotay-meta"; // not an account's: only a pending logout's token, until it is sent
var PENDING_LOGOUT = "/__sotay/pending-logout";
var SYNC_EVERY_MS = 30000;

var lastSync = 0;
var syncing = null;

self.addEventListener("install", function (event) { event.waitUntil(installShell()); });
self.addEventListener("activate", function (event) { event.waitUntil(activate()); });
self.addEventListener("fetch", onFetch);
self.addEventListener("message", onMessage);
self.addEventListener("sync", onSync);
self.addEventListener("push", onPush);
self.addEventListener("notificationclick", onNotificationClick);
self.addEventListener("message", onPushMessage);
