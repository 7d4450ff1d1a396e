/* A matching run's admin page, while the run is queued or running: re-read the page every few
   seconds, put its new status line into the live region, and reload once the run has finished
   (its figures, timings and draft link then show). A button stops and resumes the updates
   (WCAG 2.2.2). No inline script: the CSP allows scripts from this site only. */
(function () {
  "use strict";
  var box = document.getElementById("run-state");
  var text = document.getElementById("run-state-text");
  if (!box || !text || box.dataset.active !== "true" || !window.fetch || !window.DOMParser) {
    return;
  }
  var EVERY_MS = 3000;
  var paused = false;
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

  function schedule() {
    window.clearTimeout(timer);
    if (!paused) timer = window.setTimeout(check, EVERY_MS);
  }

  function check() {
    window
      .fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        if (paused) return; // stopped while this check was on its way
        var page = new DOMParser().parseFromString(html, "text/html");
        var newBox = page.getElementById("run-state");
        var newText = page.getElementById("run-state-text");
        if (!newBox || !newText) return schedule();
        if (newBox.dataset.active !== "true") {
          window.location.reload();
          return;
        }
        if (newText.textContent !== text.textContent) text.textContent = newText.textContent;
        schedule();
      })
      .catch(schedule);
  }

  schedule();
})();
