// newsdesk desk: presence in the story editor. Every 15 seconds the open
// editor tells the server it is still here and learns who is editing the
// story; it shows "<name> is editing this story since 11:02" with a Take
// over button, and tells the one who lost the story. Closing the tab
// sends a last "leave", so the others see it gone at once; a tab that
// dies without a word expires on the server after 45 seconds.
(function () {
  "use strict";
  var box = document.getElementById("presence");
  if (!box || !window.fetch) return;
  var url = box.getAttribute("data-presence");
  var interval = 15000;
  var timer = 0;
  var wasEditing = false;
  // lost is set once another took the story over from this page.
  var lost = false;
  var stopped = false;
  var say = window.deskSay;

  function post(path) {
    return fetch(url + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (res) {
      if (res.status === 401 || res.status === 403 || res.status === 404) stopped = true;
      if (!res.ok) throw new Error("presence: " + res.status);
      return res.json();
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function takeOverButton(state) {
    if (!state.can_take_over) return null;
    var b = el("button", "btn btn-small", say("takeOver"));
    b.type = "button";
    b.addEventListener("click", function () {
      b.disabled = true;
      post("/takeover").then(show, function () { b.disabled = false; });
    });
    return b;
  }

  // named fills p with a message that names someone: the name in bold,
  // as text, and the rest around it.
  function named(p, key, name, time) {
    var parts = say(key, { time: time }).split("{name}");
    parts.forEach(function (part, i) {
      if (i > 0) p.appendChild(el("strong", "", name));
      if (part) p.appendChild(document.createTextNode(part));
    });
  }

  // show renders the banner from a heartbeat's answer. Names go in as
  // text, never as markup.
  function show(state) {
    if (state.interval_ms > 0) interval = state.interval_ms;
    box.textContent = "";
    box.className = "presence";
    box.removeAttribute("role");
    var ed = state.editing;
    if (state.you_edit || !ed) {
      wasEditing = true;
      lost = false;
      if (!state.others.length) {
        box.hidden = true;
        return;
      }
      var names = state.others.map(function (o) { return say("since", { name: o.name, time: o.since }); });
      box.appendChild(el("p", "presence-text", say("alsoOpen", { names: names.join(", ") })));
      box.setAttribute("role", "status");
      box.hidden = false;
      return;
    }
    var p = el("p", "presence-text");
    if (wasEditing || lost) {
      // This page was editing and someone else is now: it lost the story,
      // and says so until it takes the story back, whatever later
      // heartbeats say.
      lost = true;
      box.className = "presence presence-lost";
      box.setAttribute("role", "alert");
      named(p, "tookOver", ed.name, ed.since);
    } else {
      box.setAttribute("role", "status");
      named(p, "editing", ed.name, ed.since);
    }
    box.appendChild(p);
    var b = takeOverButton(state);
    if (b) box.appendChild(b);
    box.hidden = false;
    wasEditing = false;
  }

  function beat() {
    clearTimeout(timer);
    if (stopped) return;
    post("").then(show, function () {}).then(function () {
      if (!stopped) timer = setTimeout(beat, interval);
    });
  }

  function leave() {
    clearTimeout(timer);
    if (navigator.sendBeacon) navigator.sendBeacon(url + "/leave");
  }

  window.addEventListener("pagehide", leave);
  // A page restored from the back-forward cache is open again.
  window.addEventListener("pageshow", function (e) { if (e.persisted) beat(); });
  // Browsers slow timers in hidden tabs: catch up when the tab shows again.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") beat();
  });
  beat();
})();
