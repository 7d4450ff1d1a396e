/* A matching run's admin page, while the run is queued or running: re-read the page every few
   seconds, put its new status line into the live region, and reload once the run has finished
   (its figures, timings and draft link then show). A button stops and resumes the updates
   (WCAG 2.2.2). No inline script: the CSP allows scripts from this site only.

   It asks nothing while the tab is hidden (and asks at once when it shows again). An answer
   that is not this run's page (logged out: the log-in page; no permission; the run gone) stops
   the updates and reloads the page, which then shows what the server says; a network error or
   a server error waits twice as long before the next try (up to a minute). */
(function () {
  "use strict";
  var box = document.getElementById("run-state");
  var text = document.getElementById("run-state-text");
  if (!box || !text || box.dataset.active !== "true" || !window.fetch || !window.DOMParser) {
    return;
  }
  var EVERY_MS = 3000;
  var AT_MOST_MS = 60000;
  var wait = EVERY_MS;
  var paused = false;
  var asking = false;
  var timer = null;

  var button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = box.dataset.pauseLabel;
  button.addEventListener("click", function () {
    paused = !paused;
    button.textContent = paused ? box.dataset.resumeLabel : box.dataset.pauseLabel;
    schedule(); // stops the pending check when paused
  });
  box.appendChild(button);

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      window.clearTimeout(timer);
    } else if (!paused) {
      check();
    }
  });

  function schedule() {
    window.clearTimeout(timer);
    if (!paused && !document.hidden) timer = window.setTimeout(check, wait);
  }

  function retryLater() {
    wait = Math.min(wait * 2, AT_MOST_MS);
    schedule();
  }

  function check() {
    window.clearTimeout(timer);
    if (asking) return;
    asking = true;
    window
      .fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.status >= 500 || response.status === 429) {
          throw new Error(String(response.status)); // the server is busy or failing: try later
        }
        return response.text().then(function (html) {
          return { ok: response.ok, html: html };
        });
      })
      .then(
        function (answer) {
          asking = false;
          if (paused) return; // stopped while this check was on its way
          var page = answer.ok ? new DOMParser().parseFromString(answer.html, "text/html") : null;
          var newBox = page && page.getElementById("run-state");
          var newText = page && page.getElementById("run-state-text");
          if (!newBox || !newText || newBox.dataset.active !== "true") {
            window.location.reload(); // finished, or not this run's page any more
            return;
          }
          if (newText.textContent !== text.textContent) text.textContent = newText.textContent;
          wait = EVERY_MS;
          schedule();
        },
        function () {
          asking = false;
          retryLater();
        }
      );
  }

  schedule();
})();
