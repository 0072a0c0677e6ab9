// Small behaviours shared by every page. htmx does the requests; this file only adds
// what HTML attributes cannot say. Features register their own handlers below.
(function () {
  "use strict";
  // Logging out on a shared phone must not leave that member's unsent drafts behind.
  document.addEventListener("submit", function (event) {
    if (event.target.matches("[data-logout]")) {
      try {
        var prefix = "sotay:";
        for (var i = localStorage.length - 1; i >= 0; i--) {
          var key = localStorage.key(i);
          if (key && key.indexOf(prefix) === 0) localStorage.removeItem(key);
        }
        // htmx keeps snapshots of visited pages for Back; they hold this member's pages.
        localStorage.removeItem("htmx-history-cache");
        sessionStorage.removeItem("htmx-history-cache");
      } catch (e) { /* storage disabled: nothing to clear */ }
    }
  });
})();
