/* Live character count for textareas with data-charcount-limit.
 *
 * Adds a polite live region after the field ("120 / 1500 characters") and links it with
 * aria-describedby. It only informs: the server still enforces the limit, and typing past it
 * is allowed so that nothing pasted is cut off silently.
 */
(function () {
  "use strict";

  function setUp(field) {
    var limit = parseInt(field.getAttribute("data-charcount-limit"), 10);
    var template = field.getAttribute("data-charcount-text") || "{count} / {limit}";
    if (!limit) {
      return;
    }
    var counter = document.createElement("div");
    counter.id = field.id + "_charcount";
    counter.className = "form-text";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);

    // an error the server found stays shown (Bootstrap shows .invalid-feedback only beside
    // an .is-invalid field): the count adds "too long", it never clears the server's verdict
    var invalidFromServer = field.classList.contains("is-invalid");
    var timer = null;
    function update() {
      // count characters as the server does (code points, not UTF-16 units)
      var count = Array.from(field.value).length;
      counter.textContent = template.replace("{count}", count).replace("{limit}", limit);
      counter.classList.toggle("text-danger", count > limit);
      field.classList.toggle("is-invalid", invalidFromServer || count > limit);
    }
    update();
    field.addEventListener("input", function () {
      // wait for a pause in typing so screen readers are not flooded
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 300);
    });
  }

  function init() {
    var fields = document.querySelectorAll("textarea[data-charcount-limit]");
    for (var i = 0; i < fields.length; i += 1) {
      setUp(fields[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
