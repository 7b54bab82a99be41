/*
 * The club's session report on a phone whose connection comes and goes (docs/decisions.md,
 * "The report's outbox").
 *
 * - The form is kept on the phone as it is typed (a draft per leader and form address), and
 *   brought back when the form is opened again: Back, a reload or a closed tab lose nothing.
 * - "Submit" and "Save as draft" put the report in the leader's outbox, with the key the
 *   server made for this form (or the draft's): it is sent now if it can be, else when the
 *   connection returns (on the next club page opened, or when the phone is back online).
 *   The server takes each key once per leader, so a report sent twice is one session.
 * - Before sending, the phone asks who is logged in and for a fresh CSRF token: a report is
 *   sent only as the leader who wrote it; an ended login asks to log in, then sends.
 * - Everything is in localStorage under "smh-club:", which offline.js empties at log-out.
 * Words come translated in the outbox panel's data-* attributes (_outbox.html).
 */
(function () {
  "use strict";

  var panel = document.querySelector("[data-club-outbox]");
  if (!panel || !window.localStorage) {
    return;
  }
  var words = panel.dataset;
  var owner = words.user;
  var outboxName = "smh-club:outbox:" + owner;
  var form = document.querySelector("form[data-draft]");
  var draftName = form ? "smh-club:draft:" + form.dataset.draft : null;
  var SENDABLE = ["waiting", "login"];
  var SENT_KEPT = 10;

  /* ---- Storage ------------------------------------------------------------------------ */

  function read(name, fallback) {
    try {
      var value = JSON.parse(localStorage.getItem(name));
      return value === null ? fallback : value;
    } catch (error) {
      return fallback;
    }
  }

  function entries() {
    return read(outboxName, []);
  }

  function store(list) {
    var sent = list.filter(function (entry) {
      return entry.state === "sent";
    });
    // The fate of the last few sent reports is kept to be shown; older ones go.
    var dropped = sent.slice(0, Math.max(0, sent.length - SENT_KEPT));
    localStorage.setItem(
      outboxName,
      JSON.stringify(
        list.filter(function (entry) {
          return dropped.indexOf(entry) === -1;
        }),
      ),
    );
  }

  function update(key, changes) {
    var list = entries();
    list.forEach(function (entry) {
      if (entry.key === key) Object.assign(entry, changes);
    });
    store(list);
  }

  function put(entry) {
    var list = entries().filter(function (other) {
      return other.key !== entry.key;
    });
    list.push(entry);
    store(list);
  }

  function forgetDraftsWithKey(key) {
    for (var index = localStorage.length - 1; index >= 0; index--) {
      var name = localStorage.key(index);
      if (name.indexOf("smh-club:draft:" + owner + ":") !== 0) continue;
      if ((read(name, {}) || {}).key === key) localStorage.removeItem(name);
    }
  }

  /* ---- The form kept as typed ------------------------------------------------------------ */

  function keyInput() {
    return form.querySelector("input[name=submission_key]");
  }

  function snapshot() {
    var fields = [];
    var checkable = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken") fields.push([name, value]);
    });
    Array.prototype.forEach.call(form.elements, function (element) {
      if ((element.type === "checkbox" || element.type === "radio") && checkable.indexOf(element.name) === -1) {
        checkable.push(element.name);
      }
    });
    return { key: keyInput().value, fields: fields, checkable: checkable, savedAt: Date.now() };
  }

  function saveDraft() {
    // Logging out (offline.js emptied the storage): nothing typed is written back.
    if (document.documentElement.hasAttribute("data-logging-out")) return;
    try {
      localStorage.setItem(draftName, JSON.stringify(snapshot()));
    } catch (error) {
      // A full phone: the form still works online; nothing else to do here.
    }
  }

  function newcomerCount() {
    return Number(form.querySelector("input[name='newcomers-TOTAL_FORMS']").value);
  }

  function addNewcomer() {
    var template = form.querySelector("template[data-newcomer-template]");
    var total = form.querySelector("input[name='newcomers-TOTAL_FORMS']");
    var most = Number(form.querySelector("input[name='newcomers-MAX_NUM_FORMS']").value);
    var index = Number(total.value);
    if (!template || index >= most) return null;
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML
      .replace(/__prefix__/g, String(index))
      .replace(/__number__/g, String(index + 1));
    var line = holder.firstElementChild;
    var fieldsets = form.querySelectorAll("fieldset.newcomer");
    fieldsets[fieldsets.length - 1].after(line);
    total.value = String(index + 1);
    return line;
  }

  function restoreDraft(draft) {
    var values = {};
    draft.fields.forEach(function (pair) {
      (values[pair[0]] = values[pair[0]] || []).push(pair[1]);
    });
    var wanted = Number((values["newcomers-TOTAL_FORMS"] || ["0"])[0]);
    while (newcomerCount() < wanted && addNewcomer()) {
      // One line more each time, as the leader added them.
    }
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name;
      if (!name || name === "csrfmiddlewaretoken" || element.type === "submit") return;
      if (element.type === "checkbox" || element.type === "radio") {
        if (draft.checkable.indexOf(name) === -1) return;
        element.checked = (values[name] || []).indexOf(element.value) !== -1;
        if (element.checked) element.dispatchEvent(new Event("change", { bubbles: true }));
      } else if (name in values) {
        element.value = values[name][0];
      }
    });
  }

  function setUpForm() {
    var draft = read(draftName, null);
    if (form.dataset.draftRestore && draft && draft.fields) {
      restoreDraft(draft);
      say(words.restored);
    }
    form.addEventListener("input", saveDraft);
    form.addEventListener("change", saveDraft);
    window.addEventListener("pagehide", saveDraft);

    var addButton = form.querySelector("[data-add-newcomer]");
    if (addButton) {
      addButton.addEventListener("click", function (event) {
        event.preventDefault();
        var line = addNewcomer();
        if (line) line.querySelector("input").focus();
        saveDraft();
      });
    }

    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (form.dataset.native || !submitter || ["submit", "save_draft"].indexOf(submitter.name) === -1) {
        return;
      }
      event.preventDefault();
      saveDraft();
      var draft = snapshot();
      put({
        key: draft.key,
        action: form.getAttribute("action") || location.pathname,
        submitter: submitter.name,
        fields: draft.fields,
        checkable: draft.checkable,
        date: form.elements.date ? form.elements.date.value : "",
        queuedAt: Date.now(),
        state: "waiting",
      });
      sendAll().then(function () {
        var entry = entries().filter(function (other) {
          return other.key === draft.key;
        })[0];
        if (entry && entry.state === "sent") {
          location.assign(words.homeUrl);
        } else if (entry && entry.state === "invalid") {
          // Online and refused: the server shows the form with its errors, in place.
          store(
            entries().filter(function (other) {
              return other.key !== draft.key;
            }),
          );
          submitNatively(submitter.name);
        } else if (entry && entry.state === "waiting") {
          say(words.queued);
          panel.scrollIntoView();
        } else if (entry && entry.state === "login") {
          panel.scrollIntoView();
        }
      });
    });
  }

  function submitNatively(submitterName) {
    var pressed = document.createElement("input");
    pressed.type = "hidden";
    pressed.name = submitterName;
    pressed.value = "1";
    form.append(pressed);
    form.dataset.native = "1";
    form.submit();
  }

  /* ---- Sending ---------------------------------------------------------------------------- */

  var sending = null;

  function sendAll() {
    // One sending at a time in this page; two pages sending the same key make one session.
    if (!sending) {
      sending = sendWaiting().finally(function () {
        sending = null;
        render();
      });
    }
    return sending;
  }

  function sendWaiting() {
    var waiting = entries().filter(function (entry) {
      return SENDABLE.indexOf(entry.state) !== -1;
    });
    if (!waiting.length) return Promise.resolve();
    return fetch(words.checkUrl, {
      credentials: "same-origin",
      redirect: "manual",
      cache: "no-store",
      headers: { Accept: "application/json" },
    }).then(
      function (response) {
        if (response.type === "opaqueredirect" || response.status === 403) {
          waiting.forEach(function (entry) {
            update(entry.key, { state: "login" });
          });
          return null;
        }
        if (!response.ok) return null; // The server failed: tried again later.
        return response.json().then(function (answer) {
          // Logged in as someone else on this phone: their outbox is not theirs to send.
          if (String(answer.user) !== owner) return null;
          return sendEach(waiting, answer.csrf_token);
        });
      },
      function () {
        return null; // Still offline: they wait.
      },
    );
  }

  function sendEach(waiting, token) {
    return waiting.reduce(function (previous, entry) {
      return previous.then(function (goOn) {
        if (goOn === false) return false;
        update(entry.key, { state: "sending" });
        render();
        return sendOne(entry, token);
      });
    }, Promise.resolve(true));
  }

  function sendOne(entry, token) {
    var body = new FormData();
    entry.fields.forEach(function (pair) {
      body.append(pair[0], pair[1]);
    });
    body.append(entry.submitter, "1");
    body.append("csrfmiddlewaretoken", token);
    return fetch(entry.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-Club-Outbox": "1", "X-CSRFToken": token, Accept: "application/json" },
    }).then(
      function (response) {
        if (response.type === "opaqueredirect" || response.status === 403) {
          // The login ended, or its token changed: kept, and the leader is asked to log in.
          update(entry.key, { state: "login" });
          return false;
        }
        if (response.ok) {
          return response.json().then(function (answer) {
            update(entry.key, { state: "sent", session: answer.session, fields: [], sentAt: Date.now() });
            forgetDraftsWithKey(entry.key);
            return true;
          });
        }
        if (response.status === 422 || response.status === 404) {
          return response
            .json()
            .catch(function () {
              return { errors: [] };
            })
            .then(function (answer) {
              update(entry.key, { state: "invalid", errors: answer.errors || [] });
              return true;
            });
        }
        update(entry.key, { state: "waiting" }); // The server failed: tried again later.
        return false;
      },
      function () {
        update(entry.key, { state: "waiting" });
        return false;
      },
    );
  }

  /* ---- What the leader sees ------------------------------------------------------------- */

  var summary = panel.querySelector("[data-outbox-summary]");
  var list = panel.querySelector("[data-outbox-items]");
  var said = "";

  function say(text) {
    said = text;
    render();
  }

  function openInForm(entry) {
    // Back in its form as typed, with its key: corrected there and sent again.
    var path = new URL(entry.action, location.href).pathname;
    localStorage.setItem(
      "smh-club:draft:" + owner + ":" + path,
      JSON.stringify({ key: entry.key, fields: entry.fields, checkable: entry.checkable || [] }),
    );
    store(
      entries().filter(function (other) {
        return other.key !== entry.key;
      }),
    );
    location.assign(path);
  }

  function fateOf(entry) {
    if (entry.state === "sent") {
      // On "My club", the session's status now (returned, with the officer's reason).
      var row = document.querySelector('[data-submission-key="' + entry.key + '"]');
      if (row) {
        var status = row.querySelector(".club-session__status");
        var reason = row.querySelector(".club-session__reason");
        return [words.sent, status && status.textContent.trim(), reason && reason.textContent.trim()]
          .filter(Boolean)
          .join(" · ");
      }
      return words.sent + " · " + entry.session.status_label;
    }
    if (entry.state === "login") return words.login;
    if (entry.state === "invalid") return [words.invalid].concat(entry.errors || []).join(" ");
    if (entry.state === "sending") return words.sending;
    return words.waits;
  }

  /* The session's day as the page's language writes it (the form holds 2026-12-01). */
  function dayOf(isoDate) {
    var day = new Date(isoDate + "T00:00:00");
    if (!isoDate || isNaN(day)) return isoDate || "";
    return new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "medium" }).format(day);
  }

  function render() {
    var all = entries();
    var waiting = all.filter(function (entry) {
      return entry.state !== "sent";
    });
    panel.hidden = !all.length && !said;
    summary.textContent = [said, waiting.length ? words.waiting.replace("{count}", waiting.length) : ""]
      .filter(Boolean)
      .join(" ");
    list.replaceChildren();
    all
      .slice()
      .reverse()
      .forEach(function (entry) {
        var item = document.createElement("li");
        item.className = "club-outbox__item club-outbox__item--" + entry.state;
        item.dataset.outboxKey = entry.key;
        var title = document.createElement("strong");
        title.textContent = words.reportOf.replace("{date}", entry.session ? entry.session.date : dayOf(entry.date));
        var fate = document.createElement("span");
        fate.className = "club-outbox__fate";
        fate.textContent = fateOf(entry);
        item.append(title, " ", fate, " ");
        if (entry.state === "sent") {
          var open = document.createElement("a");
          open.href = entry.session.url;
          open.textContent = words.open;
          item.append(open);
        } else if (entry.state === "login") {
          var logIn = document.createElement("a");
          logIn.className = "button";
          logIn.href = words.loginUrl;
          logIn.textContent = words.logIn;
          item.append(logIn);
        } else if (entry.state === "invalid") {
          var fix = document.createElement("button");
          fix.type = "button";
          fix.className = "button button--secondary";
          fix.textContent = words.open;
          fix.addEventListener("click", function () {
            openInForm(entry);
          });
          var forget = document.createElement("button");
          forget.type = "button";
          forget.className = "button button--secondary";
          forget.textContent = words.forget;
          forget.addEventListener("click", function () {
            store(
              entries().filter(function (other) {
                return other.key !== entry.key;
              }),
            );
            render();
          });
          item.append(fix, " ", forget);
        }
        list.append(item);
      });
  }

  if (form) setUpForm();
  render();
  // A report sent from another page (or tab) clears its draft here too.
  entries()
    .filter(function (entry) {
      return entry.state === "sent";
    })
    .forEach(function (entry) {
      forgetDraftsWithKey(entry.key);
    });
  sendAll().then(function () {
    // This form's report arrived while it was open (sent from the outbox): start afresh.
    if (!form) return;
    var mine = entries().filter(function (entry) {
      return entry.key === keyInput().value && entry.state === "sent";
    })[0];
    if (mine) location.assign(words.homeUrl);
  });
  window.addEventListener("online", sendAll);
  window.addEventListener("storage", function (event) {
    if (event.key === outboxName) render();
  });
})();
