/* The site's only script: registers the service worker, and runs "Save for offline" and the
 * list of saved items (offline/templates/offline/includes). Its words come translated in the
 * page's data-* attributes; the worker does the saving (offline/templates/offline/service_worker.js).
 */
(function () {
  "use strict";

  var script = document.currentScript;

  /* The offline page: how many club reports wait on this phone (never what is in them). */
  document.querySelectorAll("[data-club-outbox-count]").forEach(function (element) {
    var waiting = 0;
    for (var index = 0; index < localStorage.length; index++) {
      var name = localStorage.key(index);
      if (name.indexOf("smh-club:outbox:") !== 0) continue;
      try {
        waiting += JSON.parse(localStorage.getItem(name)).filter(function (entry) {
          return entry.state !== "sent";
        }).length;
      } catch (error) {
        // Not ours to read: nothing to count.
      }
    }
    element.textContent = element.dataset.clubOutboxCount.replace("{count}", waiting);
    element.hidden = waiting === 0;
  });

  /* Logging out: what the club's report form kept on this phone (its drafts and the outbox,
   * static/js/club-outbox.js) goes, so the next person on the phone finds no one's names.
   * The worker forgets the private copies of pages at the same time. */
  document.querySelectorAll("form[data-logout]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var names = [];
      var unsent = false;
      for (var index = 0; index < localStorage.length; index++) {
        var name = localStorage.key(index);
        if (name.indexOf("smh-club:") !== 0) continue;
        names.push(name);
        if (name.indexOf("smh-club:outbox:") === 0) {
          unsent = unsent || /"state":"(waiting|login|sending|invalid)"/.test(localStorage.getItem(name));
        }
      }
      if (unsent && !window.confirm(form.dataset.unsentWarning)) {
        event.preventDefault();
        return;
      }
      document.documentElement.setAttribute("data-logging-out", "");
      names.forEach(function (name) {
        localStorage.removeItem(name);
      });
    });
  });
  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    document.querySelectorAll("[data-offline-unsupported]").forEach(function (element) {
      element.hidden = false;
    });
    return;
  }
  navigator.serviceWorker.register(script.dataset.worker, { scope: "/" });

  /* A question to the active worker, answered through a channel of its own. */
  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          resolve(event.data);
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function formatSize(bytes, words) {
    var language = document.documentElement.lang;
    if (bytes < 1024 * 1024) {
      var kilobytes = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
      return words.kilobytes.replace("{size}", kilobytes.format(Math.max(1, bytes / 1024)));
    }
    var megabytes = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    return words.megabytes.replace("{size}", megabytes.format(bytes / (1024 * 1024)));
  }

  function problemText(problem, words) {
    return words[problem] || words.failed;
  }

  /* "Save for offline" on a module or a lesson. */
  function setUpSaveButton(widget) {
    var words = widget.dataset;
    var button = widget.querySelector("button");
    var status = widget.querySelector("[role=status]");
    widget.hidden = false;

    ask({ type: "list" }).then(function (answer) {
      var saved = (answer.items || []).some(function (item) {
        return new URL(item.itemUrl).pathname === words.itemUrl;
      });
      if (!saved) return;
      status.textContent = words.saved;
      // Opened online: a lesson republished since it was saved is fetched again now.
      if (navigator.onLine) ask({ type: "refresh" });
    });

    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = words.saving;
      // Saved items should not be evicted when the browser needs room for something else.
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      ask({ type: "save", itemUrl: words.itemUrl }).then(function (answer) {
        button.disabled = false;
        status.textContent = answer.ok
          ? words.saved + " (" + formatSize(answer.item.size, words) + ")"
          : problemText(answer.error, words);
        widget.classList.toggle("offline-save--problem", !answer.ok);
      });
    });
  }

  /* The list of saved items on the Saved page and the offline page. */
  function showSavedList(widget) {
    var words = widget.dataset;
    var list = widget.querySelector("[data-offline-items]");
    var empty = widget.querySelector("[data-offline-empty]");
    var space = widget.querySelector("[data-offline-space]");
    var status = widget.querySelector("[role=status]");
    var checks = widget.querySelector("[data-offline-agency-checks]");

    function render(answer) {
      list.replaceChildren();
      (answer.items || []).forEach(function (item) {
        var entry = document.createElement("li");
        entry.className = "saved-item";
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = item.title;
        var meta = document.createElement("span");
        meta.className = "saved-item__meta";
        meta.textContent =
          (item.kind === "module" ? words.module : words.lesson) + " · " + formatSize(item.size, words);
        entry.append(link, " ", meta);
        if ("canDelete" in words) {
          var remove = document.createElement("button");
          remove.type = "button";
          remove.className = "button button--secondary saved-item__delete";
          remove.textContent = words.delete;
          remove.setAttribute("aria-label", words.delete + ": " + item.title);
          remove.addEventListener("click", function () {
            remove.disabled = true;
            ask({ type: "delete", itemUrl: item.itemUrl }).then(function (answer) {
              status.textContent = answer.ok ? words.deleted : problemText(answer.error, words);
              refreshList();
            });
          });
          entry.append(" ", remove);
        }
        list.append(entry);
      });
      empty.hidden = (answer.items || []).length > 0;
      if (checks) {
        var checkList = checks.querySelector("ul");
        checkList.replaceChildren();
        (answer.agencyChecks || []).forEach(function (check) {
          var entry = document.createElement("li");
          var link = document.createElement("a");
          link.href = check.url;
          link.textContent = check.query;
          entry.append(link);
          checkList.append(entry);
        });
        checks.hidden = !(answer.agencyChecks || []).length;
      }
      showSpace();
    }

    function showSpace() {
      if (!space || !navigator.storage || !navigator.storage.estimate) return;
      navigator.storage.estimate().then(function (estimate) {
        space.textContent = words.space
          .replace("{used}", formatSize(estimate.usage || 0, words))
          .replace("{left}", formatSize(Math.max(0, (estimate.quota || 0) - (estimate.usage || 0)), words));
      });
    }

    function refreshList() {
      return ask({ type: "list" }).then(render);
    }

    refreshList().then(function () {
      if (!navigator.onLine) return;
      // A lesson republished since it was saved is fetched again now.
      ask({ type: "refresh" }).then(function (answer) {
        if (answer.ok && answer.updated && answer.updated.length) {
          status.textContent = words.updated + " " + answer.updated.join(", ");
          refreshList();
        } else if (!answer.ok) {
          status.textContent = problemText(answer.error, words);
        }
      });
    });
  }

  document.querySelectorAll("[data-offline-save]").forEach(setUpSaveButton);
  document.querySelectorAll("[data-offline-saved-list]").forEach(showSavedList);
})();
