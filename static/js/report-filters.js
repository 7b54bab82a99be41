/*
 * The programme report's filters: when the province or the district changes, the lists of
 * districts and youth groups are asked again from the server (only the officer's own) and
 * replaced, so the group wanted can be chosen without reloading the page.
 * No inline script and nothing from another site: the admin's Content-Security-Policy holds.
 */
(function () {
  "use strict";

  function fill(select, choices) {
    if (!select) {
      return;
    }
    var kept = select.value;
    var options = choices.map(function (choice) {
      return new Option(choice[1], choice[0], false, choice[0] === kept);
    });
    select.replaceChildren.apply(select, options);
  }

  function refresh(form, changed) {
    var province = form.elements.namedItem("province");
    var district = form.elements.namedItem("district");
    var group = form.elements.namedItem("group");
    if (changed === "province" && district) {
      district.value = "";
    }
    var url = new URL(form.dataset.placesUrl, window.location.href);
    url.searchParams.set("province", province ? province.value : "");
    url.searchParams.set("district", district ? district.value : "");
    form.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (places) {
        if (changed === "province") {
          fill(district, places.district);
        }
        fill(group, places.group);
      })
      .catch(function () {
        // The lists stay as they were; "Show the report" still reloads them.
      })
      .finally(function () {
        form.removeAttribute("aria-busy");
      });
  }

  document.addEventListener("change", function (event) {
    var field = event.target;
    var form = field.form;
    if (!form || !form.hasAttribute("data-report-filters")) {
      return;
    }
    if (field.name === "province" || field.name === "district") {
      refresh(form, field.name);
    }
  });
})();
