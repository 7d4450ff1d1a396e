/* "Copy link" on a practice's page (templates/practices/partials/practice_share.html). Without
   JavaScript the page shows the link in a read-only field to select and copy; with it, a button
   copies the link and says so in the status region beside it (read out by screen readers). */
(function () {
  "use strict";

  function say(status, text) {
    // emptied first: the same words said twice in a row are announced again
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyBySelection(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (e) {
      return false;
    }
  }

  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-link"));
    var status = document.getElementById("share-status");
    if (!field || !status) { return; }
    button.hidden = false;
    field.addEventListener("focus", function () { field.select(); });
    button.addEventListener("click", function () {
      var copied = function () { say(status, button.getAttribute("data-copied")); };
      var failed = function () {
        if (copyBySelection(field)) { copied(); return; }
        say(status, button.getAttribute("data-copy-failed"));
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(copied, failed);
      } else {
        failed();
      }
    });
  });
})();
