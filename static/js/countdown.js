/* Keeps a call's countdown current ("Closes in 3 days, 4 hours") and shows its deadline in the
   visitor's own time zone when that differs from the portal's. The server already wrote both
   texts' starting point: without JavaScript the page still says the time left. */
(function () {
  "use strict";

  var lang = document.documentElement.lang || undefined;

  function unit(count, name) {
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "long" }).format(count);
    } catch (e) {
      return count + " " + name + (count === 1 ? "" : "s");
    }
  }

  // Two units at most, like Django's timeuntil: "3 days, 4 hours", "4 hours, 5 minutes".
  function timeLeft(ms) {
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var rest = minutes % 60;
    var parts = [];
    if (days) { parts.push(unit(days, "day")); }
    if (hours) { parts.push(unit(hours, "hour")); }
    if (!days && (rest || !hours)) { parts.push(unit(rest, "minute")); }
    return parts.slice(0, 2).join(", ");
  }

  function tick(element) {
    var target = Date.parse(element.getAttribute("data-countdown"));
    if (isNaN(target)) { return false; }
    var ms = target - Date.now();
    if (ms <= 0) {
      element.textContent = element.getAttribute("data-done");
      return false;
    }
    element.textContent = element.getAttribute("data-template").replace("__LEFT__", timeLeft(ms));
    return true;
  }

  function startCountdowns() {
    var elements = Array.prototype.slice.call(document.querySelectorAll("[data-countdown]"));
    function update() {
      elements = elements.filter(tick);
      if (elements.length) { window.setTimeout(update, 30000); }
    }
    update();
  }

  function showLocalTimes() {
    var visitorZone;
    try { visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    document.querySelectorAll("[data-local-time]").forEach(function (element) {
      if (!visitorZone || visitorZone === element.getAttribute("data-zone")) { return; }
      var moment = new Date(element.getAttribute("data-local-time"));
      if (isNaN(moment.getTime())) { return; }
      // as the server writes moments (skillup/dates.py): "20 January 2027, 18:55 UTC" (day first
      // in English too, a 24-hour clock, the zone named)
      var dayLang = lang === "en" ? "en-GB" : lang;
      var text = new Intl.DateTimeFormat(dayLang, {
        day: "numeric", month: "long", year: "numeric"
      }).format(moment) + ", " + new Intl.DateTimeFormat(lang, {
        hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
      }).format(moment);
      element.textContent = element.getAttribute("data-template").replace("__TIME__", text);
      element.hidden = false;
    });
  }

  function start() {
    startCountdowns();
    showLocalTimes();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
