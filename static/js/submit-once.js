/* Disable a form's submit buttons after its first submission (forms with data-submit-once).
 *
 * A convenience against double clicks only: the server is idempotent anyway (a new practice
 * carries a form token, submitting twice changes nothing). The buttons are disabled just after
 * the submit event, once the browser has taken the form's data: a button disabled earlier
 * would not send its name and value (e.g. action=submit).
 */
(function () {
  "use strict";

  function buttonsOf(form) {
    return form.querySelectorAll("button[type=submit], input[type=submit]");
  }

  function setBusy(form, busy) {
    var buttons = buttonsOf(form);
    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].disabled = busy;
    }
    if (busy) {
      form.setAttribute("data-submitting", "true");
      form.setAttribute("aria-busy", "true");
    } else {
      form.removeAttribute("data-submitting");
      form.removeAttribute("aria-busy");
    }
  }

  function onSubmit(event) {
    var form = event.target;
    if (form.getAttribute("data-submitting") === "true") {
      event.preventDefault(); // a second Enter or click while the first is on its way
      return;
    }
    form.setAttribute("data-submitting", "true");
    window.setTimeout(function () {
      setBusy(form, true);
    }, 0);
  }

  function init() {
    var forms = document.querySelectorAll("form[data-submit-once]");
    for (var i = 0; i < forms.length; i += 1) {
      forms[i].addEventListener("submit", onSubmit);
    }
  }

  // coming back with the browser's Back button shows the page as it was left: usable again
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      var forms = document.querySelectorAll("form[data-submit-once]");
      for (var i = 0; i < forms.length; i += 1) {
        setBusy(forms[i], false);
      }
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
