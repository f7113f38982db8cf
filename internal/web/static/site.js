// The site works without this script. It adds what needs a browser's help:
// copying a story's address, and the system share sheet where there is one.
(function () {
  "use strict";
  document.querySelectorAll(".share-copy").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.parentElement.hidden = false;
    var label = b.querySelector("span");
    var text = label.textContent;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(b.dataset.url).then(function () {
        label.textContent = b.dataset.done;
        setTimeout(function () { label.textContent = text; }, 2500);
      });
    });
  });
  document.querySelectorAll(".share-native").forEach(function (b) {
    if (!navigator.share) return;
    b.parentElement.hidden = false;
    b.addEventListener("click", function () {
      // A reader who closes the sheet rejects the promise: nothing to do.
      navigator.share({ url: b.dataset.url, title: b.dataset.title }).catch(function () {});
    });
  });
})();

// Readers: the page is cached and the same for everyone, so it is drawn
// signed out, with every bookmark button unsaved. When this browser has a
// session (the newsdesk_reader hint cookie, which holds no secret), one
// private request fills in the reader's name and saved stories. The
// bookmark buttons then save and remove without reloading the page;
// without this script they are plain forms that come back to the page.
(function () {
  "use strict";
  var forms = Array.prototype.slice.call(document.querySelectorAll("form.bookmark"));
  var trash = Array.prototype.slice.call(document.querySelectorAll("form.saved-remove"));

  function show(form, saved) {
    form.classList.toggle("is-saved", saved);
    form.classList.toggle("is-unsaved", !saved);
  }

  // post sends a bookmark form as the browser would, asking for JSON.
  // (form.action would be the buttons named "action", not the address.)
  function post(form, action) {
    var body = new URLSearchParams(new FormData(form));
    body.set("action", action);
    return fetch(form.getAttribute("action"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (resp) {
      return resp.json().then(function (data) {
        if (resp.status === 401 && data.signin) {
          location.href = data.signin;
          return null;
        }
        if (!resp.ok) throw new Error(data.error || resp.statusText);
        return data;
      });
    });
  }

  // submitPlain sends the form without this script, as a last resort.
  function submitPlain(form, action) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "action";
    input.value = action;
    form.appendChild(input);
    form.submit();
  }

  forms.forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var action = e.submitter ? e.submitter.value : "add";
      e.preventDefault();
      form.setAttribute("aria-busy", "true");
      post(form, action).then(function (data) {
        if (!data) return;
        document.querySelectorAll('form.bookmark[data-story="' + form.dataset.story + '"]').forEach(function (f) { show(f, data.saved); });
        var again = form.querySelector(data.saved ? ".bookmark-remove" : ".bookmark-add");
        if (again) again.focus();
      }).catch(function () {
        // Let the browser try: the form works without this script.
        submitPlain(form, action);
      }).finally(function () { form.removeAttribute("aria-busy"); });
    });
  });

  trash.forEach(function (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      post(form, "remove").then(function (data) {
        if (!data) return;
        var item = form.closest(".saved-item");
        if (item) item.remove();
      }).catch(function () { submitPlain(form, "remove"); });
    });
  });

  if (!/(?:^|;\s*)newsdesk_reader=1/.test(document.cookie)) return;
  var ids = forms.map(function (f) { return f.dataset.story; }).filter(function (id, i, all) { return all.indexOf(id) === i; });
  fetch("/account/bookmarks/state?ids=" + ids.slice(0, 200).join(","), {
    credentials: "same-origin", headers: { "Accept": "application/json" }
  }).then(function (resp) { return resp.ok ? resp.json() : null; }).then(function (state) {
    if (!state) return;
    if (!state.signedIn) {
      // The session has ended: forget the hint.
      document.cookie = "newsdesk_reader=; Max-Age=0; Path=/; SameSite=Lax";
      return;
    }
    var saved = {};
    (state.saved || []).forEach(function (id) { saved[id] = true; });
    forms.forEach(function (f) { show(f, !!saved[f.dataset.story]); });
    document.querySelectorAll(".account-signin, .account-signup").forEach(function (a) { a.hidden = true; });
    document.querySelectorAll(".account-me, .account-bookmarks").forEach(function (a) { a.hidden = false; });
    document.querySelectorAll(".account-name").forEach(function (n) { n.textContent = state.name; });
  }).catch(function () {});
})();

// Fresh stories: a story less than a day old shows how long ago it was
// published ("5 minutes ago", "5 минут назад") in the page's language, and
// keeps its date and time in the tooltip. The page is cached, so the
// browser works it out, and again every minute.
(function () {
  "use strict";
  if (!window.Intl || !Intl.RelativeTimeFormat) return;
  var fmt = new Intl.RelativeTimeFormat(document.documentElement.lang || "en", { numeric: "auto" });
  var times = document.querySelectorAll(".story-date > time, .dateline > time, .card-time > time:first-child");
  function update() {
    var now = Date.now();
    times.forEach(function (t) {
      var s = (now - Date.parse(t.getAttribute("datetime"))) / 1000;
      // A date in the future (clocks differ) or a day old stays a date.
      if (!(s >= 0 && s < 86400)) {
        if (t.dataset.date) t.textContent = t.dataset.date;
        return;
      }
      if (!t.dataset.date) {
        t.dataset.date = t.textContent;
        t.title = t.textContent;
      }
      t.textContent = s < 60 ? fmt.format(0, "second")
        : s < 3600 ? fmt.format(-Math.floor(s / 60), "minute")
        : fmt.format(-Math.floor(s / 3600), "hour");
      t.classList.add("ago");
    });
  }
  update();
  setInterval(update, 60000);
})();
