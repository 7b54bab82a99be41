/*
 * The club's session report: only the part for the way people were counted shows (the roll
 * and newcomers when counting by name, the headcount grid when counting people).
 * Without this script both parts show and the form works the same: the server reads only the
 * part chosen. No inline script: the site's Content-Security-Policy holds.
 */
(function () {
  "use strict";

  var form = document.querySelector(".club-form");
  if (!form) {
    return;
  }
  var radios = form.querySelectorAll('input[name="attendance_mode"]');
  var parts = form.querySelectorAll("[data-attendance-mode]");

  function show() {
    var chosen = "";
    radios.forEach(function (radio) {
      if (radio.checked) {
        chosen = radio.value;
      }
    });
    parts.forEach(function (part) {
      // Until a way is chosen, both parts show.
      part.hidden = chosen !== "" && part.getAttribute("data-attendance-mode") !== chosen;
    });
  }

  radios.forEach(function (radio) {
    radio.addEventListener("change", show);
  });
  show();
})();
